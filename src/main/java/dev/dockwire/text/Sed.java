package dev.dockwire.text;

import dev.dockwire.libc.GetoptLong;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sed [-n] [-E|-r] [-s] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE] [SCRIPT] [FILE...]} as GNU sed 4.9:
 * options and exit statuses (1 for a bad script or usage, 2 for a missing input file, 4 for
 * {@code -i} without files), the script read by {@link SedParser} and run by {@link SedRun}.
 */
final class Sed implements TextTool {
    /** GNU sed 4.9's SHORTOPTS and long options. */
    private static final String GNU_SHORTS = "bsnrzuEe:f:l:i::V:";
    private static final Map<String, String> GNU_LONGS = Map.ofEntries(Map.entry("binary", "b"), Map.entry("debug", "debug"),
            Map.entry("follow-symlinks", "follow-symlinks"), Map.entry("in-place", "i::"), Map.entry("line-length", "l:"),
            Map.entry("null-data", "z"), Map.entry("zero-terminated", "z"), Map.entry("posix", "posix"), Map.entry("quiet", "n"),
            Map.entry("silent", "n"), Map.entry("regexp-extended", "r"), Map.entry("sandbox", "sandbox"), Map.entry("separate", "s"),
            Map.entry("unbuffered", "u"), Map.entry("expression", "e:"), Map.entry("file", "f:"));
    /** BusyBox 1.36.1's getopt32long "i::rEne:*f:*" and sed_longopts. */
    private static final String BUSYBOX_SHORTS = "i::rEne:f:";
    private static final Map<String, String> BUSYBOX_LONGS = Map.of("in-place", "i::", "regexp-extended", "r", "quiet", "n",
            "silent", "n", "expression", "e:", "file", "f:");

    private static boolean gnu(TextContext ctx) {
        return ctx.flavour() == Flavour.GNU;
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean[] flags = new boolean[4]; // -n, -E, -s, -i
        List<String> scripts = new ArrayList<>();
        TextResult[] refused = {null};
        GetoptLong.Result r = new GetoptLong(ctx.libc(), gnu(ctx) ? GNU_SHORTS : BUSYBOX_SHORTS, gnu(ctx) ? GNU_LONGS : BUSYBOX_LONGS)
                .parse(args, (key, value) -> {
                    switch (key) {
                        case "n" -> flags[0] = true;
                        case "E", "r" -> flags[1] = true;
                        case "s" -> flags[2] = true;
                        case "i" -> flags[3] = true; // value: the backup suffix, not modelled
                        case "e" -> scripts.add(value);
                        case "f" -> {
                            String content = ctx.files().read(value);
                            if (content == null) {
                                refused[0] = TextResult.fail(1, "sed: couldn't open file " + value + ": No such file or directory");
                            } else {
                                scripts.add(content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
                            }
                        }
                        default -> {
                            // -u, -z, -l, --posix, --debug, --sandbox, --follow-symlinks change nothing modelled
                        }
                    }
                    return refused[0] == null;
                });
        if (r.error() != null) {
            return gnu(ctx) ? usage(ctx, "sed: " + r.error()) : ctx.optionError("sed", 1, r.error());
        }
        if (refused[0] != null) {
            return refused[0];
        }
        boolean quiet = flags[0];
        boolean extended = flags[1];
        boolean separate = flags[2];
        boolean inPlace = flags[3];
        List<String> operands = new ArrayList<>(r.operands());
        if (scripts.isEmpty()) {
            if (operands.isEmpty()) {
                return usage(ctx, null);
            }
            scripts.add(operands.remove(0));
        }
        List<SedCommand> commands = new ArrayList<>();
        for (int n = 0; n < scripts.size(); n++) {
            try {
                SedParser.parse(scripts.get(n), extended, commands);
            } catch (SedParser.Error e) {
                return TextResult.fail(1, "sed: -e expression #" + (n + 1) + ", char " + e.position + ": " + e.getMessage());
            }
        }
        String missingLabel = SedParser.link(commands);
        if (missingLabel != null) {
            return TextResult.fail(4, "sed: can't find label for jump to `" + missingLabel + "'");
        }
        if (inPlace && operands.isEmpty()) {
            return TextResult.fail(4, "sed: no input files");
        }
        SedRun run = new SedRun(commands, quiet, ctx.files());
        List<String> errors = new ArrayList<>();
        List<List<String>> units = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        if (operands.isEmpty()) {
            units.add(stdin == null ? List.of() : stdin);
        }
        boolean open = operands.isEmpty() && Lines.unterminated(stdin);
        for (String f : operands) {
            List<String> lines = f.equals("-") && !inPlace ? (stdin == null ? List.of() : stdin) : read(ctx, f);
            if (lines == null) {
                errors.add("sed: can't read " + f + ": No such file or directory");
                continue;
            }
            if (separate || inPlace || units.isEmpty()) {
                units.add(new ArrayList<>(lines));
                targets.add(f);
            } else {
                units.get(0).addAll(lines);
            }
            open = Lines.unterminated(lines);
        }
        Lines out = new Lines(errors, false);
        for (int u = 0; u < units.size() && !run.quit(); u++) {
            List<String> produced = run.unit(units.get(u), separate || inPlace);
            if (inPlace) {
                ctx.files().write(targets.get(u), produced.isEmpty() ? "" : String.join("\n", produced) + "\n", false);
            } else {
                out.addAll(produced);
            }
        }
        // GNU sed's output_missing_newline: the last line read without its newline is written without one
        out.unterminated(open && !run.quit() && !out.isEmpty());
        int status = run.quit() ? run.exitStatus() : errors.isEmpty() ? 0 : 2;
        return new TextResult(status, out, errors);
    }

    private static List<String> read(TextContext ctx, String path) {
        String content = ctx.files().read(path);
        return content == null ? null : Lines.of(content);
    }

    /** GNU sed's usage(): the message (if any), then the whole help text, exit 1. */
    private static TextResult usage(TextContext ctx, String message) {
        List<String> out = new ArrayList<>();
        if (message != null) {
            out.add(message);
        }
        if (ctx.flavour() == Flavour.GNU) {
            try (InputStream in = Sed.class.getResourceAsStream("sed-usage.txt")) {
                out.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new IllegalStateException("sed-usage.txt is part of the build", e);
            }
        } else {
            out.addAll(dev.dockwire.libc.BusyboxUsage.withBanner("sed")); // bb_show_usage
        }
        return new TextResult(1, out, out);
    }
}
