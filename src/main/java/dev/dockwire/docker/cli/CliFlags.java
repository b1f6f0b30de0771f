package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flag parsing the way the docker CLI (cobra/pflag) does it: {@code --name value},
 * {@code --name=value}, {@code -d}, combined shorthands {@code -dit}, repeatable flags, and, for
 * commands like {@code run} and {@code exec}, flags only before the first positional argument.
 * Errors are cobra's: {@code unknown flag: --foo}, {@code unknown shorthand flag: 'x' in -x},
 * {@code flag needs an argument: --ip}.
 */
public final class CliFlags {
    /** A flag: long name, shorthand (or 0), whether it takes a value. */
    public record Spec(String name, char shorthand, boolean value) {
    }

    public static class ParseError extends RuntimeException {
        public ParseError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * An option {@code docker run}/{@code create} refuses after parsing its flags (container/opts.go
     * parse), which run.go and create.go wrap with withHelp: the message, a blank line and
     * {@code Run 'docker create --help' for more information}.
     */
    public static final class OptionError extends ParseError {
        public OptionError(String message) {
            super(message);
        }
    }

    /** A flag pflag rejects (unknown, or missing its value): the CLI answers with the command's usage line. */
    public static final class FlagError extends ParseError {
        public FlagError(String message) {
            super(message);
        }
    }

    /**
     * {@code --help} (or {@code -h} where no flag claims it) among flags that parsed: cobra prints
     * the command's usage instead of running it; {@code shorthand} when {@code -h} asked.
     */
    public static final class HelpRequested extends RuntimeException {
        private final boolean shorthand;

        HelpRequested(boolean shorthand) {
            super("help", null, false, false);
            this.shorthand = shorthand;
        }

        public boolean shorthand() {
            return shorthand;
        }
    }

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    public List<String> positional() {
        return positional;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** An {@code int} flag's value as pflag parses it; a bad one is its {@code invalid argument} error. */
    public static int intValue(String value, String flag) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FlagError("invalid argument \"" + value + "\" for \"--" + flag + "\" flag: strconv.ParseInt: parsing \""
                    + value + "\": " + (value.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
    }

    public static CliFlags parse(List<String> args, List<Spec> specs, boolean interspersed) {
        CliFlags f = new CliFlags();
        boolean flagsDone = false;
        boolean ownH = specs.stream().anyMatch(x -> x.shorthand() == 'h');
        Boolean help = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flagsDone || !a.startsWith("-") || a.equals("-")) {
                f.positional.add(a);
                if (!interspersed) {
                    flagsDone = true;
                }
                continue;
            }
            if (a.equals("--")) {
                flagsDone = true;
                continue;
            }
            if (a.equals("--help")) {
                help = help == null ? Boolean.FALSE : help;
                continue;
            }
            if (a.equals("-h") && !ownH) {
                help = Boolean.TRUE;
                continue;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String n = name;
                Spec s = specs.stream().filter(x -> x.name().equals(n)).findFirst()
                        .orElseThrow(() -> new FlagError("unknown flag: --" + n));
                if (s.value() && value == null) {
                    if (i + 1 >= args.size()) {
                        throw new FlagError("flag needs an argument: --" + n);
                    }
                    value = args.get(++i);
                }
                f.values.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(value == null ? "true" : value);
                continue;
            }
            String shorts = a.substring(1);
            for (int k = 0; k < shorts.length(); k++) {
                char c = shorts.charAt(k);
                Spec s = specs.stream().filter(x -> x.shorthand() == c).findFirst()
                        .orElseThrow(() -> new FlagError("unknown shorthand flag: '" + c + "' in " + a));
                if (s.value()) {
                    String value = k + 1 < shorts.length() ? shorts.substring(k + 1) : null;
                    if (value != null && value.startsWith("=")) {
                        value = value.substring(1);
                    }
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new FlagError("flag needs an argument: '" + c + "' in -" + c);
                        }
                        value = args.get(++i);
                    }
                    f.values.computeIfAbsent(s.name(), x -> new ArrayList<>()).add(value);
                    break;
                }
                f.values.computeIfAbsent(s.name(), x -> new ArrayList<>()).add("true");
            }
        }
        if (help != null) {
            throw new HelpRequested(help);
        }
        return f;
    }
}
