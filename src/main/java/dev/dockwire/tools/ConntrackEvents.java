package dev.dockwire.tools;

import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code conntrack -E [-e EVENTS] [-p PROTO] [-o extended,timestamp]}: conntrack-tools 1.4.7's event
 * mode on one namespace (event_cb in src/conntrack.c): a line per ctnetlink event that passes the
 * filters ({@link ConntrackFormat#event}; with {@code -o timestamp} after {@code [SEC.USEC]} and a
 * tab), until SIGINT or SIGTERM, when it prints to stderr how many it showed and exits 0. It runs
 * as a {@link ToolJob}: in the foreground until the network falls silent or its {@code timeout},
 * in the background ({@code &}) until {@code kill}, or at a live terminal until Ctrl-C.
 */
public final class ConntrackEvents implements ToolJob {
    private final ConntrackOptions options;
    private final EventLoop clock;
    private final String command;
    private final List<String> pending = new ArrayList<>();
    private AutoCloseable subscription;
    private Consumer<String> follower;
    private long shown;
    private boolean stopped;

    private ConntrackEvents(ConntrackOptions options, EventLoop clock, String command) {
        this.options = options;
        this.clock = clock;
        this.command = command;
    }

    /** Whether {@code args} asks for event mode (conntrack's other commands answer at once). */
    public static boolean requested(List<String> args) {
        return args.contains("-E") || args.contains("--event");
    }

    /** Parses {@code args} and subscribes to {@code ns}'s events; a refusal is a {@link CommandResult} in {@code refused}. */
    public static ConntrackEvents start(Kernel kernel, EventLoop clock, String ns, List<String> args) {
        ConntrackOptions o;
        try {
            o = ConntrackOptions.parse(args);
        } catch (ConntrackOptions.Refused e) {
            throw new Refused(e.result());
        }
        ConntrackEvents job = new ConntrackEvents(o, clock, "conntrack " + String.join(" ", args));
        try {
            job.subscription = kernel.conntrackEvents(ns, job::event);
        } catch (KernelException | UnsupportedOperationException e) {
            throw new Refused(CommandResult.fail(1, ConntrackOptions.VERSION + ": Operation failed: " + e.getMessage()));
        }
        return job;
    }

    /** conntrack -E refused to start: what it printed and its status. */
    public static final class Refused extends RuntimeException {
        private final transient CommandResult result;

        Refused(CommandResult result) {
            super(String.join("\n", result.output()), null, false, false);
            this.result = result;
        }

        public CommandResult result() {
            return result;
        }
    }

    private synchronized void event(ConntrackEvent e) {
        if (stopped || !wanted(e)) {
            return;
        }
        String line = ConntrackFormat.event(e, options.extended);
        if (options.timestamp) {
            long nanos = clock.epochMillis() * 1_000_000L + clock.nanos();
            line = String.format(Locale.ROOT, "[%d.%06d]\t", nanos / 1_000_000_000L, nanos % 1_000_000_000L / 1000) + line;
        }
        shown++;
        emit(line);
    }

    private boolean wanted(ConntrackEvent e) {
        boolean type = switch (e.type()) {
            case NEW -> options.eventNew;
            case UPDATE -> options.eventUpdate;
            case DESTROY -> options.eventDestroy;
        };
        return type && options.matches(e.conn());
    }

    private synchronized void emit(String line) {
        if (follower != null) {
            follower.accept(line);
        } else {
            pending.add(line);
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

    /** SIGINT/SIGTERM: event_sighandler closes the socket and prints the count to stderr. */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        emit(ConntrackOptions.VERSION + ": " + shown + " flow events have been shown.");
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
