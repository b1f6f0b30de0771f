package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tr [-c] [-d] [-s] SET1 [SET2]} (coreutils src/tr.c): sets with ranges {@code a-z}, escapes
 * ({@code \n \t \\ \NNN}) and classes {@code [:upper:]}...; SET2 is padded with its last character;
 * {@code -s} squeezes runs of the last set's characters.
 */
final class Tr implements TextTool {
    /** coreutils' tr.c: "+AcCdst" (options end at SET1) and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("+AcCdst", Map.of("complement", "complement",
            "delete", "d", "squeeze-repeats", "s", "truncate-set1", "t"));
    /** BusyBox 1.36.1's getopt32 "^+Ccds". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("+Ccds", Map.of());

    private static final Map<String, String> CLASSES = Map.of(
            "upper", "A-Z", "lower", "a-z", "digit", "0-9", "alpha", "A-Za-z", "alnum", "0-9A-Za-z",
            "space", " \\t\\n\\r\\v\\f", "blank", " \\t", "punct", "!-/:-@[-`{-~", "xdigit", "0-9A-Fa-f");

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions opts = ToolOptions.parse(ctx, "tr", 1, GNU, BUSYBOX, args);
        if (opts.error() != null) {
            return opts.error();
        }
        boolean complement = opts.has("c") || opts.has("C") || opts.has("complement"); // -t (truncate SET1) is not modelled
        boolean delete = opts.has("d");
        boolean squeeze = opts.has("s");
        List<String> sets = opts.operands();
        int needed = delete && squeeze || !delete && !squeeze ? 2 : 1;
        if (sets.isEmpty() && ctx.flavour() == Flavour.BUSYBOX) {
            return TextResult.fail(1, dev.dockwire.libc.BusyboxUsage.withBanner("tr").toArray(String[]::new)); // getopt32's "-1": bb_show_usage
        }
        boolean gnu = ctx.flavour() == Flavour.GNU;
        if (sets.size() < needed && gnu) { // BusyBox runs with what it has: "tr a" copies, "tr -ds a" deletes
            return sets.isEmpty() ? ctx.usage("tr", 1, "missing operand")
                    : TextResult.fail(1, "tr: missing operand after " + ctx.quote(sets.get(sets.size() - 1)), squeeze
                    ? "Two strings must be given when both deleting and squeezing repeats." : "Two strings must be given when translating.",
                    "Try 'tr --help' for more information.");
        }
        if (sets.size() > needed && !(squeeze && !delete && sets.size() == 2) && gnu) { // BusyBox ignores the rest
            return ctx.usage("tr", 1, "extra operand " + ctx.quote(sets.get(needed)));
        }
        if (sets.size() == 1 && !delete && !squeeze) { // BusyBox's "tr a": nothing to translate into
            return new TextResult(0, stdin == null ? List.of() : stdin);
        }
        String set1 = expand(sets.get(0));
        String set2 = sets.size() > 1 ? expand(sets.get(1)) : "";
        List<String> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append(Lines.text(stdin));
        StringBuilder sb = new StringBuilder();
        char lastOut = 0;
        boolean haveLast = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean in1 = set1.indexOf(c) >= 0 != complement;
            if (delete && in1) {
                continue;
            }
            char o = c;
            if (!delete && sets.size() > 1 && in1) {
                int idx = complement ? set2.length() - 1 : set1.indexOf(c);
                o = set2.isEmpty() ? c : set2.charAt(Math.min(idx, set2.length() - 1));
            }
            String squeezeSet = sets.size() > 1 ? set2 : set1;
            boolean sq = squeeze && (sets.size() > 1 ? squeezeSet.indexOf(o) >= 0 : in1);
            if (sq && haveLast && lastOut == o) {
                continue;
            }
            sb.append(o);
            lastOut = o;
            haveLast = true;
        }
        return TextResult.ok(Lines.of(sb.toString())); // bytes in, bytes out: a last line without newline stays so
    }

    /** The characters a set names, in order. */
    static String expand(String set) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '[' && set.startsWith("[:", i)) {
                int end = set.indexOf(":]", i);
                String cls = end < 0 ? null : CLASSES.get(set.substring(i + 2, end));
                if (cls != null) {
                    chars.append(expand(cls));
                    i = end + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < set.length() && set.charAt(i + 1) >= '0' && set.charAt(i + 1) <= '7') {
                int v = 0;
                int digits = 0;
                while (digits < 3 && i + 1 < set.length() && set.charAt(i + 1) >= '0' && set.charAt(i + 1) <= '7') {
                    v = v * 8 + set.charAt(++i) - '0'; // \NNN: one to three octal digits (tr.c's unquote)
                    digits++;
                }
                c = (char) (v & 0xff);
            } else if (c == '\\' && i + 1 < set.length()) {
                char n = set.charAt(++i);
                c = switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'v' -> '\u000b';
                    case 'f' -> '\f';
                    default -> n;
                };
            }
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char hi = set.charAt(i + 2);
                for (char x = c; x <= hi; x++) {
                    chars.append(x);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        return chars.toString();
    }
}
