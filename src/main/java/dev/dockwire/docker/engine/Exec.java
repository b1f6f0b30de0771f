package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.Sockets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one modelled program (ping, ...) in a namespace on the event loop until it exits, and
 * collects what it prints: the process side of {@code docker exec} and of host commands.
 */
public final class Exec implements ProcessContext {
    /** The files a process reads and writes: the container's, or the host's for a command at the host's prompt. */
    public interface Files {
        String readFile(String path);

        boolean writeFile(String path, String content, boolean append);
    }

    /** Run start as wall time; fixed so runs are reproducible (captures use the same epoch). */
    public static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    private final ProcessHost engine;
    private final EventLoop loop;
    private final String netns;
    private final String hostname;
    private final Files files;
    private final List<String> output = new ArrayList<>();
    private Integer exitStatus;
    private boolean daemon;

    public Exec(ProcessHost engine, EventLoop loop, String netns, String hostname, Files files) {
        this.engine = engine;
        this.loop = loop;
        this.netns = netns;
        this.hostname = hostname;
        this.files = files;
    }

    /** Starts {@code program} with {@code args} and runs the loop until it exits or daemonizes. */
    public CommandOutput run(String name, Program program, List<String> args) {
        loop.schedule(0, () -> program.start(this, args));
        loop.runUntil(() -> exitStatus != null || daemon);
        if (daemon && exitStatus == null) {
            return CommandOutput.ok(List.copyOf(output));
        }
        if (exitStatus == null) {
            output.add("dockwire: " + name + " did not exit (no more events)");
            exitStatus = 1;
        }
        return new CommandOutput(exitStatus, List.copyOf(output));
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
