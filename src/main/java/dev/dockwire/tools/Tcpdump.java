package dev.dockwire.tools;

import dev.dockwire.capture.FrameDecoder;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tcpdump [-i IFACE] [-n|-nn] [-c COUNT] [-t] [-v] [-q] [-l] [EXPRESSION]} on an interface
 * of a namespace: one line per packet as tcpdump prints them with {@code -n} (the decoder is
 * capture.FrameDecoder; names are never resolved), a bridge captured promiscuously, and the
 * closing counts. A {@link Job} runs in the foreground until COUNT packets were seen (or nothing
 * more can happen), or in the background ({@code tcpdump ... &}) while later commands run, its
 * lines appearing as they would on a terminal, until COUNT, {@code kill} or the end of the run.
 */
public final class Tcpdump {
    private Tcpdump() {
    }

    /** A running capture: its printed lines so far and whether it has stopped. */
    public static final class Job implements CaptureSink {
        private final List<String> pending = new ArrayList<>();
        private final long count;
        private final boolean timestamps;
        private final String command;
        private final StringBuilder line = new StringBuilder(128);
        private Capture tap;
        private java.util.function.Consumer<String> follower;
        private long seen;
        private boolean stopped;

        private Job(long count, boolean timestamps, String command) {
            this.count = count;
            this.timestamps = timestamps;
            this.command = command;
        }

        /** The command line that started it, for {@code jobs}. */
        public String command() {
            return command;
        }

        /** Whether it has printed its counts and captures nothing more. */
        public boolean stopped() {
            return stopped;
        }

        /** Whether it stops by itself ({@code -c}). */
        public boolean counted() {
            return count > 0;
        }

        /** From now on every line goes to {@code out} as the frame crosses (those pending first), not to {@link #drain}. */
        public void follow(java.util.function.Consumer<String> out) {
            this.follower = out;
            List<String> earlier = drain();
            earlier.forEach(out);
        }

        private void emit(String text) {
            if (follower != null) {
                follower.accept(text);
            } else {
                pending.add(text);
            }
        }

        /** The lines printed since the last call. */
        public List<String> drain() {
            List<String> out = List.copyOf(pending);
            pending.clear();
            return out;
        }

        /** Like SIGINT: stops capturing and prints the counts (once). */
        public void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            tap.close();
            emit("");
            emit(seen + (seen == 1 ? " packet" : " packets") + " captured");
            emit(seen + (seen == 1 ? " packet" : " packets") + " received by filter");
            emit("0 packets dropped by kernel");
        }

        @Override
        public int addInterface(String name, String description) {
            return 0;
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            if (stopped) {
                return;
            }
            line.setLength(0);
            if (timestamps) {
                long micros = nanos / 1000;
                long secs = micros / 1_000_000;
                line.append(two(secs / 3600 % 24)).append(':').append(two(secs / 60 % 60)).append(':')
                        .append(two(secs % 60)).append('.').append(String.format("%06d", micros % 1_000_000)).append(' ');
            }
            emit(FrameDecoder.decode(frame, line).toString());
            seen++;
            if (count > 0 && seen >= count) {
                stop(); // tcpdump -c exits right after the last packet
            }
        }

        private static String two(long v) {
            return v < 10 ? "0" + v : Long.toString(v);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** What tcpdump prints when it refuses to start (exit status 1). */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }

        public CommandResult result() {
            return new CommandResult(1, List.of(getMessage().split("\n")));
        }
    }

    /** Parses {@code args} and starts capturing in {@code ns}. */
    public static Job start(Kernel kernel, EventLoop loop, String ns, List<String> args) {
        String iface = null;
        long count = 0;
        boolean timestamps = true;
        boolean verbose = false;
        List<String> expr = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-i", "--interface" -> {
                    if (++i >= args.size()) {
                        throw new Refused("tcpdump: option requires an argument -- 'i'");
                    }
                    iface = args.get(i);
                }
                case "-c" -> {
                    if (++i >= args.size()) {
                        throw new Refused("tcpdump: option requires an argument -- 'c'");
                    }
                    try {
                        count = Long.parseLong(args.get(i));
                    } catch (NumberFormatException e) {
                        count = -1;
                    }
                    if (count <= 0) {
                        throw new Refused("tcpdump: invalid packet count " + args.get(i));
                    }
                }
                case "-n", "-nn", "-l", "-q", "-p", "-U", "-e" -> {
                    // -n/-nn: names are never resolved here; the others change nothing visible.
                }
                case "-v", "-vv", "-vvv" -> verbose = true;
                case "-t" -> timestamps = false;
                case "-w", "-r" -> {
                    throw new Refused("tcpdump: " + a + " is not supported here: dockwire already writes a pcapng"
                            + " of every bridge to captures/<run>/ (and --capture IFACE for others)");
                }
                default -> {
                    if (a.startsWith("-") && expr.isEmpty()) {
                        throw new Refused("tcpdump: invalid option -- '" + a.substring(1) + "'");
                    }
                    expr.add(a);
                }
            }
        }
        if (iface == null) {
            // tcpdump's default: the first interface that is up and not loopback.
            iface = kernel.links(ns).stream().filter(l -> l.up() && !l.name().equals("lo")).map(LinkInfo::name)
                    .findFirst().orElse("lo");
        }
        String device = iface;
        if (kernel.links(ns).stream().noneMatch(l -> l.name().equals(device))) {
            throw new Refused("tcpdump: " + iface + ": No such device exists\n(SIOCGIFHWADDR: No such device)");
        }
        Job job = new Job(count, timestamps, "tcpdump " + String.join(" ", args));
        try {
            job.tap = kernel.capture(ns, iface, job, expr.isEmpty() ? null : String.join(" ", expr));
        } catch (KernelException | UnsupportedOperationException e) {
            throw new Refused("tcpdump: " + e.getMessage());
        }
        if (!verbose) {
            job.pending.add("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode");
        }
        job.pending.add("listening on " + iface + ", link-type EN10MB (Ethernet), snapshot length 262144 bytes");
        return job;
    }

    /**
     * Foreground {@code tcpdump}: runs the loop until the count is reached or nothing is left to
     * happen (a tcpdump without {@code -c} would wait for Ctrl-C; here it ends when the network
     * falls silent), then prints everything.
     */
    public static CommandResult run(Kernel kernel, EventLoop loop, String ns, List<String> args) {
        Job job;
        try {
            job = start(kernel, loop, ns, args);
        } catch (Refused e) {
            return e.result();
        }
        loop.runUntil(job::stopped);
        job.stop();
        return CommandResult.ok(job.drain());
    }
}
