package dev.dockwire.text;

import java.util.List;

/** {@code head}/{@code tail}: the first or last N lines of stdin ({@code -n N}, {@code -nN}, {@code -N}; 10 by default). */
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
            return TextResult.ok(head ? in.subList(0, Math.min(n, in.size())) : in.subList(Math.max(0, in.size() - n), in.size()));
        } catch (NumberFormatException e) {
            String tool = head ? "head" : "tail";
            String bad = args.stream().filter(a -> !a.equals("-n") && !a.matches("-n?\\d+")).findFirst().orElse("");
            return TextResult.fail(1, ctx.flavour() == Flavour.GNU ? tool + ": invalid number of lines: ‘" + bad.replaceFirst("^-n", "") + "’"
                    : tool + ": invalid number '" + bad.replaceFirst("^-n", "") + "'");
        }
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
