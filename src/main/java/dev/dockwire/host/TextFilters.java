package dev.dockwire.host;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The text filters people pipe into: grep, head, tail, wc, sort (busybox/coreutils behaviour for the common flags). */
final class TextFilters {
    private TextFilters() {
    }

    static CommandResult grep(boolean extended, List<String> args, List<String> stdin, Shell.Env env) {
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
                            return CommandResult.fail(2, "grep: invalid option -- '" + f + "'");
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
            return CommandResult.fail(2, "Usage: grep [-vicoqEF] PATTERN [FILE]...");
        }
        Pattern p;
        try {
            String regex = fixed ? Pattern.quote(pattern) : extended ? pattern : basicToExtended(pattern);
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return CommandResult.fail(2, "grep: bad regex '" + pattern + "'");
        }
        List<String> input = new ArrayList<>();
        if (files.isEmpty()) {
            if (stdin != null) {
                input.addAll(stdin);
            }
        } else {
            for (String f : files) {
                String content = env.readFile(f);
                if (content == null) {
                    return CommandResult.fail(2, "grep: " + f + ": No such file or directory");
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
        return new CommandResult(matched > 0 ? 0 : 1, out);
    }

    /** POSIX basic regular expressions: \( \) \{ \} \| are the special forms, bare ones are literal. */
    private static String basicToExtended(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length() && "(){}|+?".indexOf(bre.charAt(i + 1)) >= 0) {
                sb.append(bre.charAt(++i));
            } else if ("(){}|+?".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int lines(List<String> args, int dflt) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-n") && i + 1 < args.size()) {
                return Integer.parseInt(args.get(i + 1));
            }
            if (a.startsWith("-n")) {
                return Integer.parseInt(a.substring(2));
            }
            if (a.matches("-\\d+")) {
                return Integer.parseInt(a.substring(1));
            }
        }
        return dflt;
    }

    static CommandResult head(List<String> args, List<String> stdin) {
        List<String> in = stdin == null ? List.of() : stdin;
        try {
            int n = lines(args, 10);
            return CommandResult.ok(in.subList(0, Math.min(n, in.size())));
        } catch (NumberFormatException e) {
            return CommandResult.fail(1, "head: invalid number of lines");
        }
    }

    static CommandResult tail(List<String> args, List<String> stdin) {
        List<String> in = stdin == null ? List.of() : stdin;
        try {
            int n = lines(args, 10);
            return CommandResult.ok(in.subList(Math.max(0, in.size() - n), in.size()));
        } catch (NumberFormatException e) {
            return CommandResult.fail(1, "tail: invalid number of lines");
        }
    }

    static CommandResult wc(List<String> args, List<String> stdin) {
        List<String> in = stdin == null ? List.of() : stdin;
        int chars = in.stream().mapToInt(l -> l.length() + 1).sum();
        int words = in.stream().mapToInt(l -> l.isBlank() ? 0 : l.trim().split("\\s+").length).sum();
        if (args.contains("-l")) {
            return CommandResult.ok(List.of(Integer.toString(in.size())));
        }
        if (args.contains("-w")) {
            return CommandResult.ok(List.of(Integer.toString(words)));
        }
        if (args.contains("-c")) {
            return CommandResult.ok(List.of(Integer.toString(chars)));
        }
        return CommandResult.ok(List.of(String.format(Locale.ROOT, "%7d %7d %7d", in.size(), words, chars)));
    }

    static CommandResult sort(List<String> args, List<String> stdin) {
        List<String> in = new ArrayList<>(stdin == null ? List.of() : stdin);
        in.sort(null);
        if (args.contains("-r")) {
            java.util.Collections.reverse(in);
        }
        if (args.contains("-u")) {
            in = in.stream().distinct().toList();
        }
        return CommandResult.ok(in);
    }
}
