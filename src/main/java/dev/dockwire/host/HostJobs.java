package dev.dockwire.host;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.Tcpdump;
import java.util.ArrayList;
import java.util.List;

/**
 * The host shell's background jobs ({@code tcpdump ... &}): started, listed with {@code jobs},
 * waited for with {@code wait}, stopped with {@code kill %N}/{@code pkill tcpdump}, and whatever
 * they printed shown after each command line, as it would interleave on a terminal.
 */
final class HostJobs {
    private final Kernel kernel;
    private final EventLoop loop;
    private final List<Tcpdump.Job> jobs = new ArrayList<>();

    HostJobs(Kernel kernel, EventLoop loop) {
        this.kernel = kernel;
        this.loop = loop;
    }

    /** Whether {@code argv} is a command that can run in the background here. */
    static boolean backgroundable(List<String> argv) {
        return !argv.isEmpty() && argv.get(0).equals("tcpdump");
    }

    /** {@code tcpdump ... &}. */
    CommandResult spawn(List<String> argv, java.nio.file.Path cwd) {
        try {
            jobs.add(Tcpdump.start(kernel, loop, Kernel.HOST, argv.subList(1, argv.size()), cwd));
        } catch (Tcpdump.Refused e) {
            return e.result();
        }
        return CommandResult.ok(List.of());
    }

    /** What the jobs printed since last asked; finished jobs are forgotten. */
    List<String> output() {
        List<String> out = new ArrayList<>();
        for (Tcpdump.Job j : jobs) {
            out.addAll(j.drain());
        }
        jobs.removeIf(Tcpdump.Job::stopped);
        return out;
    }

    /** {@code jobs}: {@code [1]+  Running    tcpdump -i docker0 -n &}. */
    CommandResult list() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String mark = i == jobs.size() - 1 ? "+" : i == jobs.size() - 2 ? "-" : " ";
            out.add(String.format("[%d]%s  %-24s%s &", i + 1, mark, "Running", jobs.get(i).command()));
        }
        return CommandResult.ok(out);
    }

    /** {@code wait}: until every job that stops by itself ({@code -c}) has, or nothing more can happen. */
    CommandResult waitAll() {
        loop.runUntil(() -> jobs.stream().filter(Tcpdump.Job::counted).allMatch(Tcpdump.Job::stopped));
        return CommandResult.ok(List.of());
    }

    /** {@code kill %N...}, {@code kill %%}, {@code pkill tcpdump}, {@code killall tcpdump}. */
    CommandResult kill(String name, List<String> args) {
        if (!name.equals("kill")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("tcpdump")) {
                return new CommandResult(1, List.of());
            }
            jobs.forEach(Tcpdump.Job::stop);
            return CommandResult.ok(List.of());
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                continue; // the signal: tcpdump ends the same way on INT and TERM
            }
            int n = a.equals("%%") || a.equals("%+") ? jobs.size() : a.startsWith("%") ? parse(a.substring(1)) : -1;
            if (n < 1 || n > jobs.size()) {
                out.add("bash: kill: " + a + ": no such job");
                status = 1;
            } else {
                jobs.get(n - 1).stop();
            }
        }
        return new CommandResult(status, out);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The end of a run: every job is stopped, as the shell's exit would; returns what they printed. */
    List<String> finish() {
        jobs.forEach(Tcpdump.Job::stop);
        return output();
    }
}
