package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code xargs [-n N] [-I REPL] [-r] [-0] [-t] [COMMAND [ARG...]]} (findutils): stdin split into blank-separated
 * words (quotes group them; with {@code -0} at each NUL, as {@code find -print0} ends its names), each command line
 * on stderr first under {@code -t}, appended to the command ({@code echo} by default), N at a time; with
 * {@code -I} one line per run, REPL replaced in the arguments. Exit 123 when a run failed, 124 when one exited 255 (which stops
 * the runs), 127 or 126 when the command could not be exec'd (findutils' xargs.c, as BusyBox's).
 */
final class Xargs implements TextTool {
    /** findutils' xargs.c: "+0a:E:e::i::I:l::L:n:prs:txP:d:" (options end at the command) and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("+0a:E:e::i::I:l::L:n:prs:txP:d:", java.util.Map.of(
            "no-run-if-empty", "r", "max-args", "n:", "replace", "i::", "null", "0", "verbose", "t", "delimiter", "d:"));
    /** BusyBox 1.36.1's OPTION_STR with alpine's features, and its one long option. */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("+trn:s:e::E:opx0I:i::P:a:", java.util.Map.of("no-run-if-empty", "r"));

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        int[] max = {Integer.MAX_VALUE};
        String[] repl = {null};
        boolean[] noRunIfEmpty = {false};
        boolean[] nul = {false};
        boolean[] trace = {false};
        String[] badNumber = {null};
        ToolOptions o = ToolOptions.parse(ctx, "xargs", 1, GNU, BUSYBOX, args, (key, value) -> {
            switch (key) {
                case "r" -> noRunIfEmpty[0] = true;
                case "0" -> nul[0] = true;
                case "t" -> trace[0] = true;
                case "I" -> repl[0] = value;
                case "i" -> repl[0] = value == null ? "{}" : value; // -i[R], --replace[=R]: -I with {} by default
                case "n" -> {
                    try {
                        max[0] = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        badNumber[0] = value;
                    }
                }
                default -> {
                    // the other options are not modelled
                }
            }
            return badNumber[0] == null;
        });
        if (o.error() != null) {
            return o.error();
        }
        if (badNumber[0] != null) {
            return ctx.flavour() == Flavour.GNU ? ctx.usage("xargs", 1, "invalid number \"" + badNumber[0] + "\" for -n option")
                    : TextResult.fail(1, "xargs: invalid number '" + badNumber[0] + "'"); // xatoi_positive's words
        }
        List<String> command = o.operands().isEmpty() ? List.of("echo") : o.operands();
        List<String> in = stdin == null ? List.of() : stdin;
        List<List<String>> runs = new ArrayList<>();
        if (repl[0] != null) {
            for (String line : in) {
                String item = line.strip();
                if (!item.isEmpty()) {
                    List<String> argv = new ArrayList<>();
                    for (String w : command) {
                        argv.add(w.replace(repl[0], item));
                    }
                    runs.add(argv);
                }
            }
        } else {
            List<String> words = nul[0] ? items(in) : words(in);
            for (int from = 0; from < words.size(); from += max[0]) {
                List<String> argv = new ArrayList<>(command);
                argv.addAll(words.subList(from, Math.min(words.size(), from + max[0])));
                runs.add(argv);
            }
            if (words.isEmpty() && !noRunIfEmpty[0]) {
                runs.add(new ArrayList<>(command)); // GNU xargs runs the command once on empty input
            }
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (List<String> argv : runs) {
            String cannot = ctx.commands().execError(argv.get(0));
            if (cannot != null) { // the child's execvp failed: xargs says why and stops, 126 or 127 as POSIX asks
                String line = "xargs: " + argv.get(0) + ": " + cannot;
                out.add(line);
                errors.add(line);
                return new TextResult(cannot.equals("Permission denied") ? 126 : 127, out, errors);
            }
            if (trace[0]) { // -t: the command line on stderr before it runs (xargs.c's print_args, BusyBox's the same)
                String line = String.join(" ", argv);
                out.add(line);
                errors.add(line);
            }
            TextResult r = ctx.commands().run(argv, null);
            out.addAll(r.output());
            errors.addAll(r.errors());
            if (r.status() == 255) { // findutils' xargs.c (and BusyBox's): a command exiting 255 stops the runs
                String line = "xargs: " + argv.get(0) + ": exited with status 255; aborting";
                out.add(line);
                errors.add(line);
                return new TextResult(124, out, errors);
            }
            if (r.status() != 0) {
                status = 123;
            }
        }
        return new TextResult(status, out, errors);
    }

    /** {@code -0}'s items: the input split at each NUL, blanks and inner newlines kept, an empty last piece dropped. */
    private static List<String> items(List<String> lines) {
        // the lines' newlines between them; a last newline is not kept (sort -z, which dockwire lacks, ends its output with one)
        String text = String.join("\n", lines);
        List<String> items = new ArrayList<>(List.of(text.split("\0", -1)));
        if (!items.isEmpty() && items.get(items.size() - 1).isEmpty()) {
            items.remove(items.size() - 1);
        }
        return items;
    }

    private static List<String> words(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            StringBuilder w = new StringBuilder();
            boolean in = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        w.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    in = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                    in = true;
                } else if (Character.isWhitespace(c)) {
                    if (in) {
                        words.add(w.toString());
                        w.setLength(0);
                        in = false;
                    }
                } else {
                    w.append(c);
                    in = true;
                }
            }
            if (in) {
                words.add(w.toString());
            }
        }
        return words;
    }
}
