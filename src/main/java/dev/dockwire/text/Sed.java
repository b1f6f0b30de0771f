package dev.dockwire.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sed [-n] [-E|-r] [-s] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE] [SCRIPT] [FILE...]} as GNU sed 4.9:
 * options and exit statuses (1 for a bad script or usage, 2 for a missing input file, 4 for
 * {@code -i} without files), the script read by {@link SedParser} and run by {@link SedRun}.
 */
final class Sed implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean quiet = false;
        boolean extended = false;
        boolean separate = false;
        boolean inPlace = false;
        List<String> scripts = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                switch (a.contains("=") ? a.substring(0, a.indexOf('=')) : a) {
                    case "--quiet", "--silent" -> quiet = true;
                    case "--regexp-extended" -> extended = true;
                    case "--separate" -> separate = true;
                    case "--in-place" -> inPlace = true;
                    case "--expression" -> scripts.add(a.substring(a.indexOf('=') + 1));
                    case "--posix", "--debug", "--unbuffered", "--sandbox", "--follow-symlinks" -> {
                    }
                    default -> {
                        return usage(ctx, "sed: unrecognized option '" + a + "'");
                    }
                }
                continue;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char f = a.charAt(j);
                switch (f) {
                    case 'n' -> quiet = true;
                    case 'E', 'r' -> extended = true;
                    case 's', 'u' -> separate |= f == 's';
                    case 'i' -> {
                        inPlace = true;
                        j = a.length(); // the rest is the backup suffix
                    }
                    case 'e', 'f' -> {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            return usage(ctx, "sed: option requires an argument -- '" + f + "'");
                        }
                        if (f == 'f') {
                            String content = ctx.files().read(v);
                            if (content == null) {
                                return TextResult.fail(1, "sed: couldn't open file " + v + ": No such file or directory");
                            }
                            v = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
                        }
                        scripts.add(v);
                        j = a.length();
                    }
                    default -> {
                        return usage(ctx, "sed: invalid option -- '" + f + "'");
                    }
                }
            }
        }
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
            out.add("Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...");
        }
        return new TextResult(1, out, out);
    }
}
