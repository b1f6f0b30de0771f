package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BusyBox's {@code xxd [-p] [-c N] [-g N] [FILE]} (util-linux/hexdump_xxd.c, the layout of vim's xxd):
 * {@code OFFSET: } then the bytes in groups of two, padded to a full line, two blanks and the text;
 * {@code -p} the plain hex, 30 bytes a line. Only alpine has it (Debian's slim image has no xxd).
 */
final class Xxd implements TextTool {
    /** BusyBox's getopt32 "pig:+c:+n:+s:o:r". */
    private static final ToolOptions.Spec OPTIONS = new ToolOptions.Spec("pig:c:l:s:o:r", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "xxd", 1, OPTIONS, OPTIONS, args);
        if (o.error() != null) {
            return o.error();
        }
        if (o.given().keySet().stream().anyMatch(k -> !List.of("p", "c", "g").contains(k))) {
            return TextResult.fail(126, "dockwire: xxd: only -p, -c and -g are modelled, so it cannot run here");
        }
        boolean plain = o.has("p");
        int cols = o.has("c") ? Integer.parseInt(o.given().get("c")) : plain ? 30 : 16;
        int group = o.has("g") ? Integer.parseInt(o.given().get("g")) : 2;
        InputText in = InputText.of("xxd", o.operands(), stdin, ctx);
        byte[] b = in.text().getBytes(StandardCharsets.UTF_8);
        return in.result(plain ? plain(b, cols) : dump(b, cols, group));
    }

    private static String plain(byte[] b, int cols) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
            if ((i + 1) % cols == 0 || i == b.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String dump(byte[] b, int cols, int group) {
        StringBuilder sb = new StringBuilder();
        int width = cols * 2 + (group == 0 ? 0 : (cols + group - 1) / group - 1);
        for (int off = 0; off < b.length; off += cols) {
            int len = Math.min(cols, b.length - off);
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < len; i++) {
                if (group > 0 && i > 0 && i % group == 0) {
                    hex.append(' ');
                }
                int v = b[off + i] & 0xff;
                hex.append(String.format(Locale.ROOT, "%02x", v));
                text.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
            }
            sb.append(String.format(Locale.ROOT, "%08x: ", off)).append(hex).append(" ".repeat(width - hex.length()))
                    .append("  ").append(text).append('\n');
        }
        return sb.toString();
    }
}
