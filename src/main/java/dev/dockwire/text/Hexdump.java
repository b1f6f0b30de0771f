package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hexdump -C [-v] [FILE]...}: the canonical hex+ASCII display, 16 bytes a line as offset, two
 * groups of eight and {@code |text|}, a run of identical lines folded into one {@code *} unless {@code -v},
 * then the length; util-linux's and BusyBox's hexdump print it alike. Only {@code -C} is modelled.
 */
final class Hexdump implements TextTool {
    /** BusyBox's hexdump.c getopt32 "bcdoxCve:f:n:s:" (one flavour: Debian's image has no hexdump). */
    private static final ToolOptions.Spec OPTIONS = new ToolOptions.Spec("bcdoxCve:f:n:s:", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "hexdump", 1, OPTIONS, OPTIONS, args);
        if (o.error() != null) {
            return o.error();
        }
        if (!o.has("C") || o.given().keySet().stream().anyMatch(k -> !k.equals("C") && !k.equals("v"))) {
            return TextResult.fail(126, "dockwire: hexdump: only -C and -v are modelled, so it cannot run here");
        }
        InputText in = InputText.of("hexdump", o.operands(), stdin, ctx);
        return in.result(canonical(in.text().getBytes(StandardCharsets.UTF_8), o.has("v")));
    }

    static String canonical(byte[] b, boolean all) {
        StringBuilder sb = new StringBuilder();
        boolean starred = false;
        for (int off = 0; off < b.length; off += 16) {
            int len = Math.min(16, b.length - off);
            if (!all && off > 0 && len == 16 && java.util.Arrays.equals(b, off, off + 16, b, off - 16, off)) {
                if (!starred) {
                    sb.append("*\n");
                    starred = true;
                }
                continue;
            }
            starred = false;
            sb.append(String.format(Locale.ROOT, "%08x ", off));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(i == 8 ? " " : "");
                if (i < len) {
                    int v = b[off + i] & 0xff;
                    sb.append(String.format(Locale.ROOT, " %02x", v));
                    text.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  |").append(text).append("|\n");
        }
        if (b.length > 0) {
            sb.append(String.format(Locale.ROOT, "%08x%n", b.length).replace(System.lineSeparator(), "\n"));
        }
        return sb.toString();
    }
}
