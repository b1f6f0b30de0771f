package dev.dockwire.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A tool that prints a line per kernel event until a signal ends it ({@code dmesg -w},
 * {@code xtables-monitor --trace}): neither prints anything on SIGINT or SIGTERM, they just end.
 * The caller subscribes with {@link #line} and hands the subscription over with {@link #until}.
 */
public final class LineJob implements ToolJob {
    private final String command;
    private final List<String> pending = new ArrayList<>();
    private AutoCloseable subscription;
    private Consumer<String> follower;
    private boolean stopped;

    public LineJob(String command) {
        this.command = command;
    }

    /** The subscription that {@link #stop} closes. */
    public LineJob until(AutoCloseable subscription) {
        this.subscription = subscription;
        return this;
    }

    /** Prints {@code text} (one line or several) unless stopped. */
    public synchronized void line(String text) {
        if (stopped) {
            return;
        }
        if (follower != null) {
            follower.accept(text);
        } else {
            pending.add(text);
        }
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized List<String> drain() {
        List<String> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    @Override
    public synchronized void follow(Consumer<String> out) {
        follower = out;
        drain().forEach(out);
    }
}
