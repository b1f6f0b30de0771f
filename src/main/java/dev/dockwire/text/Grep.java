package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep}/{@code egrep}: -v -i -c -o -q -E -F -w -x -n over stdin or files (exit 0 on a match, 1 on none, 2 on errors). */
final class Grep implements TextTool {
    private final boolean egrep;

    Grep(boolean egrep) {
        this.egrep = egrep;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean extended = egrep;
        boolean invert = false;
        boolean ignoreCase = false;
        boolean count = false;
        boolean onlyMatching = false;
        boolean quiet = false;
        boolean fixed = false;
        boolean word = false;
        boolean line = false;
        boolean number = false;
        String pattern = null;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (pattern == null && a.startsWith("-") && a.length() > 1) {
                for (char f : a.substring(1).toCharArray()) {
                    switch (f) {
                        case 'v' -> invert = true;
                        case 'i' -> ignoreCase = true;
                        case 'c' -> count = true;
                        case 'o' -> onlyMatching = true;
                        case 'q' -> quiet = true;
                        case 'E' -> extended = true;
                        case 'F' -> fixed = true;
                        case 'w' -> word = true;
                        case 'x' -> line = true;
                        case 'n' -> number = true;
                        case 'h', 's' -> {
                        }
                        default -> {
                            return usage(ctx, "grep: invalid option -- '" + f + "'");
                        }
                    }
                }
            } else if (pattern == null) {
                pattern = a;
            } else {
                files.add(a);
            }
        }
        if (pattern == null) {
            return usage(ctx, null);
        }
        Pattern p;
        try {
            String regex = fixed ? Pattern.quote(pattern) : Regex.toJava(pattern, extended);
            if (line) {
                regex = "^(?:" + regex + ")$";
            } else if (word) {
                regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
            }
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return TextResult.fail(2, ctx.flavour() == Flavour.GNU ? "grep: " + Regex.regerror(e, extended)
                    : "grep: bad regex '" + pattern + "'");
        }
        List<String> input = new ArrayList<>();
        if (files.isEmpty()) {
            if (stdin != null) {
                input.addAll(stdin);
            }
        } else {
            for (String f : files) {
                String content = ctx.files().read(f);
                if (content == null) {
                    return TextResult.fail(2, "grep: " + f + ": No such file or directory");
                }
                input.addAll(content.lines().toList());
            }
        }
        List<String> out = new ArrayList<>();
        int matched = 0;
        for (int n = 0; n < input.size(); n++) {
            String text = input.get(n);
            String prefix = number ? (n + 1) + ":" : "";
            var m = p.matcher(text);
            boolean hit = m.find();
            if (hit != invert) {
                matched++;
                if (onlyMatching && !invert) {
                    do {
                        out.add(prefix + m.group());
                    } while (m.find());
                } else {
                    out.add(prefix + text);
                }
            }
        }
        if (quiet) {
            out.clear();
        } else if (count) {
            out = List.of(Integer.toString(matched));
        }
        return new TextResult(matched > 0 ? 0 : 1, out);
    }

    /** GNU grep's usage error (exit 2); BusyBox's short usage line. */
    private static TextResult usage(TextContext ctx, String message) {
        List<String> out = new ArrayList<>();
        if (message != null) {
            out.add(message);
        }
        if (ctx.flavour() == Flavour.GNU) {
            out.add("Usage: grep [OPTION]... PATTERNS [FILE]...");
            out.add("Try 'grep --help' for more information.");
        } else {
            out.add("Usage: grep [-vicoqEFwxn] PATTERN [FILE]...");
        }
        return new TextResult(2, out);
    }
}
