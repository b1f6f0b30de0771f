package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code head}/{@code tail}: the first or last N lines ({@code -n N}, {@code -nN}, {@code -N}; 10 by
 * default) of each file operand ({@code -} is stdin), under a {@code ==> FILE <==} header when there
 * are several, or of stdin; a missing file is named in each flavour's words and the status is 1
 * (BusyBox's tail adds {@code no files} when none could be opened; GNU's tail refuses {@code -N}
 * with several files, as coreutils' obsolete-option parsing does).
 */
final class HeadTail implements TextTool {
    /** coreutils' head.c: "c:n:qvz" (its -N digits read before, as obsolete options) and its long options. */
    private static final ToolOptions.Spec GNU_HEAD = new ToolOptions.Spec("c:n:qvz", java.util.Map.of("bytes", "c:", "lines", "n:",
            "quiet", "q", "silent", "q", "verbose", "v", "zero-terminated", "z"));
    /** coreutils' tail.c: "c:n:fFqs:vz" and its long options. */
    private static final ToolOptions.Spec GNU_TAIL = new ToolOptions.Spec("c:n:fFqs:vz", java.util.Map.of("bytes", "c:", "lines", "n:",
            "quiet", "q", "silent", "q", "verbose", "v", "zero-terminated", "z", "follow", "f::", "retry", "retry", "sleep-interval", "s:"));
    /** BusyBox 1.36.1's head: getopt(3) over head_opts "n:c:qv", no long options. */
    private static final ToolOptions.Spec BUSYBOX_HEAD = new ToolOptions.Spec("n:c:qv", null);
    /** BusyBox 1.36.1's tail: getopt32 "fc:n:qs:vF". */
    private static final ToolOptions.Spec BUSYBOX_TAIL = new ToolOptions.Spec("fc:n:qs:vF", java.util.Map.of());

    private final boolean head;

    HeadTail(boolean head) {
        this.head = head;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String> in = stdin == null ? List.of() : stdin;
        String tool = head ? "head" : "tail";
        String[] n = {"10"};
        boolean[] flags = new boolean[3]; // bytes, -q, -v
        List<String> words = new java.util.ArrayList<>(args);
        if (!args.isEmpty() && args.get(0).matches("-\\d+")) { // the obsolete -N, first: -n N (parse_obsolete_option, FANCY_HEAD)
            words.set(0, "-n");
            words.add(1, args.get(0).substring(1));
        }
        ToolOptions o = ToolOptions.parse(ctx, tool, 1, head ? GNU_HEAD : GNU_TAIL, head ? BUSYBOX_HEAD : BUSYBOX_TAIL, words, (key, value) -> {
            switch (key) {
                case "n", "c" -> {
                    n[0] = value;
                    flags[0] = key.equals("c");
                }
                case "q" -> flags[1] = true;
                case "v" -> flags[2] = true;
                default -> {
                    // tail -f/-F/-s and -z are not modelled
                }
            }
            return true;
        });
        if (o.error() != null) {
            return o.error();
        }
        try {
            valid(n[0]);
        } catch (NumberFormatException e) {
            return TextResult.fail(1, ctx.flavour() == Flavour.GNU ? tool + ": invalid number of " + (flags[0] ? "bytes" : "lines") + ": " + ctx.quote(n[0])
                    : tool + ": invalid number '" + n[0] + "'");
        }
        boolean bytes = flags[0];
        List<String> files = o.operands();
        if (files.isEmpty() && !flags[2]) {
            return TextResult.ok(bytes ? cutBytes(Lines.text(in), n[0]) : cut(in, n[0]));
        }
        if (!head && files.size() > 1 && ctx.flavour() == Flavour.GNU) {
            String obsolete = args.stream().filter(a -> a.matches("-\\d+")).findFirst().orElse(null);
            if (obsolete != null) {
                return TextResult.fail(1, "tail: option used in invalid context -- " + obsolete.substring(1));
            }
        }
        Lines out = new Lines();
        List<String> errors = new java.util.ArrayList<>();
        boolean headers = flags[2] || files.size() > 1 && !flags[1];
        for (String f : files.isEmpty() ? List.of("-") : files) {
            String content = f.equals("-") ? null : ctx.files().read(f);
            if (!f.equals("-") && content == null) {
                errors.add(ctx.flavour() == Flavour.GNU ? tool + ": cannot open '" + f + "' for reading: No such file or directory"
                        : head ? "head: " + f + ": No such file or directory" : ctx.missing(tool, f));
                continue;
            }
            if (headers) {
                String header = "==> " + (f.equals("-") ? "standard input" : f) + " <==";
                Lines.append(out, out.isEmpty() ? List.of(header) : List.of("", header)); // "\n==> F <==": it ends an unterminated line
            }
            List<String> part = bytes ? cutBytes(f.equals("-") ? Lines.text(in) : content, n[0]) : cut(f.equals("-") ? in : Lines.of(content), n[0]);
            Lines.append(out, part);
        }
        if (!head && !files.isEmpty() && errors.size() == files.size() && ctx.flavour() == Flavour.BUSYBOX) {
            errors.add("tail: no files");
        }
        Lines all = new Lines(errors, false);
        Lines.append(all, out);
        return new TextResult(errors.isEmpty() ? 0 : 1, all, errors);
    }

    /**
     * The lines {@code n} selects: head's first N ({@code -N}: all but the last N), tail's last N
     * ({@code +N}: from the Nth on), as coreutils' head.c/tail.c count them.
     */
    private List<String> cut(List<String> in, String n) {
        int[] range = range(in.size(), n);
        return Lines.slice(in, range[0], range[1]);
    }

    /** {@code -c N}: the same over the text's bytes, a last line without newline kept so. */
    private List<String> cutBytes(String text, String n) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] range = range(b.length, n);
        return Lines.of(new String(b, range[0], range[1] - range[0], StandardCharsets.UTF_8));
    }

    private int[] range(int size, String n) {
        long k = Long.parseLong(n.startsWith("+") ? n.substring(1) : n.startsWith("-") ? n.substring(1) : n);
        int count = (int) Math.min(k, size);
        if (head) {
            return n.startsWith("-") ? new int[] {0, size - count} : new int[] {0, count};
        }
        return n.startsWith("+") ? new int[] {(int) Math.min(size, Math.max(0, k - 1)), size} : new int[] {size - count, size};
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
            String n = count(args);
            return n.startsWith("-") || n.startsWith("+") ? Long.MAX_VALUE : Long.parseLong(n); // head -n -N reads it all
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The count as typed ({@code -n N}, {@code -nN}, {@code -N}, {@code -c N}, {@code --lines=N}): {@code 10} by default; it may start with + or -. */
    private static String count(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-n") || a.equals("-c")) && i + 1 < args.size()) {
                return valid(args.get(i + 1));
            }
            if (a.startsWith("-n") || a.startsWith("-c")) {
                return valid(a.substring(2));
            }
            if (a.startsWith("--lines=") || a.startsWith("--bytes=")) {
                return valid(a.substring(8));
            }
            if (a.matches("-\\d+")) {
                return a.substring(1);
            }
        }
        return "10";
    }

    private static String valid(String n) {
        Long.parseLong(n.startsWith("+") ? n.substring(1) : n); // NumberFormatException: invalid number
        return n;
    }
}
