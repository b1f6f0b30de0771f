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
    /** BusyBox 1.36.1's OPTSTR_AWK with AWK_GNU_EXTENSIONS: "+F:v:*f:*e:*W:". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("+F:v:f:e:W:", java.util.Map.of());

    /** What -F, -v, -f and -e set up. */
    private static final class Setup {
        final List<String[]> assignments = new ArrayList<>();
        String fs;
        String program;

        /** One option and its value; the refusal when it has one. */
        TextResult option(char f, String v, TextContext ctx) {
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
                case 'e' -> program = v;
                default -> {
                    // -W: mawk's -W version is answered before; other -W words are not modelled
                }
            }
            return null;
        }
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        Setup setup = new Setup();
        TextResult[] refused = {null};
        int i = 0;
        if (ctx.flavour() == Flavour.BUSYBOX) {
            ToolOptions o = ToolOptions.parse(ctx, "awk", 1, null, BUSYBOX, args, (key, value) -> {
                refused[0] = setup.option(key.charAt(0), value, ctx);
                return refused[0] == null;
            });
            if (o.error() != null) {
                return o.error();
            }
            args = o.operands();
        } else {
            // mawk reads its own options (main.c process_cmdline), no getopt: its words, status 2
            for (; i < args.size() && refused[0] == null; i++) {
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
                if (f == 'W' && v.startsWith("v")) {
                    return TextResult.ok(List.of("mawk 1.3.4 20200120"));
                }
                refused[0] = setup.option(f, v, ctx);
            }
        }
        if (refused[0] != null) {
            return refused[0];
        }
        List<String[]> assignments = setup.assignments;
        String fs = setup.fs;
        String program = setup.program;
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
            return TextResult.fail(1, dev.dockwire.libc.BusyboxUsage.withBanner("awk").toArray(String[]::new)); // bb_show_usage
        }
        try (InputStream in = Awk.class.getResourceAsStream("awk-usage.txt")) {
            List<String> usage = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new TextResult(0, usage, usage); // mawk's usage() writes to stderr, and exits 0
        } catch (IOException e) {
            throw new IllegalStateException("awk-usage.txt is part of the build", e);
        }
    }
}
