package dev.dockwire.docker;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.Sockets;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.Shell;
import java.util.ArrayList;
import java.util.List;


/**
 * Runs one modelled program (ping, ...) in a namespace on the event loop until it exits, and
 * collects what it prints: the process side of {@code docker exec} and of host commands.
 */
public final class Exec implements ProcessContext {
    /** Run start as wall time; fixed so runs are reproducible (captures use the same epoch). */
    public static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    private final Engine engine;
    private final EventLoop loop;
    private final String netns;
    private final String hostname;
    private final Shell.Env files;
    private final List<String> output = new ArrayList<>();
    private Integer exitStatus;
    private boolean daemon;

    public Exec(Engine engine, EventLoop loop, String netns, String hostname, Shell.Env files) {
        this.engine = engine;
        this.loop = loop;
        this.netns = netns;
        this.hostname = hostname;
        this.files = files;
    }

    /** Starts {@code program} with {@code args} and runs the loop until it exits or daemonizes. */
    public CommandResult run(String name, Program program, List<String> args) {
        loop.schedule(0, () -> program.start(this, args));
        loop.runUntil(() -> exitStatus != null || daemon);
        if (daemon && exitStatus == null) {
            return CommandResult.ok(List.copyOf(output));
        }
        if (exitStatus == null) {
            output.add("dockwire: " + name + " did not exit (no more events)");
            exitStatus = 1;
        }
        return new CommandResult(exitStatus, List.copyOf(output));
    }

    @Override
    public Sockets sockets() {
        return engine.kernel().sockets(netns);
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

    @Override
    public String readFile(String path) {
        return files.readFile(path);
    }

    @Override
    public void writeFile(String path, String content) {
        files.writeFile(path, content, false);
    }

    @Override
    public int random(int bound) {
        return engine.random().nextInt(bound);
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public void sample(String metric, long nanos) {
        engine.sample(metric, nanos);
    }

    @Override
    public void daemonize() {
        daemon = true;
    }

    @Override
    public void out(String line) {
        if (exitStatus == null && !daemon) {
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
