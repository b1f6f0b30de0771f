package dev.dockwire.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code base64 [-d] [-w COLS] [FILE]}: RFC 4648's base64 of the file's bytes, wrapped at 76 columns
 * ({@code -w 0}: one line without its newline), or {@code -d} the bytes back. Decoding, coreutils'
 * base64.c stops at the first byte outside the alphabet ({@code invalid input}, after what it decoded,
 * status 1; {@code -i} skips them); BusyBox's read_base64 skips such bytes and refuses an incomplete last
 * quantum whole ({@code truncated input}).
 */
final class Base64Tool implements TextTool {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /** coreutils' base64.c (basenc.c): "diw:" and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("diw:", Map.of("decode", "d", "ignore-garbage", "i", "wrap", "w:"));
    /** BusyBox's getopt32 "dw:+". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("dw:", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "base64", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        if (o.operands().size() > 1) {
            return ctx.flavour() == Flavour.GNU ? ctx.usage("base64", 1, "extra operand " + ctx.quote(o.operands().get(1)))
                    : usage(ctx); // getopt32's "?1": bb_show_usage
        }
        int wrap = 76;
        if (o.has("w")) {
            String w = o.given().get("w");
            if (!w.matches("[0-9]+")) {
                return TextResult.fail(1, ctx.flavour() == Flavour.GNU ? "base64: invalid wrap size: " + ctx.quote(w)
                        : "base64: invalid number '" + w + "'");
            }
            wrap = Integer.parseInt(w);
        }
        InputText in = InputText.of("base64", o.operands(), stdin, ctx);
        if (!in.errors.isEmpty()) {
            return TextResult.fail(1, ctx.flavour() == Flavour.GNU ? "base64: " + o.operands().get(0) + ": No such file or directory"
                    : "base64: can't open '" + o.operands().get(0) + "': No such file or directory");
        }
        byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
        if (!o.has("d")) {
            return TextResult.ok(Lines.of(encode(bytes, wrap)));
        }
        return decode(bytes, ctx.flavour() == Flavour.BUSYBOX, o.has("i"));
    }

    private static TextResult usage(TextContext ctx) {
        List<String> lines = new java.util.ArrayList<>(dev.dockwire.libc.BusyboxUsage.withBanner("base64"));
        return TextResult.fail(1, lines.toArray(String[]::new));
    }

    static String encode(byte[] bytes, int wrap) {
        String flat = java.util.Base64.getEncoder().encodeToString(bytes);
        if (wrap == 0 || flat.isEmpty()) {
            return flat;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < flat.length(); i += wrap) {
            sb.append(flat, i, Math.min(flat.length(), i + wrap)).append('\n');
        }
        return sb.toString();
    }

    private static TextResult decode(byte[] bytes, boolean busybox, boolean ignoreGarbage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] quantum = new int[4];
        int n = 0;
        boolean bad = false;
        boolean ended = false;
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c == '\n' || c == '\r') {
                continue;
            }
            if (c == '=') {
                ended = true;
                quantum[n++] = -1;
            } else if (ALPHABET.indexOf(c) >= 0 && !ended) {
                quantum[n++] = ALPHABET.indexOf(c);
            } else if (busybox || ignoreGarbage) {
                continue;
            } else {
                bad = true;
                break;
            }
            if (n == 4) {
                emit(quantum, out);
                n = 0;
            }
        }
        if (n > 0 && !busybox) { // the bytes of a quantum cut short, before the complaint
            int[] partial = {quantum[0], n > 1 ? quantum[1] : -1, n > 2 ? quantum[2] : -1, -1};
            emit(partial, out);
            bad = true;
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (busybox && n > 0) {
            return TextResult.fail(1, "base64: truncated input");
        }
        if (bad) {
            Lines lines = Lines.of(text);
            lines.unterminated(false);
            lines.add("base64: invalid input");
            return new TextResult(1, lines, List.of("base64: invalid input"));
        }
        return TextResult.ok(Lines.of(text));
    }

    /** One quantum's bytes: three, fewer where {@code =} (-1) pads it. */
    private static void emit(int[] q, ByteArrayOutputStream out) {
        if (q[0] < 0 || q[1] < 0) {
            return;
        }
        out.write(q[0] << 2 | q[1] >> 4);
        if (q[2] >= 0) {
            out.write((q[1] & 0xf) << 4 | q[2] >> 2);
            if (q[3] >= 0) {
                out.write((q[2] & 0x3) << 6 | q[3]);
            }
        }
    }
}
