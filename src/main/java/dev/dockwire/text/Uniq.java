package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code uniq [-c] [-d] [-u] [-i] [INPUT]}: adjacent repeated lines once; {@code -c} prefixes the count as {@code %7d }. */
final class Uniq implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean count = false;
        boolean dups = false;
        boolean uniques = false;
        boolean ignoreCase = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char f : a.substring(1).toCharArray()) {
                    switch (f) {
                        case 'c' -> count = true;
                        case 'd' -> dups = true;
                        case 'u' -> uniques = true;
                        case 'i' -> ignoreCase = true;
                        default -> {
                            return ctx.usage("uniq", 1, "invalid option -- '" + f + "'");
                        }
                    }
                }
            } else {
                files.add(a);
            }
        }
        if (files.size() > 2) {
            return ctx.usage("uniq", 1, "extra operand ‘" + files.get(2) + "’");
        }
        Input in = Input.of("uniq", files.isEmpty() ? files : files.subList(0, 1), stdin, ctx);
        List<String> out = new ArrayList<>();
        int i = 0;
        List<String> lines = in.lines;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && (ignoreCase ? lines.get(j).equalsIgnoreCase(lines.get(i)) : lines.get(j).equals(lines.get(i)))) {
                j++;
            }
            int n = j - i;
            if ((!dups || n > 1) && (!uniques || n == 1)) {
                out.add(count ? String.format(Locale.ROOT, "%7d %s", n, lines.get(i)) : lines.get(i));
            }
            i = j;
        }
        if (files.size() == 2) {
            ctx.files().write(files.get(1), out.isEmpty() ? "" : String.join("\n", out) + "\n", false);
            return in.result(List.of());
        }
        return in.result(out);
    }
}
