package dev.dockwire.text;

import java.util.List;

/**
 * {@code head}/{@code tail}: the first or last N lines ({@code -n N}, {@code -nN}, {@code -N}; 10 by
 * default) of each file operand ({@code -} is stdin), under a {@code ==> FILE <==} header when there
 * are several, or of stdin; a missing file is named in each flavour's words and the status is 1
 * (BusyBox's tail adds {@code no files} when none could be opened; GNU's tail refuses {@code -N}
 * with several files, as coreutils' obsolete-option parsing does).
 */
final class HeadTail implements TextTool {
    private final boolean head;

    HeadTail(boolean head) {
        this.head = head;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String> in = stdin == null ? List.of() : stdin;
        try {
            int n = lines(args, 10);
            List<String> files = operands(args);
            if (files.isEmpty()) {
                return TextResult.ok(cut(in, n));
            }
            String tool = head ? "head" : "tail";
            if (!head && files.size() > 1 && ctx.flavour() == Flavour.GNU) {
                String obsolete = args.stream().filter(a -> a.matches("-\\d+")).findFirst().orElse(null);
                if (obsolete != null) {
                    return TextResult.fail(1, "tail: option used in invalid context -- " + obsolete.substring(1));
                }
            }
            Lines out = new Lines();
            List<String> errors = new java.util.ArrayList<>();
            for (String f : files) {
                String content = f.equals("-") ? null : ctx.files().read(f);
                if (!f.equals("-") && content == null) {
                    errors.add(ctx.flavour() == Flavour.GNU ? tool + ": cannot open '" + f + "' for reading: No such file or directory"
                            : head ? "head: " + f + ": No such file or directory" : ctx.missing(tool, f));
                    continue;
                }
                if (files.size() > 1) {
                    String header = "==> " + (f.equals("-") ? "standard input" : f) + " <==";
                    Lines.append(out, out.isEmpty() ? List.of(header) : List.of("", header)); // "\n==> F <==": it ends an unterminated line
                }
                List<String> part = cut(f.equals("-") ? in : Lines.of(content), n);
                Lines.append(out, part);
            }
            if (!head && errors.size() == files.size() && ctx.flavour() == Flavour.BUSYBOX) {
                errors.add("tail: no files");
            }
            Lines all = new Lines(errors, false);
            Lines.append(all, out);
            return new TextResult(errors.isEmpty() ? 0 : 1, all, errors);
        } catch (NumberFormatException e) {
            String tool = head ? "head" : "tail";
            String bad = args.stream().filter(a -> !a.equals("-n") && !a.matches("-n?\\d+")).findFirst().orElse("");
            return TextResult.fail(1, ctx.flavour() == Flavour.GNU ? tool + ": invalid number of lines: ‘" + bad.replaceFirst("^-n", "") + "’"
                    : tool + ": invalid number '" + bad.replaceFirst("^-n", "") + "'");
        }
    }

    private List<String> cut(List<String> in, int n) {
        return head ? Lines.slice(in, 0, Math.min(n, in.size())) : Lines.slice(in, Math.max(0, in.size() - n), in.size());
    }

    /** The file operands: what is not an option or {@code -n}'s value. */
    private static List<String> operands(List<String> args) {
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-n")) {
                i++;
            } else if (!a.startsWith("-") || a.equals("-")) {
                files.add(a);
            }
        }
        return files;
    }

    /**
     * How many lines {@code argv} reads from its stdin before it exits: {@code head}'s count when it
     * reads stdin alone (no file operand), else all of them.
     */
    static long demand(List<String> argv) {
        if (argv.isEmpty() || !argv.get(0).equals("head")) {
            return Long.MAX_VALUE;
        }
        List<String> args = argv.subList(1, argv.size());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean takesValue = a.equals("-n");
            if (!a.startsWith("-") || a.equals("-") || !a.matches("-n?\\d*") && !a.equals("-n")) {
                return Long.MAX_VALUE; // a file operand, or an option read elsewhere
            }
            i += takesValue ? 1 : 0;
        }
        try {
            return Math.max(0, lines(args, 10));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
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
}
