package dev.dockwire.text;

import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep}/{@code egrep} over stdin or files: -v -i -c -o -q -E -F -w -x -n -l -L -H -h -s -m N -e PATTERN,
 * -f FILE (a pattern a line; an empty file selects nothing), -r/-R (the files under each directory
 * operand, or the working directory's without a {@code ./}; a directory without them is
 * {@code Is a directory}),
 * context lines with -A/-B/-C N (and GNU's -NUM), options anywhere among the operands (getopt_long's
 * permutation). Exit 0 on a match, 1 on none, 2 on errors. The GNU flavour follows GNU grep 3.8
 * (src/grep.c: prtext's "--" between non-adjacent groups, ':' after a selected line's prefix and '-'
 * after a context line's, trailing context after the -m'th match); BusyBox's grep.c prints no context
 * past -m and, with -o, its context lines whole.
 */
final class Grep implements TextTool {
    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("after-context", "A:"), Map.entry("before-context", "B:"), Map.entry("context", "C:"),
            Map.entry("max-count", "m:"), Map.entry("regexp", "e:"), Map.entry("invert-match", "v"),
            Map.entry("ignore-case", "i"), Map.entry("count", "c"), Map.entry("only-matching", "o"),
            Map.entry("quiet", "q"), Map.entry("silent", "q"), Map.entry("extended-regexp", "E"),
            Map.entry("fixed-strings", "F"), Map.entry("word-regexp", "w"), Map.entry("line-regexp", "x"),
            Map.entry("line-number", "n"), Map.entry("files-with-matches", "l"), Map.entry("with-filename", "H"),
            Map.entry("no-filename", "h"), Map.entry("no-messages", "s"), Map.entry("color", "color::"),
            Map.entry("files-without-match", "L"), Map.entry("file", "f:"), Map.entry("recursive", "r"),
            Map.entry("dereference-recursive", "R"),
            Map.entry("colour", "color::"));
    private static final String STDIN = "(standard input)";

    private final boolean egrep;

    Grep(boolean egrep) {
        this.egrep = egrep;
    }

    /** What the command line asked for. */
    private static final class Options {
        boolean extended;
        boolean invert;
        boolean ignoreCase;
        boolean count;
        boolean onlyMatching;
        boolean quiet;
        boolean fixed;
        boolean word;
        boolean line;
        boolean number;
        boolean filesWithMatches;
        boolean filesWithoutMatch;
        boolean recursive;
        /** -e or -f gave the patterns (an empty -f file gives none, and selects nothing). */
        boolean patternsGiven;
        /** -f's files, read once the options are known. */
        final List<String> patternFiles = new ArrayList<>();
        boolean noMessages;
        Boolean withFilename;
        int after;
        int before;
        long maxCount = Long.MAX_VALUE;
        final List<String> patterns = new ArrayList<>();
        /** The line before the usage ("" for the usage alone), null when the line is good. */
        String error;
        /** {@link #error} is said without the usage (a bad number). */
        boolean errorAlone;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean gnu = ctx.flavour() == Flavour.GNU;
        Options o = new Options();
        o.extended = egrep;
        List<String> operands = parse(args, o, gnu);
        if (o.error != null) {
            return o.errorAlone ? TextResult.fail(2, o.error) : usage(ctx, o.error.isEmpty() ? null : o.error);
        }
        for (String file : o.patternFiles) {
            String content = file.equals("-") ? (stdin == null ? "" : String.join("\n", stdin)) : ctx.files().read(file);
            if (content == null) {
                return TextResult.fail(2, "grep: " + file + ": No such file or directory");
            }
            o.patterns.addAll(content.lines().toList());
        }
        if (!o.patternsGiven) {
            if (operands.isEmpty()) {
                return usage(ctx, null);
            }
            o.patterns.add(operands.remove(0));
        }
        Pattern p;
        try {
            p = compile(o);
        } catch (PatternSyntaxException e) {
            return TextResult.fail(2, gnu ? "grep: " + Regex.regerror(e, o.extended)
                    : "grep: bad regex '" + String.join("\n", o.patterns) + "'");
        }
        if ((o.maxCount == 0 || o.patterns.isEmpty() && !o.invert) && !o.filesWithoutMatch && gnu) {
            return new TextResult(1, List.of()); // grep.c: matching cannot succeed (-m 0, -f /dev/null), so no file is read
        }
        List<String> files = operands.isEmpty() ? List.of(o.recursive ? "." : "-") : operands;
        boolean prefixName = o.withFilename != null ? o.withFilename
                : files.size() > 1 || o.recursive && files.stream().anyMatch(f -> ctx.files().isDirectory(f));
        files = o.recursive ? recurse(files, operands.isEmpty() && gnu, ctx.files()) : files;
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean any = false;
        boolean trouble = false;
        boolean[] printedGroup = {false};
        for (String f : files) {
            List<String> input;
            if (f.equals("-")) {
                input = stdin == null ? List.of() : stdin;
            } else if (ctx.files().isDirectory(f)) {
                trouble = true; // grep.c grepdesc: a directory is read only under -r
                if (!o.noMessages) {
                    errors.add("grep: " + f + ": Is a directory");
                }
                continue;
            } else {
                String content = ctx.files().read(f);
                if (content == null) {
                    trouble = true;
                    if (!o.noMessages) {
                        errors.add("grep: " + f + ": No such file or directory");
                    }
                    continue;
                }
                input = content.lines().toList();
            }
            String name = f.equals("-") ? STDIN : f;
            int matched = search(input, p, o, gnu, prefixName ? name : null,
                    o.count || o.filesWithMatches || o.filesWithoutMatch || o.quiet ? null : out, printedGroup);
            any |= matched > 0;
            if (o.quiet && any) {
                return new TextResult(0, errors, errors);
            }
            if (o.filesWithMatches || o.filesWithoutMatch) {
                if (matched > 0 == o.filesWithMatches) {
                    out.add(name);
                }
            } else if (o.count) {
                out.add((prefixName ? name + ":" : "") + matched);
            }
        }
        if (o.quiet) {
            out.clear();
        }
        List<String> all = new ArrayList<>(errors);
        all.addAll(out);
        return new TextResult(trouble ? 2 : any ? 0 : 1, all, errors);
    }

    /** Reads the options into {@code o}; returns the operands. {@code o.error}: "" for a bare usage, else the line before it. */
    private static List<String> parse(List<String> args, Options o, boolean gnu) {
        List<String> words = new ArrayList<>();
        boolean argumentNext = false;
        for (String a : args) {
            // GNU's -NUM is -C NUM (grep.c's digit options), unless it is the value of the option before it
            boolean digits = a.length() > 1 && a.charAt(0) == '-' && a.chars().skip(1).allMatch(Character::isDigit);
            words.add(gnu && digits && !argumentNext ? "-C" + a.substring(1) : a);
            argumentNext = !argumentNext && takesNextWord(a);
        }
        GetoptLong.Result r = new GetoptLong(gnu ? Getopt.GLIBC : Getopt.MUSL, "vicoqEFwxnlLHhsrRm:e:f:A:B:C:",
                gnu ? LONG : Map.of()).parse(words, (key, value) -> {
            switch (key) {
                case "v" -> o.invert = true;
                case "i" -> o.ignoreCase = true;
                case "c" -> o.count = true;
                case "o" -> o.onlyMatching = true;
                case "q" -> o.quiet = true;
                case "E" -> o.extended = true;
                case "F" -> o.fixed = true;
                case "w" -> o.word = true;
                case "x" -> o.line = true;
                case "n" -> o.number = true;
                case "l" -> {
                    o.filesWithMatches = true; // the last of -l and -L counts
                    o.filesWithoutMatch = false;
                }
                case "L" -> {
                    o.filesWithoutMatch = true;
                    o.filesWithMatches = false;
                }
                case "r", "R" -> o.recursive = true;
                case "f" -> {
                    o.patternFiles.add(value);
                    o.patternsGiven = true;
                }
                case "H" -> o.withFilename = true;
                case "h" -> o.withFilename = false;
                case "s" -> o.noMessages = true;
                case "e" -> {
                    o.patterns.add(value);
                    o.patternsGiven = true;
                }
                case "m" -> o.maxCount = number(value, gnu, "invalid max count", o);
                case "A" -> o.after = (int) number(value, gnu, "invalid context length argument", o);
                case "B" -> o.before = (int) number(value, gnu, "invalid context length argument", o);
                case "C" -> {
                    o.after = (int) number(value, gnu, "invalid context length argument", o);
                    o.before = o.after;
                }
                default -> {
                    // --color: no terminal behind a pipe, so nothing is coloured
                }
            }
            return o.error == null;
        });
        if (r.error() != null) {
            o.error = "grep: " + r.error();
        }
        return new ArrayList<>(r.operands());
    }

    /** Whether {@code word} is an option whose value is the next word ({@code -A}, {@code -nB}, {@code --regexp}). */
    private static boolean takesNextWord(String word) {
        if (word.startsWith("--")) {
            String key = LONG.get(word.substring(2));
            return key != null && key.endsWith(":") && !key.endsWith("::");
        }
        if (!word.startsWith("-")) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if ("ABCmef".indexOf(word.charAt(k)) >= 0) {
                return k == word.length() - 1;
            }
        }
        return false;
    }

    /**
     * A count or context length: GNU's "grep: x: invalid context length argument" (exit 2, no usage);
     * BusyBox's xatoi_positive "grep: invalid number 'x'".
     */
    private static long number(String value, boolean gnu, String gnuWords, Options o) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return Math.min(n, Integer.MAX_VALUE);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        o.error = gnu ? "grep: " + value + ": " + gnuWords : "grep: invalid number '" + value + "'";
        o.errorAlone = true;
        return 0;
    }

    /**
     * {@code -r}'s files: each directory operand's regular files (fts's walk; here in sorted order,
     * where GNU grep reads them in the directory's order), the working directory's without its
     * {@code ./} when no operand was given (grep.c: omit_dot_slash).
     */
    private static List<String> recurse(List<String> operands, boolean implicit, TextFiles files) {
        List<String> out = new ArrayList<>();
        for (String f : operands) {
            List<String> under = f.equals("-") ? null : files.walk(f);
            if (under == null) {
                out.add(f);
                continue;
            }
            String prefix = implicit ? "" : f.endsWith("/") ? f : f + "/";
            under.forEach(name -> out.add(prefix + name));
        }
        return out;
    }

    private static Pattern compile(Options o) {
        if (o.patterns.isEmpty()) {
            return Pattern.compile("(?!)"); // -f of an empty file: no pattern, so no line is selected
        }
        StringBuilder regex = new StringBuilder();
        for (String each : o.patterns) {
            for (String pattern : each.split("\n", -1)) {
                String one = o.fixed ? Pattern.quote(pattern) : Regex.toJava(pattern, o.extended);
                if (o.line) {
                    one = "^(?:" + one + ")$";
                } else if (o.word) {
                    one = "(?<![\\w])(?:" + one + ")(?![\\w])";
                }
                regex.append(regex.length() == 0 ? "" : "|").append("(?:").append(one).append(')');
            }
        }
        return Pattern.compile(regex.toString(), o.ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    /**
     * One input's selected lines (and their context) into {@code out} (null: count only); returns how many lines were
     * selected, at most -m.
     */
    private static int search(List<String> input, Pattern p, Options o, boolean gnu, String name, List<String> out,
                              boolean[] printedGroup) {
        boolean context = o.after > 0 || o.before > 0;
        int selected = 0;
        // before any line of this input: GNU and BusyBox both put "--" between one input's groups and the next's
        int lastPrinted = -2;
        int afterLeft = 0;
        for (int n = 0; n < input.size(); n++) {
            if (selected >= o.maxCount && !(out != null && gnu && afterLeft > 0)) {
                break; // the line after the -m'th match is not read: a regular file's offset stays after that match
            }
            String text = input.get(n);
            var m = p.matcher(text);
            boolean hit = m.find() != o.invert;
            if (selected >= o.maxCount) {
                // GNU prints the trailing context of the -m'th line, whatever those lines hold
                if (out != null && gnu && afterLeft > 0) {
                    emit(out, o, name, n, '-', text);
                    lastPrinted = n;
                    afterLeft--;
                    continue;
                }
                break;
            }
            if (!hit) {
                if (out != null && afterLeft > 0) {
                    if (!(o.onlyMatching && gnu)) {
                        emit(out, o, name, n, '-', text);
                    }
                    lastPrinted = n;
                    afterLeft--;
                }
                continue;
            }
            selected++;
            if (out == null) {
                continue;
            }
            int from = Math.max(Math.max(0, n - o.before), lastPrinted + 1);
            if (context && printedGroup[0] && from > lastPrinted + 1) {
                out.add("--");
            }
            for (int b = from; b < n; b++) {
                if (!(o.onlyMatching && gnu)) {
                    emit(out, o, name, b, '-', input.get(b));
                }
            }
            if (o.onlyMatching && !o.invert) {
                do {
                    if (!m.group().isEmpty()) {
                        emit(out, o, name, n, ':', m.group());
                    }
                } while (m.find());
            } else if (!o.onlyMatching) {
                emit(out, o, name, n, ':', text);
            }
            printedGroup[0] = true;
            lastPrinted = n;
            afterLeft = o.after;
        }
        return selected;
    }

    private static void emit(List<String> out, Options o, String name, int n, char sep, String text) {
        StringBuilder sb = new StringBuilder();
        if (name != null) {
            sb.append(name).append(sep);
        }
        if (o.number) {
            sb.append(n + 1).append(sep);
        }
        out.add(sb.append(text).toString());
    }

    /** GNU grep's usage error (exit 2); BusyBox's whole usage (exit 2). */
    private static TextResult usage(TextContext ctx, String message) {
        List<String> out = new ArrayList<>();
        if (message != null) {
            out.add(message);
        }
        if (ctx.flavour() == Flavour.GNU) {
            out.add("Usage: grep [OPTION]... PATTERNS [FILE]...");
            out.add("Try 'grep --help' for more information.");
        } else {
            out.addAll(BusyboxUsage.withBanner("grep")); // bb_show_usage, with grep's exit status for trouble
        }
        return new TextResult(2, out, out);
    }
}
