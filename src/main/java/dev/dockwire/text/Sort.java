package dev.dockwire.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sort [-r] [-u] [-n] [-f] [-t SEP] [-k N[,M]] [FILE...]}: byte order as in the C locale, numbers by
 * their leading numeric value with {@code -n}, keys as fields (blank-separated, or by SEP).
 */
final class Sort implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean reverse = false;
        boolean keyReverse = false;
        boolean unique = false;
        boolean numeric = false;
        boolean fold = false;
        String sep = null;
        int keyFrom = 0;
        int keyTo = 0;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                files.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char f = a.charAt(j);
                switch (f) {
                    case 'r' -> reverse = true;
                    case 'u' -> unique = true;
                    case 'n', 'g', 'h' -> numeric = true;
                    case 'f' -> fold = true;
                    case 'b', 's' -> {
                    }
                    case 't', 'k' -> {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            return ctx.usage("sort", 2, "option requires an argument -- '" + f + "'");
                        }
                        if (f == 't') {
                            sep = v;
                        } else {
                            String[] k = v.replaceAll("[a-zA-Z]", "").split(",");
                            try {
                                keyFrom = Integer.parseInt(k[0].split("\\.")[0]);
                                keyTo = k.length > 1 ? Integer.parseInt(k[1].split("\\.")[0]) : 0;
                            } catch (NumberFormatException e) {
                                return ctx.usage("sort", 2, "invalid number at field start: invalid count at start of '" + v + "'");
                            }
                            numeric |= v.contains("n");
                            keyReverse = v.contains("r");
                        }
                        j = a.length();
                    }
                    default -> {
                        return ctx.usage("sort", 2, "invalid option -- '" + f + "'");
                    }
                }
            }
        }
        Input in = Input.of("sort", files, stdin, ctx);
        final String s = sep;
        final int from = keyFrom;
        final int to = keyTo;
        final boolean upper = fold;
        Comparator<String> key = numeric ? Comparator.comparingDouble(l -> number(key(l, s, from, to)))
                : Comparator.comparing(l -> upper ? key(l, s, from, to).toUpperCase(java.util.Locale.ROOT) : key(l, s, from, to));
        Comparator<String> byKey = keyReverse ? key.reversed() : key;
        // the last-resort comparison of whole lines follows -r but not a key's own r
        Comparator<String> order = byKey.thenComparing(Comparator.naturalOrder());
        List<String> out = new ArrayList<>(in.lines);
        out.sort(reverse ? order.reversed() : order);
        if (unique) {
            List<String> distinct = new ArrayList<>();
            for (String l : out) {
                if (distinct.isEmpty() || byKey.compare(distinct.get(distinct.size() - 1), l) != 0) {
                    distinct.add(l);
                }
            }
            out = distinct;
        }
        return in.result(out);
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
