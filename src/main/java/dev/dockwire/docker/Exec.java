package dev.dockwire.docker;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Programs;
import dev.dockwire.app.Timer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker exec CTR CMD ARGS...}: runs a modelled program in the container's namespace on
 * the event loop until it exits, collecting what it prints. An unknown command fails like a
 * shell does ({@code sh: foo: not found}, exit 127).
 */
public final class Exec implements ProcessContext {
    /** Run start as wall time; fixed so runs are reproducible (captures use the same epoch). */
    public static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    private final Engine engine;
    private final Container container;
    private final EventLoop loop;
    private final List<String> output = new ArrayList<>();
    private Integer exitStatus;

    public Exec(Engine engine, EventLoop loop, Container container) {
        this.engine = engine;
        this.loop = loop;
        this.container = container;
    }

    /** Runs {@code argv} and returns the exit status; output lines are in {@link #output()}. */
    public int run(List<String> argv) {
        Program p = argv.isEmpty() ? null : Programs.create(argv.get(0));
        if (p == null) {
            String cmd = argv.isEmpty() ? "" : argv.get(0);
            output.add("sh: " + cmd + ": not found");
            exitStatus = 127;
            return 127;
        }
        loop.schedule(0, () -> p.start(this, argv.subList(1, argv.size())));
        loop.runUntil(() -> exitStatus != null);
        if (exitStatus == null) {
            output.add("dockwire: " + argv.get(0) + " did not exit (no more events)");
            exitStatus = 1;
        }
        return exitStatus;
    }

    public List<String> output() {
        return output;
    }

    @Override
    public Sockets sockets() {
        return engine.kernel().sockets(container.netns());
    }

    @Override
    public long nanos() {
        return loop.nanos();
    }

    @Override
    public long epochMillis() {
        return EPOCH_MILLIS;
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Timeout t = loop.schedule(delayNanos, () -> {
            if (exitStatus == null) {
                task.run();
            }
        });
        return t::cancel;
    }

    /** Dotted quads only: names resolve once the embedded DNS exists. */
    @Override
    public Integer resolve(String host) {
        return Ipv4Address.tryParse(host);
    }

    @Override
    public String hostname() {
        return container.shortId();
    }

    @Override
    public void out(String line) {
        if (exitStatus == null) {
            output.add(line);
        }
    }

    @Override
    public void err(String line) {
        out(line);
    }

    @Override
    public void exit(int status) {
        if (exitStatus == null) {
            exitStatus = status;
        }
    }
}
