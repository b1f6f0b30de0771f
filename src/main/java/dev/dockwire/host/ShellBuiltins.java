package dev.dockwire.host;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's builtins that change the shell itself: {@code export}, {@code unset}, {@code cd},
 * {@code pwd}, worded as bash's builtins (builtins/setattr.def, cd.def) print them; and its output
 * builtins {@code echo} and {@code printf}.
 */
final class ShellBuiltins {
    private ShellBuiltins() {
    }

    static CommandResult run(String name, List<String> args, Map<String, String> vars, ExecEnv env) {
        return switch (name) {
            case "export" -> export(args, vars, env);
            case "unset" -> {
                for (String a : args) {
                    if (!a.startsWith("-")) {
                        vars.remove(a);
                        env.export(a, null);
                    }
                }
                yield CommandResult.ok(List.of());
            }
            case "cd" -> cd(args, vars, env);
            default -> CommandResult.ok(List.of(env.currentDirectory()));
        };
    }

    /** {@code export [NAME[=value]...]}; alone (or {@code -p}) it lists them as {@code declare -x NAME="value"}. */
    private static CommandResult export(List<String> args, Map<String, String> vars, ExecEnv env) {
        List<String> names = args.stream().filter(a -> !a.equals("-p")).toList();
        if (names.isEmpty()) {
            List<String> out = new ArrayList<>();
            new TreeMap<>(vars).forEach((k, v) -> {
                if (!k.equals("?") && !k.equals("!")) {
                    out.add("declare -x " + k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                }
            });
            return CommandResult.ok(out);
        }
        List<String> errors = new ArrayList<>();
        for (String a : names) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                errors.add(env.shellName() + ": export: `" + a + "': not a valid identifier");
                continue;
            }
            String value = eq < 0 ? vars.getOrDefault(key, "") : a.substring(eq + 1);
            vars.put(key, value);
            env.export(key, value);
        }
        return new CommandResult(errors.isEmpty() ? 0 : 1, errors);
    }

    /** {@code cd [DIR|-]}: bash's {@code bash: cd: X: No such file or directory}, status 1, when it cannot. */
    private static CommandResult cd(List<String> args, Map<String, String> vars, ExecEnv env) {
        if (args.size() > 1) {
            return CommandResult.fail(1, env.shellName() + ": cd: too many arguments");
        }
        String before = env.currentDirectory();
        String target = args.isEmpty() || args.get(0).equals("~") ? null : args.get(0);
        boolean back = "-".equals(target);
        if (back) {
            target = vars.get("OLDPWD");
            if (target == null) {
                return CommandResult.fail(1, env.shellName() + ": cd: OLDPWD not set");
            }
        }
        String error = env.changeDirectory(target);
        if (error != null) {
            return CommandResult.fail(1, env.shellName() + ": cd: " + error);
        }
        vars.put("OLDPWD", before);
        vars.put("PWD", env.currentDirectory());
        return CommandResult.ok(back ? List.of(env.currentDirectory()) : List.of());
    }
}
