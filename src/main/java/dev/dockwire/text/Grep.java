package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep}/{@code egrep}: -v -i -c -o -q -E -F over stdin or files (exit 0 on a match, 1 on none, 2 on errors). */
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
                        case 'w', 'n', 'h' -> {
                        }
                        default -> {
                            return TextResult.fail(2, "grep: invalid option -- '" + f + "'");
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
            return TextResult.fail(2, "Usage: grep [-vicoqEF] PATTERN [FILE]...");
        }
        Pattern p;
        try {
            p = fixed ? Pattern.compile(Pattern.quote(pattern), ignoreCase ? Pattern.CASE_INSENSITIVE : 0)
                    : Regex.compile(pattern, extended, ignoreCase);
        } catch (PatternSyntaxException e) {
            return TextResult.fail(2, "grep: bad regex '" + pattern + "'");
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
        for (String line : input) {
            var m = p.matcher(line);
            boolean hit = m.find();
            if (hit != invert) {
                matched++;
                if (onlyMatching && !invert) {
                    do {
                        out.add(m.group());
                    } while (m.find());
                } else {
                    out.add(line);
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
}
