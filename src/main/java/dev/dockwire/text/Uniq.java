package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code uniq [-c] [-d] [-u] [-i] [INPUT]}: adjacent repeated lines once; {@code -c} prefixes the count as {@code %7d }. */
final class Uniq implements TextTool {
    /** coreutils' uniq.c: "-0123456789Dcdf:is:uw:z" (the -N digits left out) and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("Dcdf:is:uw:z", java.util.Map.of("count", "c", "repeated", "d",
            "unique", "u", "ignore-case", "i", "skip-fields", "f:", "skip-chars", "s:", "check-chars", "w:", "zero-terminated", "z"));
    /** BusyBox 1.36.1's getopt32 "cduf:+s:+w:+iz". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("cduf:s:w:iz", java.util.Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "uniq", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        boolean count = o.has("c"); // -f, -s, -w, -z and GNU's -D are not modelled
        boolean dups = o.has("d");
        boolean uniques = o.has("u");
        boolean ignoreCase = o.has("i");
        List<String> files = o.operands();
        boolean gnu = ctx.flavour() == Flavour.GNU;
        if (files.size() > 2 && gnu) {
            return ctx.usage("uniq", 1, "extra operand " + ctx.quote(files.get(2)));
        }
        Input in = Input.of("uniq", files.isEmpty() ? files : files.subList(0, 1), stdin, ctx);
        if (files.size() > 2 && in.errors.isEmpty()) { // BusyBox opens its input before it counts operands
            return TextResult.fail(1, dev.dockwire.libc.BusyboxUsage.withBanner("uniq").toArray(String[]::new));
        }
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
