package dev.dockwire.docker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a shell as a container's PID 1 turns into. {@code sh -c 'ping -c 3 web'}: BusyBox ash,
 * dash and bash exec the last simple command of {@code -c} (and an explicit {@code exec}), so
 * PID 1 becomes {@code ping -c 3 web}; a builtin ({@code exit 3}) runs in the shell. {@code sh} with no script reads commands from stdin,
 * which for a container without {@code -i} is {@code /dev/null}: it exits 0 at once.
 */
final class ShellExec {
    private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash", "zsh", "mksh", "ksh");
    /** Characters that make a script more than one simple command with literal words and plain parameters. */
    private static final String SPECIAL = ";&|<>`()\n*?[]{}~#\\";

    private ShellExec() {
    }

    static boolean isShell(List<String> argv) {
        return !argv.isEmpty() && SHELLS.contains(argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1));
    }

    /** The shell reads its commands from stdin: no {@code -c} script and no script file. */
    static boolean readsStdin(List<String> argv) {
        if (!isShell(argv)) {
            return false;
        }
        for (String a : argv.subList(1, argv.size())) {
            if (!a.startsWith("-") || !a.startsWith("--") && a.indexOf('c') > 0) {
                return false;
            }
        }
        return true;
    }

    /** The argv a shell running {@code argv} execs, or {@code argv} itself when it is not a shell with a one-command script. */
    static List<String> direct(List<String> argv) {
        return direct(argv, name -> null);
    }

    /**
     * As {@link #direct(List)}, a parameter ({@code $PORT}, {@code ${ADDRESS}}) expanded from the
     * environment {@code env} looks up, as the shell expands it before the exec (an unset one is empty;
     * one whose value field splitting or globbing would change leaves the script to the shell).
     */
    static List<String> direct(List<String> argv, Function<String, String> env) {
        String script = script(argv);
        if (script == null) {
            return argv;
        }
        List<String> words = words(script.strip(), env);
        if (words == null || words.isEmpty()) {
            return argv;
        }
        if (words.get(0).equals("exec")) {
            words = words.subList(1, words.size());
        }
        // A builtin (exit 3, echo hi, cd) runs in the shell itself: nothing is exec'd, the shell stays PID 1.
        return words.isEmpty() || words.get(0).contains("=") || dev.dockwire.app.sh.Sh.builtin(words.get(0)) ? argv : List.copyOf(words);
    }

    /** The script of {@code sh -c SCRIPT} (options before {@code -c} allowed), or null when {@code argv} is no such shell. */
    static String script(List<String> argv) {
        if (!isShell(argv)) {
            return null;
        }
        for (int i = 1; i < argv.size() - 1; i++) {
            String opt = argv.get(i);
            if (!opt.startsWith("-") || opt.startsWith("--")) {
                return null;
            }
            if (opt.indexOf('c') > 0) {
                return argv.get(i + 1);
            }
        }
        return null;
    }

    /** The words of one simple command with literal quoting only; null when the script is anything more. */
    private static List<String> words(String script, Function<String, String> env) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (ch == '$' && quote != '\'') {
                int end = parameterEnd(script, i);
                if (end < 0) {
                    return null;
                }
                String name = script.charAt(i + 1) == '{' ? script.substring(i + 2, end - 1) : script.substring(i + 1, end);
                String value = env.apply(name);
                value = value == null ? "" : value;
                if (quote == 0 && (value.isEmpty() || value.chars().anyMatch(v -> " \t\n*?[".indexOf(v) >= 0))) {
                    return null; // field splitting or pathname expansion: the shell's to do
                }
                w = w == null ? new StringBuilder() : w;
                w.append(value);
                i = end - 1;
            } else if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (quote == '"' && (ch == '`' || ch == '\\')) {
                    return null;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                w = w == null ? new StringBuilder() : w;
            } else if (ch == ' ' || ch == '\t') {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else if (SPECIAL.indexOf(ch) >= 0) {
                return null;
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(ch);
            }
        }
        if (quote != 0) {
            return null;
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    /** The index just past parameter {@code $NAME} or {@code ${NAME}} at {@code i}, or -1 for any other expansion. */
    private static int parameterEnd(String script, int i) {
        boolean braced = i + 1 < script.length() && script.charAt(i + 1) == '{';
        int j = braced ? i + 2 : i + 1;
        int start = j;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        if (j == start || Character.isDigit(script.charAt(start))) {
            return -1;
        }
        if (braced) {
            return j < script.length() && script.charAt(j) == '}' ? j + 1 : -1;
        }
        return j;
    }
}
