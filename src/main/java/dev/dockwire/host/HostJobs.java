package dev.dockwire.host;

import dev.dockwire.app.Signal;
import dev.dockwire.proc.JobControl;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's job builtins over the terminal's one job table ({@link JobControl}), at a live prompt and
 * in a script alike: {@code jobs [-l]}, {@code wait [%N|PID...]}, {@code kill [-SIG] %N|PID},
 * {@code disown}, {@code fg}/{@code bg} (refused as a non-interactive bash refuses them: no job
 * control), and {@code pkill}/{@code killall} of a job's command. Texts and statuses are bash 5.2's
 * (builtins/jobs.def, wait.def, kill.def).
 */
final class HostJobs {
    private final JobControl jobs;

    HostJobs(JobControl jobs) {
        this.jobs = jobs;
    }

    /** Whether {@code name} is one of these builtins. */
    static boolean has(String name) {
        return switch (name) {
            case "jobs", "wait", "kill", "pkill", "killall", "fg", "bg", "disown" -> true;
            default -> false;
        };
    }

    /** bash 5.2's builtins but {@code wait}: a script's bash runs them without forking, so without reaping a job. */
    private static final java.util.Set<String> BUILTINS = java.util.Set.of(".", ":", "[", "alias", "bg", "bind", "break",
            "builtin", "caller", "cd", "command", "compgen", "complete", "continue", "declare", "dirs", "disown", "echo",
            "enable", "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs",
            "kill", "let", "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd", "read", "readarray", "readonly",
            "return", "set", "shift", "shopt", "source", "suspend", "test", "times", "trap", "true", "type", "typeset",
            "ulimit", "umask", "unalias", "unset");

    /**
     * Whether a script's bash reaps its background jobs once this foreground pipeline is done, and
     * so says which a signal ended ({@link JobControl#reaped}): after a command it forked (a program,
     * any pipeline; jobs.c wait_for calls notify_and_cleanup) or {@code wait}, not after a builtin.
     */
    static boolean reaps(List<String> firstWords, int stages) {
        return stages > 1 || !firstWords.isEmpty() && !BUILTINS.contains(firstWords.get(0));
    }

    CommandResult run(String name, List<String> args) {
        return switch (name) {
            case "jobs" -> CommandResult.ok(jobs.jobs(args.contains("-l")));
            case "wait" -> waitFor(args);
            case "fg", "bg" -> jobs.live() ? foreground(name, args)
                    : CommandResult.fail(1, "bash: " + name + ": no job control"); // builtins/fg_bg.def without job control
            case "disown" -> disown(args);
            case "pkill", "killall" -> {
                int n = args.isEmpty() ? 0 : jobs.killAll(args.get(args.size() - 1), Signal.SIGTERM);
                yield new CommandResult(n > 0 ? 0 : 1, List.of());
            }
            default -> kill(args);
        };
    }

    /** {@code fg [%N]}, {@code bg [%N]} at a live terminal. */
    private CommandResult foreground(String name, List<String> args) {
        String spec = args.isEmpty() ? null : args.get(0);
        String none = "bash: " + name + ": " + (spec == null ? "current" : spec) + ": no such job";
        if (name.equals("bg")) {
            return jobs.bg(spec) ? CommandResult.ok(List.of()) : CommandResult.fail(1, none);
        }
        Integer status = jobs.fg(spec);
        return status == null ? CommandResult.fail(1, none) : new CommandResult(status, List.of());
    }

    /**
     * {@code wait}: 0 once every job is done; {@code wait %N|PID...}: the last one's status, 127
     * (with bash's words) for one that is no job of this shell. A script's step limit ends a wait
     * that would never end, as it ends any foreground command.
     */
    private CommandResult waitFor(List<String> args) {
        List<String> specs = args.stream().filter(a -> !a.equals("-f")).toList();
        if (specs.isEmpty()) {
            return result(jobs.waitAll(), "wait", new ArrayList<>());
        }
        List<String> out = new ArrayList<>();
        JobControl.Waited last = new JobControl.Waited(0, false);
        for (String spec : specs) {
            JobControl.Waited w = spec.startsWith("%") || spec.matches("\\d+") ? jobs.waitFor(spec) : null;
            if (w == null) {
                out.add(spec.startsWith("%") ? "bash: wait: " + spec + ": no such job"
                        : spec.matches("\\d+") ? "bash: wait: pid " + spec + " is not a child of this shell"
                        : "bash: wait: `" + spec + "': not a pid or valid job spec");
                last = new JobControl.Waited(127, false);
                continue;
            }
            if (w.timedOut()) {
                return result(w, "wait " + String.join(" ", args), out);
            }
            last = w;
        }
        return new CommandResult(last.status(), out, List.copyOf(out));
    }

    private CommandResult result(JobControl.Waited w, String command, List<String> out) {
        List<String> errors = List.copyOf(out);
        if (w.timedOut()) {
            out.add(jobs.timedOut(command));
        }
        return new CommandResult(w.status(), out, errors);
    }

    /** {@code disown [-a] [%N...]}. */
    private CommandResult disown(List<String> args) {
        if (args.contains("-a")) {
            jobs.disownAll();
            return CommandResult.ok(List.of());
        }
        List<String> specs = args.isEmpty() ? java.util.Collections.singletonList(null) : args;
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            if (!jobs.disown(spec)) {
                out.add("bash: disown: " + (spec == null ? "current" : spec) + ": no such job");
            }
        }
        return new CommandResult(out.isEmpty() ? 0 : 1, out, List.copyOf(out));
    }

    /** {@code kill [-s SIG | -SIG] %N|PID...}. */
    private CommandResult kill(List<String> args) {
        Signal signal = Signal.SIGTERM;
        List<String> out = new ArrayList<>();
        int status = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-s") && i + 1 < args.size() || a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
                String name = a.equals("-s") ? args.get(++i) : a.substring(1);
                signal = Signal.parse(name);
                if (signal == null) {
                    return CommandResult.fail(1, "bash: kill: " + name + ": invalid signal specification");
                }
            } else if (!jobs.kill(a, signal)) {
                out.add("bash: kill: " + a + ": " + (a.startsWith("%") ? "no such job" : "(" + a + ") - No such process"));
                status = 1;
            }
        }
        if (args.isEmpty()) {
            return CommandResult.fail(2, "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
        }
        return new CommandResult(status, out, List.copyOf(out));
    }
}
