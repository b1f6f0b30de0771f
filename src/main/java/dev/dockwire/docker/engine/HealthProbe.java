package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Health;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.GoDuration;
import dev.dockwire.sim.Timeout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One run of a container's healthcheck (moby daemon/health.go, cmdProbe.run): the test exec'd in
 * the container with stdout and stderr in one buffer kept to 4096 bytes ({@code limitedBuffer},
 * {@code ...} marking the cut), ended after the timeout with exit code -1 and
 * {@code Health check exceeded timeout (30s)} (followed by {@code : } and what it printed, as
 * moby 28 has it); a test that cannot start ends with -1 and the runtime's error.
 */
final class HealthProbe {
    /** maxOutputLen. */
    static final int MAX_OUTPUT = 4096;

    private final StringBuilder output = new StringBuilder();
    private int bytes;
    private boolean truncated;
    private boolean done;
    private ContainerCommands commands;
    private Timeout timer;

    private HealthProbe() {
    }

    /** Starts {@code test} ({@code ["CMD", ...]} or {@code ["CMD-SHELL", LINE]}) in running {@code c}; {@code result} hears how it ended. */
    static HealthProbe start(Engine engine, EventLoop clock, Container c, List<String> test, long timeoutNanos,
                             Consumer<Health.Result> result) {
        HealthProbe p = new HealthProbe();
        long start = clock.nanos();
        ContainerProcesses procs = engine.processes(c);
        if (procs == null) {
            p.done = true;
            result.accept(new Health.Result(start, start, -1, "container " + c.id() + " is not running"));
            return p;
        }
        p.commands = new ContainerCommands(engine, clock, c, procs.pids());
        String[] execId = {null};
        p.timer = clock.schedule(timeoutNanos, () -> {
            if (!p.done) {
                p.done = true;
                p.commands.killAll();
                engine.daemonEvents().execDied(c, execId[0], 137); // the probe's process killed
                String out = p.output();
                result.accept(new Health.Result(start, clock.nanos(), -1, "Health check exceeded timeout ("
                        + GoDuration.format(timeoutNanos) + ")" + (out.isEmpty() ? "" : ": " + out)));
            }
        });
        IntConsumer exited = status -> {
            if (!p.done) {
                p.done = true;
                p.timer.cancel();
                engine.daemonEvents().execDied(c, execId[0], status);
                result.accept(new Health.Result(start, clock.nanos(), status, p.output()));
            }
        };
        // CMD-SHELL is /bin/sh -c LINE (moby daemon/health.go, getShell); CMD execs its argv directly.
        List<String> argv = test.get(0).equals("CMD-SHELL")
                ? List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))) : test.subList(1, test.size());
        execId[0] = engine.daemonEvents().execStarted(c, argv); // health.go: exec_create, then ContainerExecStart's exec_start
        ProgramLookup found = Images.lookup(c, argv.get(0), path -> c.file(path) != null);
        String missing = found instanceof ProgramLookup.Missing m ? m.execFailed()
                : p.commands.provider(argv.get(0)) == null ? new ProgramLookup.Missing("exec: \"" + argv.get(0)
                + "\": executable file not found in $PATH").execFailed() : null;
        if (missing != null) {
            p.done = true;
            p.timer.cancel();
            result.accept(new Health.Result(start, clock.nanos(), -1, missing));
            return p;
        }
        Commands.Output output = new Commands.Output() {
            @Override
            public void out(String line) {
                p.line(line);
            }

            @Override
            public void err(String line) {
                p.line(line);
            }
        };
        if (p.commands.start(0, argv, ProcessEnv.of(c, false, List.of(), null), List.of(), output, exited) == null) {
            p.line(dev.dockwire.app.Program.notModelled(argv.get(0)));
            exited.accept(dev.dockwire.app.Program.NOT_MODELLED);
        }
        return p;
    }

    /** The container stopped while the probe ran: its process is killed and nothing is reported. */
    void cancel() {
        if (!done) {
            done = true;
            timer.cancel();
            commands.killAll();
        }
    }

    private void line(String text) {
        byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
        int keep = Math.min(MAX_OUTPUT - bytes, b.length);
        if (keep > 0) {
            output.append(new String(b, 0, keep, StandardCharsets.UTF_8));
            bytes += keep;
        }
        if (keep < b.length) {
            truncated = true;
        }
    }

    private String output() {
        return truncated ? output + "..." : output.toString();
    }
}
