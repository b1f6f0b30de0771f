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
import java.util.List;

/**
 * The host's commands that wait, as they behave at a live terminal ({@link JobControl#live}):
 * {@code tcpdump} and {@code conntrack -E} printing each line as it happens until {@code -c}, Ctrl-C,
 * {@code kill} or {@code timeout}'s signal; {@code sleep} ended early by Ctrl-C. A command started
 * with {@code &} takes these paths in a script too: its job streams its lines in the background.
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

    /**
     * {@code sleep N}: lets N seconds of virtual time pass (timers, ARP ageing, retransmissions run),
     * at a live terminal as a foreground job.
     */
    CommandResult sleep(List<String> args) {
        if (args.size() != 1) {
            return CommandResult.fail(1, "sleep: invalid number of arguments");
        }
        String a = args.get(0);
        if (a.length() > 1 && a.startsWith("-") && !a.equals("--")) {
            // coreutils' sleep reads its arguments with getopt_long: "-5" is an unknown option.
            return new CommandResult(1, List.of("sleep: invalid option -- '" + a.charAt(1) + "'",
                    "Try 'sleep --help' for more information."));
        }
        try {
            double seconds = Double.parseDouble(a.endsWith("s") ? a.substring(0, a.length() - 1) : a);
            if (jobs.follows()) {
                return sleep((long) (seconds * 1e9));
            }
            loop.runFor((long) (seconds * 1e9));
            return CommandResult.ok(List.of());
        } catch (NumberFormatException e) {
            return CommandResult.fail(1, "sleep: invalid time interval '" + args.get(0) + "'");
        }
    }
}
