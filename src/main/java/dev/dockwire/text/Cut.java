package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE...]} (coreutils src/cut.c): a line
 * without the delimiter is printed whole unless {@code -s}; LIST is {@code N}, {@code N-M},
 * {@code N-}, {@code -M} separated by commas.
 */
final class Cut implements TextTool {
    /** coreutils' cut.c: its short options and long ones (--complement and --output-delimiter are not modelled). */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("b:c:d:f:nsz", Map.of("bytes", "b:", "characters", "c:",
            "delimiter", "d:", "fields", "f:", "only-delimited", "s", "zero-terminated", "z"));
    /** BusyBox 1.36.1's OPT_STR with CUT_REGEX. */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("b:c:f:d:O:sDF:n", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        String[] delim = {null};
        String[] list = {null};
        boolean[] fields = {false};
        boolean[] onlyDelimited = {false};
        String[] error = {null};
        ToolOptions o = ToolOptions.parse(ctx, "cut", 1, GNU, BUSYBOX, args, (key, value) -> {
            switch (key) {
                case "s" -> onlyDelimited[0] = true;
                case "d" -> {
                    if (value.length() != 1 && ctx.flavour() == Flavour.GNU) { // BusyBox 1.36 splits on the whole string
                        error[0] = "the delimiter must be a single character";
                    }
                    delim[0] = value;
                }
                case "b", "c", "f" -> {
                    list[0] = value;
                    fields[0] = key.equals("f");
                }
                default -> {
                    // -n (ignored by both), and BusyBox's -O, -D, -F, which dockwire's cut does not model
                }
            }
            return error[0] == null;
        });
        if (o.error() != null) {
            return o.error();
        }
        if (error[0] != null) {
            return ctx.usage("cut", 1, error[0]);
        }
        List<String> files = o.operands();
        return cut(files, stdin, ctx, list[0], delim[0], fields[0], onlyDelimited[0]);
    }

    private static TextResult cut(List<String> files, List<String> stdin, TextContext ctx, String list, String delim, boolean fields,
            boolean onlyDelimited) {
        boolean gnu = ctx.flavour() == Flavour.GNU;
        if (list == null) {
            return ctx.usage("cut", 1, gnu ? "you must specify a list of bytes, characters, or fields"
                    : "expected a list of bytes, characters, or fields");
        }
        if (delim != null && !fields) {
            return ctx.usage("cut", 1, (gnu ? "an input delimiter" : "a delimiter") + " may be specified only when operating on fields");
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
                return ctx.usage("cut", 1, "invalid " + (fields ? "field" : "byte/character position") + " value " + ctx.quote(part));
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
