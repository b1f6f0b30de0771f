package dev.dockwire.testing;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One process of a program under test on a virtual clock (its own {@link EventLoop}): records
 * stdout and stderr in the order the program wrote them, each line marked {@code 1>} or
 * {@code 2>}, and when each stdout line was written; keeps its signal handlers and its exit
 * status, after which nothing it scheduled runs and nothing it writes is kept. Subclasses give it
 * a place: files, sockets, a hostname.
 */
public abstract class VirtualProcess implements ProcessContext {
    public final EventLoop loop = new EventLoop();
    public final List<String> stream = new ArrayList<>();
    public final List<Long> stdoutAt = new ArrayList<>();
    public final Map<Signal, Runnable> handlers = new EnumMap<>(Signal.class);
    public Integer status;

    public List<String> stdout() {
        return stream.stream().filter(l -> l.startsWith("1> ")).map(l -> l.substring(3)).toList();
    }

    public List<String> stderr() {
        return stream.stream().filter(l -> l.startsWith("2> ")).map(l -> l.substring(3)).toList();
    }

    /** stdout and stderr interleaved, as a terminal shows them. */
    public List<String> all() {
        return stream.stream().map(l -> l.substring(3)).toList();
    }

    /**
     * kill(2) at {@code atNanos}: the handler the program installed, else the default action —
     * which PID 1 ({@code init}) does not get for any signal but SIGKILL.
     */
    protected final void kill(long atNanos, Signal s, boolean init) {
        loop.schedule(atNanos, () -> {
            Runnable h = handlers.get(s);
            if (h != null) {
                h.run();
            } else if (!init || s == Signal.SIGKILL) {
                exit(s.exitStatus());
            }
        });
    }

    @Override
    public long nanos() {
        return loop.nanos();
    }

    /** 2025-01-01T00:00:00Z. */
    @Override
    public long epochMillis() {
        return 1_735_689_600_000L;
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Timeout t = loop.schedule(delayNanos, () -> {
            if (status == null) {
                task.run();
            }
        });
        return t::cancel;
    }

    @Override
    public int random(int bound) {
        return 0;
    }

    @Override
    public void out(String line) {
        if (status == null) {
            stream.add("1> " + line);
            stdoutAt.add(loop.nanos());
        }
    }

    @Override
    public void err(String line) {
        if (status == null) {
            stream.add("2> " + line);
        }
    }

    @Override
    public void sample(String metric, long nanos) {
    }

    @Override
    public void onSignal(Signal signal, Runnable handler) {
        handlers.put(signal, handler);
    }

    @Override
    public void exit(int code) {
        if (status == null) {
            status = code;
        }
    }
}
