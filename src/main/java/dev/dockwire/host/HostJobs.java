package dev.dockwire.host;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.ConntrackEvents;
import dev.dockwire.tools.Tcpdump;
import dev.dockwire.tools.ToolJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The host shell's background jobs ({@code tcpdump ... &}, {@code conntrack -E &}): started, listed
 * with {@code jobs}, waited for with {@code wait}, stopped with {@code kill %N}/{@code pkill tcpdump},
 * and whatever they printed shown after each command line, as it would interleave on a terminal.
 */
final class HostJobs {
    private final Kernel kernel;
    private final EventLoop loop;
    private final List<ToolJob> jobs = new ArrayList<>();

    HostJobs(Kernel kernel, EventLoop loop) {
        this.kernel = kernel;
        this.loop = loop;
    }

    /** Whether {@code argv} is a command that can run in the background here. */
    static boolean backgroundable(List<String> argv) {
        return !argv.isEmpty() && (argv.get(0).equals("tcpdump") || HostTools.watches(argv)
                || argv.get(0).equals("conntrack") && ConntrackEvents.requested(argv.subList(1, argv.size())));
    }

    /** {@code tcpdump ... &}, {@code conntrack -E ... &}. */
    CommandResult spawn(List<String> argv, java.nio.file.Path cwd) {
        List<String> args = argv.subList(1, argv.size());
        if (HostTools.watches(argv)) {
            CommandResult[] refused = new CommandResult[1];
            ToolJob job = HostTools.watch(kernel, Kernel.HOST, argv, refused);
            if (job == null) {
                return refused[0];
            }
            jobs.add(job);
            return CommandResult.ok(List.of());
        }
        try {
            jobs.add(argv.get(0).equals("conntrack") ? ConntrackEvents.start(kernel, loop, Kernel.HOST, args)
                    : Tcpdump.start(kernel, loop, Kernel.HOST, args, cwd));
        } catch (Tcpdump.Refused e) {
            return e.result();
        } catch (ConntrackEvents.Refused e) {
            return e.result();
        }
        return CommandResult.ok(List.of());
    }

    /** What the jobs printed since last asked; finished jobs are forgotten. */
    List<String> output() {
        List<String> out = new ArrayList<>();
        for (ToolJob j : jobs) {
            out.addAll(j.drain());
        }
        jobs.removeIf(ToolJob::stopped);
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
        loop.runUntil(() -> jobs.stream().filter(ToolJob::counted).allMatch(ToolJob::stopped));
        return CommandResult.ok(List.of());
    }

    /** {@code kill %N...}, {@code kill %%}, {@code pkill tcpdump}, {@code killall conntrack}. */
    CommandResult kill(String name, List<String> args) {
        if (!name.equals("kill")) {
            String target = args.isEmpty() ? "" : args.get(args.size() - 1);
            List<ToolJob> named = jobs.stream().filter(j -> !j.stopped() && j.command().split(" ")[0].equals(target)).toList();
            named.forEach(ToolJob::stop);
            return new CommandResult(named.isEmpty() ? 1 : 0, List.of());
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                continue; // the signal: tcpdump and conntrack end the same way on INT and TERM
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
        jobs.forEach(ToolJob::stop);
        return output();
    }
}
