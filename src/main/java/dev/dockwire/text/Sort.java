package dev.dockwire.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code sort [-r] [-u] [-n] [-f] [-z] [-t SEP] [-k N[,M]] [FILE...]}: byte order as in the C locale, numbers by
 * their leading numeric value with {@code -n}, keys as fields (blank-separated, or by SEP); with {@code -z}
 * the records end in NULs, not newlines, on input and output (a last one without its NUL is one too).
 */
final class Sort implements TextTool {
    /** coreutils' sort.c short_options and the long options of what is modelled. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("bcCdfghik:mMno:rRsS:t:T:uVy:z", Map.of("reverse", "r",
            "unique", "u", "numeric-sort", "n", "general-numeric-sort", "g", "human-numeric-sort", "h", "ignore-case", "f",
            "field-separator", "t:", "key", "k:", "ignore-leading-blanks", "b", "stable", "s"));
    /** BusyBox 1.36.1's sort_opt_str with SORT_BIG. */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("nghMVucszbrdfimS:T:o:k:t:", Map.of());

    /** What the options asked for. */
    private static final class Keys {
        boolean reverse;
        boolean keyReverse;
        boolean unique;
        boolean numeric;
        boolean fold;
        boolean zero;
        String sep;
        int from;
        int to;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        Keys k = new Keys();
        String[] error = {null};
        ToolOptions o = ToolOptions.parse(ctx, "sort", 2, GNU, BUSYBOX, args, (key, value) -> {
            switch (key) {
                case "r" -> k.reverse = true;
                case "u" -> k.unique = true;
                case "n", "g", "h" -> k.numeric = true;
                case "f" -> k.fold = true;
                case "z" -> k.zero = true;
                case "t" -> k.sep = value;
                case "k" -> {
                    String[] ends = value.replaceAll("[a-zA-Z]", "").split(",");
                    try {
                        k.from = Integer.parseInt(ends[0].split("\\.")[0]);
                        k.to = ends.length > 1 ? Integer.parseInt(ends[1].split("\\.")[0]) : 0;
                    } catch (NumberFormatException e) {
                        error[0] = "invalid number at field start: invalid count at start of " + ctx.quote(value);
                    }
                    k.numeric |= value.contains("n");
                    k.keyReverse = value.contains("r");
                }
                default -> {
                    // -b and -s change nothing for the lines dockwire sorts; the others are not modelled
                }
            }
            return error[0] == null;
        });
        if (o.error() != null) {
            return o.error();
        }
        if (error[0] != null) { // both die without a usage hint: coreutils' badfieldspec, BusyBox's bb_simple_error_msg_and_die
            return TextResult.fail(2, "sort: " + (ctx.flavour() == Flavour.GNU ? error[0] : "bad field specification"));
        }
        Input in = Input.of("sort", o.operands(), stdin, ctx);
        final String s = k.sep;
        final int from = k.from;
        final int to = k.to;
        final boolean upper = k.fold;
        Comparator<String> key = k.numeric ? Comparator.comparingDouble(l -> number(key(l, s, from, to)))
                : Comparator.comparing(l -> upper ? key(l, s, from, to).toUpperCase(java.util.Locale.ROOT) : key(l, s, from, to));
        Comparator<String> byKey = k.keyReverse ? key.reversed() : key;
        // the last-resort comparison of whole lines follows -r but not a key's own r
        Comparator<String> order = byKey.thenComparing(Comparator.naturalOrder());
        List<String> out = k.zero ? records(in) : new ArrayList<>(in.lines);
        out.sort(k.reverse ? order.reversed() : order);
        if (k.unique) {
            List<String> distinct = new ArrayList<>();
            for (String l : out) {
                if (distinct.isEmpty() || byKey.compare(distinct.get(distinct.size() - 1), l) != 0) {
                    distinct.add(l);
                }
            }
            out = distinct;
        }
        if (k.zero) {
            StringBuilder text = new StringBuilder();
            out.forEach(r -> text.append(r).append('\0'));
            return in.result(Lines.of(text.toString()));
        }
        return in.result(out);
    }

    /** {@code -z}'s records: the input's bytes split at each NUL, newlines kept inside, an empty last piece dropped. */
    private static List<String> records(Input in) {
        String text = String.join("\n", in.lines) + (in.lines.isEmpty() || in.unterminated ? "" : "\n");
        List<String> records = new ArrayList<>(List.of(text.split("\0", -1)));
        if (records.get(records.size() - 1).isEmpty()) {
            records.remove(records.size() - 1);
        }
        return records;
    }

    private static String key(String line, String sep, int from, int to) {
        if (from == 0) {
            return line;
        }
        List<String> fields = new ArrayList<>();
        if (sep != null) {
            fields.addAll(List.of(line.split(java.util.regex.Pattern.quote(sep), -1)));
        } else {
            var m = java.util.regex.Pattern.compile("\\s*\\S+").matcher(line);
            while (m.find()) {
                fields.add(m.group());
            }
        }
        int last = to == 0 ? fields.size() : Math.min(to, fields.size());
        if (from > fields.size()) {
            return "";
        }
        return String.join(sep == null ? "" : sep, fields.subList(from - 1, last)).strip();
    }

    private static double number(String s) {
        var m = java.util.regex.Pattern.compile("^\\s*-?\\d*\\.?\\d+").matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }
}
