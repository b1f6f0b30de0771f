package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code xargs [-n N] [-I REPL] [-r] [COMMAND [ARG...]]} (findutils): stdin split into blank-separated
 * words (quotes group them), appended to the command ({@code echo} by default), N at a time; with
 * {@code -I} one line per run, REPL replaced in the arguments. Exit 123 when a run failed.
 */
final class Xargs implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        int max = Integer.MAX_VALUE;
        String repl = null;
        boolean noRunIfEmpty = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            if (a.equals("-r") || a.equals("--no-run-if-empty")) {
                noRunIfEmpty = true;
                i++;
            } else if (a.startsWith("-n") || a.startsWith("-I")) {
                String v = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                if (v == null) {
                    return ctx.usage("xargs", 1, "option requires an argument -- '" + a.charAt(1) + "'");
                }
                if (a.charAt(1) == 'I') {
                    repl = v;
                } else {
                    try {
                        max = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        return TextResult.fail(1, "xargs: invalid number \"" + v + "\" for -n option");
                    }
                }
                i++;
            } else {
                return ctx.usage("xargs", 1, "invalid option -- '" + a.charAt(1) + "'");
            }
        }
        List<String> command = args.size() > i ? args.subList(i, args.size()) : List.of("echo");
        List<String> in = stdin == null ? List.of() : stdin;
        List<List<String>> runs = new ArrayList<>();
        if (repl != null) {
            for (String line : in) {
                String item = line.strip();
                if (!item.isEmpty()) {
                    List<String> argv = new ArrayList<>();
                    for (String w : command) {
                        argv.add(w.replace(repl, item));
                    }
                    runs.add(argv);
                }
            }
        } else {
            List<String> words = words(in);
            for (int from = 0; from < words.size(); from += max) {
                List<String> argv = new ArrayList<>(command);
                argv.addAll(words.subList(from, Math.min(words.size(), from + max)));
                runs.add(argv);
            }
            if (words.isEmpty() && !noRunIfEmpty) {
                runs.add(new ArrayList<>(command)); // GNU xargs runs the command once on empty input
            }
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (List<String> argv : runs) {
            TextResult r = ctx.commands().run(argv, null);
            out.addAll(r.output());
            if (r.status() == 127) {
                return new TextResult(127, out);
            }
            if (r.status() != 0) {
                status = 123;
            }
        }
        return new TextResult(status, out);
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
