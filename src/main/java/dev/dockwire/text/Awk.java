package dev.dockwire.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code awk [-F FS] [-v VAR=VALUE]... [-f FILE | 'PROGRAM'] [FILE | VAR=VALUE]...} as mawk 1.3.4, the
 * {@code awk} of Debian and Ubuntu hosts: BEGIN, then each record through the pattern-action
 * items, then END; {@code exit} still runs END. Compile errors ({@code awk: line 1: syntax error
 * at or near }}) and run-time errors exit 2. {@code for (k in a)} visits keys in insertion order.
 */
final class Awk implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String[]> assignments = new ArrayList<>();
        String fs = null;
        String program = null;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            char f = a.charAt(1);
            if ("Fvf W".indexOf(f) < 0) {
                return TextResult.fail(2, "awk: not an option: " + a);
            }
            String v = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
            if (v == null) {
                return TextResult.fail(2, "awk: option -" + f + " lacks argument");
            }
            switch (f) {
                case 'F' -> fs = v.equals("t") ? "\t" : unescape(v);
                case 'v' -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        return TextResult.fail(2, "awk: improper assignment: -v " + v);
                    }
                    assignments.add(new String[] {v.substring(0, eq), unescape(v.substring(eq + 1))});
                }
                case 'f' -> {
                    program = ctx.files().read(v);
                    if (program == null) {
                        return TextResult.fail(2, "awk: couldn't open file " + v);
                    }
                }
                default -> {
                    if (v.startsWith("v")) {
                        return TextResult.ok(List.of("mawk 1.3.4 20200120"));
                    }
                }
            }
        }
        if (program == null) {
            if (i >= args.size()) {
                return usage(ctx);
            }
            program = args.get(i++);
        }
        AwkParser parsed;
        try {
            parsed = AwkParser.parse(program);
        } catch (AwkError e) {
            List<String> out = new ArrayList<>(List.of("awk: line " + e.line + ": " + e.getMessage()));
            if (e.getMessage().equals("extra '}'")) {
                out.add("awk: line " + e.line + ": syntax error at or near end of line");
            }
            return new TextResult(2, out, out);
        }
        AwkRuntime rt = new AwkRuntime(ctx);
        if (fs != null) {
            rt.globals.put("FS", fs);
        }
        for (String[] kv : assignments) {
            rt.globals.put(kv[0], new AwkValues.StrNum(kv[1]));
        }
        AwkInterp interp = new AwkInterp(rt, parsed.functions);
        AwkMain main = new AwkMain(interp, parsed.items, args.subList(i, args.size()), stdin);
        int status = main.run();
        List<String> out = new ArrayList<>();
        String text = rt.out.toString();
        if (!text.isEmpty()) {
            out.addAll(List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1)));
        }
        out.addAll(0, main.errors); // stderr is unbuffered: on a terminal it comes before mawk's buffered output
        return new TextResult(status, out, List.copyOf(main.errors));
    }

    /** -v and command-line assignments take escape sequences as string constants do. */
    private static String unescape(String v) {
        return v.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
    }

    private static TextResult usage(TextContext ctx) {
        if (ctx.flavour() != Flavour.GNU) {
            return TextResult.fail(1, "Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...");
        }
        try (InputStream in = Awk.class.getResourceAsStream("awk-usage.txt")) {
            List<String> usage = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new TextResult(0, usage, usage); // mawk's usage() writes to stderr, and exits 0
        } catch (IOException e) {
            throw new IllegalStateException("awk-usage.txt is part of the build", e);
        }
    }
}
