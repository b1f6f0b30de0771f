package dev.dockwire.text;

import java.util.List;
import java.util.Map;

/**
 * {@code fold [-bs] [-w WIDTH] [FILE]...}: lines broken at WIDTH columns (80), at the last blank before
 * it with {@code -s}; columns counted as coreutils' fold.c adjust_column counts them (a tab to the next
 * multiple of 8, a backspace one back, a carriage return to 0), bytes with {@code -b}. BusyBox's fold.c
 * counts the same way.
 */
final class Fold implements TextTool {
    /** coreutils' fold.c: "bsw:0::1::2::3::4::5::6::7::8::9::" (an obsolete -DIGITS width aside) and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("bsw:", Map.of("bytes", "b", "spaces", "s", "width", "w:"));
    /** BusyBox's getopt32 "bsw:". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("bsw:", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "fold", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        int width = 80;
        if (o.has("w")) {
            String w = o.given().get("w");
            if (!w.matches("[0-9]+") || w.length() > 9 || Long.parseLong(w) < 1 || ctx.flavour() == Flavour.BUSYBOX && Long.parseLong(w) > 10000) {
                return ctx.flavour() == Flavour.GNU
                        ? TextResult.fail(1, "fold: invalid number of columns: " + ctx.quote(w) + (w.matches("0+") ? ": Numerical result out of range" : ""))
                        : TextResult.fail(1, w.matches("[0-9]+") ? "fold: number " + w + " is not in 1..10000 range" : "fold: invalid number '" + w + "'");
            }
            width = Integer.parseInt(w);
        }
        InputText in = InputText.of("fold", o.operands(), stdin, ctx);
        return in.result(fold(in.text(), width, o.has("s"), o.has("b")));
    }

    static String fold(String text, int width, boolean spaces, boolean bytes) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(line).append('\n');
                line.setLength(0);
                column = 0;
                continue;
            }
            while (true) {
                int next = adjust(column, c, bytes);
                if (next <= width) {
                    column = next;
                    line.append(c);
                    break;
                }
                int blank = spaces ? lastBlank(line) : -1;
                if (blank >= 0) { // break after the blank; what follows it starts the next line
                    out.append(line, 0, blank + 1).append('\n');
                    line.delete(0, blank + 1);
                    column = 0;
                    for (int k = 0; k < line.length(); k++) {
                        column = adjust(column, line.charAt(k), bytes);
                    }
                    continue;
                }
                if (line.length() == 0) { // one character wider than the line: it goes alone
                    column = next;
                    line.append(c);
                    break;
                }
                out.append(line).append('\n');
                line.setLength(0);
                column = 0;
            }
        }
        return out.append(line).toString();
    }

    private static int lastBlank(StringBuilder line) {
        for (int k = line.length() - 1; k >= 0; k--) {
            if (line.charAt(k) == ' ' || line.charAt(k) == '\t') {
                return k;
            }
        }
        return -1;
    }

    private static int adjust(int column, char c, boolean bytes) {
        if (bytes) {
            return column + 1;
        }
        return switch (c) {
            case '\b' -> Math.max(0, column - 1);
            case '\r' -> 0;
            case '\t' -> column + 8 - column % 8;
            default -> column + 1;
        };
    }
}
