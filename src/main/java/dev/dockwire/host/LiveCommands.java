package dev.dockwire.host;

import dev.dockwire.app.Signal;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.Tcpdump;
import dev.dockwire.tools.ToolJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's commands that wait, as they behave at a live terminal ({@link JobControl#live}):
 * {@code tcpdump} and {@code conntrack -E} printing each line as it happens until {@code -c}, Ctrl-C,
 * {@code kill} or {@code timeout}'s signal; {@code sleep} ended early by Ctrl-C; and bash's job builtins {@code jobs},
 * {@code fg}, {@code bg}, {@code kill [-SIG] %N}, {@code pkill}/{@code killall} of a job's
 * command and {@code wait}.
 */
final class LiveCommands {
    private final JobControl jobs;
    private final Kernel kernel;
    private final EventLoop loop;

    LiveCommands(JobControl jobs, Kernel kernel, EventLoop loop) {
        this.jobs = jobs;
        this.kernel = kernel;
        this.loop = loop;
    }

    /** {@code tcpdump ARGS} in namespace {@code ns}: lines as they happen, the counts when it ends. */
    CommandResult tcpdump(String ns, List<String> args, java.nio.file.Path cwd) {
        Tcpdump.Job capture;
        try {
            capture = Tcpdump.start(kernel, loop, ns, args, cwd);
        } catch (Tcpdump.Refused e) {
            return e.result();
        }
        return follow(capture);
    }

    /**
     * A tool that runs until a signal ({@code tcpdump}, {@code conntrack -E}) in the foreground:
     * its lines as they happen; SIGINT/SIGTERM/SIGHUP end it with its closing lines, SIGTSTP stops
     * it (148).
     */
    CommandResult follow(ToolJob tool) {
        Job job = jobs.begin(0, s -> {
            if (!s.stops() && s != Signal.SIGCONT) {
                tool.stop();
            }
        }, tool::stopped, () -> 0);
        if (!job.streams()) {
            jobs.await(job);
            tool.stop();
            return CommandResult.ok(tool.drain());
        }
        tool.follow(job::print);
        JobControl.Wait w = jobs.await(job);
        return new CommandResult(w == JobControl.Wait.STOPPED ? 148 : 0, List.of());
    }

    /** {@code sleep N} for {@code nanos}: Ctrl-C ends it with 130. */
    CommandResult sleep(long nanos) {
        boolean[] over = {false};
        int[] status = {0};
        Timeout end = loop.schedule(nanos, () -> over[0] = true);
        Job job = jobs.begin(0, s -> {
            if (!s.stops() && s != Signal.SIGCONT) {
                status[0] = s.exitStatus();
                over[0] = true;
                end.cancel();
            }
        }, () -> over[0], () -> status[0]);
        JobControl.Wait w = jobs.await(job);
        if (w == JobControl.Wait.DONE && status[0] == Signal.SIGINT.exitStatus() && jobs.streaming()) {
            jobs.print(""); // sleep died of it: bash starts the next prompt on a line of its own (jobs.c wait_for)
        }
        return new CommandResult(w == JobControl.Wait.STOPPED ? 148 : w == JobControl.Wait.DONE ? job.status() : 0, List.of());
    }

    /** bash's {@code jobs}, {@code fg}, {@code bg}, {@code kill}, {@code wait}; pkill/killall by a job's command. */
    CommandResult builtin(String name, List<String> args) {
        return switch (name) {
            case "jobs" -> CommandResult.ok(jobs.jobs());
            case "wait" -> {
                jobs.waitAll();
                yield CommandResult.ok(List.of());
            }
            case "fg" -> {
                Integer status = jobs.fg(args.isEmpty() ? null : args.get(0));
                yield status == null ? CommandResult.fail(1, "bash: fg: " + (args.isEmpty() ? "current" : args.get(0)) + ": no such job")
                        : new CommandResult(status, List.of());
            }
            case "bg" -> jobs.bg(args.isEmpty() ? null : args.get(0)) ? CommandResult.ok(List.of())
                    : CommandResult.fail(1, "bash: bg: " + (args.isEmpty() ? "current" : args.get(0)) + ": no such job");
            case "pkill", "killall" -> {
                int n = args.isEmpty() ? 0 : jobs.killAll(args.get(args.size() - 1), Signal.SIGTERM);
                yield new CommandResult(n > 0 ? 0 : 1, List.of());
            }
            default -> kill(args);
        };
    }

    /** {@code kill [-s SIG | -SIG] %N...}. */
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
        return new CommandResult(status, out);
    }
}
