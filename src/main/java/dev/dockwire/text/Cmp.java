package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cmp [-l] [-s] [-n NUM] FILE1 [FILE2]}: where two files first differ, as GNU diffutils' cmp.c
 * ({@code a b differ: byte 3, line 2}, {@code char} in the C locale as POSIX words it, hard_locale(LC_MESSAGES) deciding; a file that ends first: {@code cmp: EOF on a after byte 4, line 2})
 * or BusyBox's editors/cmp.c ({@code differ: char 3, line 2}; {@code cmp: EOF on a}) prints it; {@code -l}
 * every differing byte with both values in octal, {@code -s} nothing at all. FILE2 defaults to stdin.
 * Exit 0 when the same, 1 when they differ, 2 on trouble.
 */
final class Cmp implements TextTool {
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("ln:s", Map.of("verbose", "l", "bytes", "n:",
            "quiet", "s", "silent", "s"));
    /** BusyBox's getopt32 "sln:+" (as dockwire reads it). */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("sln:", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean gnu = ctx.flavour() == Flavour.GNU;
        ToolOptions o = ToolOptions.parse(ctx, "cmp", 2, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return gnu ? TextResult.fail(2, o.error().output().get(0), "cmp: Try 'cmp --help' for more information.") : o.error();
        }
        List<String> names = new ArrayList<>(o.operands());
        if (names.isEmpty()) {
            return gnu ? TextResult.fail(2, "cmp: missing operand after 'cmp'", "cmp: Try 'cmp --help' for more information.")
                    : TextResult.fail(1, dev.dockwire.libc.BusyboxUsage.withBanner("cmp").toArray(String[]::new));
        }
        if (names.size() == 1) {
            names.add("-");
        }
        boolean silent = o.has("s");
        byte[][] data = new byte[2][];
        for (int k = 0; k < 2; k++) {
            String text = names.get(k).equals("-") ? Lines.text(stdin == null ? List.of() : stdin) : ctx.files().read(names.get(k));
            if (text == null) {
                return silent ? new TextResult(2, List.of()) : TextResult.fail(2, "cmp: " + names.get(k) + ": No such file or directory");
            }
            data[k] = text.getBytes(StandardCharsets.UTF_8);
        }
        long limit = o.has("n") ? Long.parseLong(o.given().get("n")) : Long.MAX_VALUE;
        int common = (int) Math.min(limit, Math.min(data[0].length, data[1].length));
        List<String> out = new ArrayList<>();
        int line = 1;
        boolean differ = false;
        for (int i = 0; i < common; i++) {
            if (data[0][i] != data[1][i]) {
                differ = true;
                if (silent) {
                    break;
                }
                if (o.has("l")) {
                    out.add(String.format("%d %3o %3o", i + 1, data[0][i] & 0xff, data[1][i] & 0xff));
                    continue;
                }
                out.add(names.get(0) + " " + names.get(1) + " differ: " + (gnu && ctx.utf8() ? "byte " : "char ") + (i + 1) + ", line " + line);
                return new TextResult(1, out);
            }
            if (data[0][i] == '\n') {
                line++;
            }
        }
        boolean shorter = common < limit && data[0].length != data[1].length;
        if (!shorter) {
            return new TextResult(differ ? 1 : 0, out);
        }
        if (silent) {
            return new TextResult(1, out);
        }
        String which = names.get(data[0].length < data[1].length ? 0 : 1);
        String eof = !gnu ? "cmp: EOF on " + which
                : common == 0 ? "cmp: EOF on " + which + " which is empty"
                : "cmp: EOF on " + which + " after byte " + common + (o.has("l") ? "" : endsLine(data, common) ? ", line " + (line - 1) : ", in line " + line);
        List<String> all = new ArrayList<>(out);
        all.add(eof);
        return new TextResult(1, all, List.of(eof));
    }

    /** Whether the last common byte was a newline: GNU then names the line it ended ({@code line 2}), else the one it is in ({@code in line 1}). */
    private static boolean endsLine(byte[][] data, int common) {
        return data[0][common - 1] == '\n';
    }
}
