package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE...]} (coreutils src/cut.c): a line
 * without the delimiter is printed whole unless {@code -s}; LIST is {@code N}, {@code N-M},
 * {@code N-}, {@code -M} separated by commas.
 */
final class Cut implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        String delim = null;
        String list = null;
        boolean fields = false;
        boolean onlyDelimited = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                files.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char f = a.charAt(j);
                if (f == 's') {
                    onlyDelimited = true;
                    continue;
                }
                if ("dfcb".indexOf(f) < 0) {
                    return ctx.usage("cut", 1, "invalid option -- '" + f + "'");
                }
                String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                if (v == null) {
                    return ctx.usage("cut", 1, "option requires an argument -- '" + f + "'");
                }
                if (f == 'd') {
                    if (v.length() != 1) {
                        return ctx.usage("cut", 1, "the delimiter must be a single character");
                    }
                    delim = v;
                } else {
                    list = v;
                    fields = f == 'f';
                }
                break;
            }
        }
        if (list == null) {
            return ctx.usage("cut", 1, "you must specify a list of bytes, characters, or fields");
        }
        if (delim != null && !fields) {
            return ctx.usage("cut", 1, "an input delimiter may be specified only when operating on fields");
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String[] ends = part.split("-", -1);
            try {
                int lo = ends[0].isEmpty() ? 1 : Integer.parseInt(ends[0]);
                int hi = ends.length == 1 ? lo : ends[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(ends[1]);
                if (lo == 0 || hi == 0) {
                    return ctx.usage("cut", 1, (fields ? "fields" : "byte/character positions") + " are numbered from 1");
                }
                if (ends.length > 2 || part.equals("-")) {
                    throw new NumberFormatException();
                }
                ranges.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                return ctx.usage("cut", 1, "invalid " + (fields ? "field" : "byte/character position") + " value ‘" + part + "’");
            }
        }
        String d = delim == null ? "\t" : delim;
        Input in = Input.of("cut", files, stdin, ctx);
        List<String> out = new ArrayList<>();
        for (String line : in.lines) {
            if (!fields) {
                StringBuilder sb = new StringBuilder();
                for (int c = 1; c <= line.length(); c++) {
                    if (selected(ranges, c)) {
                        sb.append(line.charAt(c - 1));
                    }
                }
                out.add(sb.toString());
            } else if (!line.contains(d)) {
                if (!onlyDelimited) {
                    out.add(line);
                }
            } else {
                String[] parts = line.split(java.util.regex.Pattern.quote(d), -1);
                List<String> picked = new ArrayList<>();
                for (int c = 1; c <= parts.length; c++) {
                    if (selected(ranges, c)) {
                        picked.add(parts[c - 1]);
                    }
                }
                out.add(String.join(d, picked));
            }
        }
        return in.result(out);
    }

    private static boolean selected(List<int[]> ranges, int n) {
        for (int[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }
}
