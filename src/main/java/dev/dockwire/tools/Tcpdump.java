package dev.dockwire.tools;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.PcapWriter;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.PermissionDenied;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tcpdump [-i IFACE|any] [-n|-nn] [-c COUNT] [-t...] [-v...] [-S] [-e] [-A|-X] [-q] [-l] [-U] [-w FILE]
 * [EXPRESSION]} on an interface of a namespace (or all of them): each packet as tcpdump prints it
 * with {@code -n} ({@link TcpdumpOptions}, capture.PacketPrinter; names are never resolved), a bridge captured
 * promiscuously, and the closing counts; with {@code -w} a pcap on the disk instead of lines. A
 * {@link Job} runs in the foreground until COUNT packets were seen (or nothing more can happen;
 * at a live terminal until Ctrl-C), or in the background ({@code tcpdump ... &}) while later
 * commands run, its lines appearing as they would on a terminal ({@link Job#follow}: as the frame
 * crosses), until COUNT, {@code kill} or the end of the run.
 */
public final class Tcpdump {
    private Tcpdump() {
    }

    /** A running capture: its printed lines so far and whether it has stopped. */
    public static final class Job implements CaptureSink, ToolJob {
        private final List<String> pending = new ArrayList<>();
        private final long count;
        private final TcpdumpOptions options;
        private final String command;
        private final List<Capture> taps = new ArrayList<>();
        /** The ifindexes {@code -i any} captures (a link renamed or moved in is not captured twice). */
        private final Set<Integer> tapped = new HashSet<>();
        /** {@code -i any}'s watch for links that appear while it runs, or null. */
        private AutoCloseable watch;
        private CaptureFile file;
        private boolean unbuffered;
        private java.util.function.Consumer<String> follower;
        private long seen;
        private boolean stopped;
        /** The wall time (ns since 1970) of virtual time 0 ({@link EventLoop#epochMillis}): a run's 2025-01-01, a live shell's today. */
        private long epochNanos = CaptureFile.DEFAULT_EPOCH_NANOS;

        private Job(long count, TcpdumpOptions options, String command) {
            this.count = count;
            this.options = options;
            this.command = command;
        }

        /** The command line that started it, for {@code jobs}. */
        @Override
        public String command() {
            return command;
        }

        /** Whether it has printed its counts and captures nothing more. */
        @Override
        public boolean stopped() {
            return stopped;
        }

        /** From now on every line goes to {@code out} as the frame crosses (those pending first), not to {@link #drain}. */
        @Override
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
        @Override
        public List<String> drain() {
            List<String> out = List.copyOf(pending);
            pending.clear();
            return out;
        }

        /** Like SIGINT: stops capturing and prints the counts (once). */
        @Override
        public void stop() {
            stop(true);
        }

        /**
         * Stops and prints the counts; {@code interrupted}: after the newline tcpdump.c puts out
         * when pcap_breakloop ended the loop (status -2), in case a line was cut; -c's end has none.
         */
        private void stop(boolean interrupted) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (watch != null) {
                try {
                    watch.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            taps.forEach(Capture::close);
            if (file != null) {
                file.close();
            }
            if (interrupted) {
                emit("");
            }
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
            write(null, 0, nanos, frame, direction);
        }

        /**
         * A frame seen on {@code device} ({@code -i any}, printed after the time as tcpdump's
         * sll2_if_print does: the name padded to 5, then In/Out/B/M padded to 3) or on the one
         * interface (null).
         */
        void write(String device, long mac, long nanos, ByteBuf frame, Direction direction) {
            if (stopped) {
                return;
            }
            if (file != null) {
                file.write(0, nanos, frame, direction);
                if (unbuffered) {
                    file.flush();
                }
                countAndMaybeStop();
                return;
            }
            String column = device == null ? null : String.format("%-5s %-3s ", device, packetType(frame, mac, direction));
            // The file's clock: virtual time 0 is CaptureFile's epoch, so live lines and -w/-r agree.
            options.lines(epochNanos + nanos, column, frame).forEach(this::emit);
            countAndMaybeStop();
        }

        /**
         * The sll_pkttype of a frame that reached a device with address {@code mac}, as
         * eth_type_trans sets it (linux/if_packet.h PACKET_*) and tcpdump names it: a unicast frame
         * for another address is PACKET_OTHERHOST, {@code P} (a bridge port's frames in transit).
         */
        private static String packetType(ByteBuf frame, long mac, Direction direction) {
            if (direction == Direction.OUTBOUND) {
                return "Out";
            }
            int at = frame.readerIndex();
            long dst = ((long) frame.getInt(at) & 0xffffffffL) << 16 | frame.getUnsignedShort(at + 4);
            if (dst == 0xffff_ffff_ffffL) {
                return "B";
            }
            return (dst >>> 40 & 1) != 0 ? "M" : dst == mac ? "In" : "P";
        }

        private void countAndMaybeStop() {
            seen++;
            if (count > 0 && seen >= count) {
                stop(false); // tcpdump -c exits right after the last packet
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** One interface of {@code -i any}: its frames go to the job with the device's name. */
    private record AnyDevice(Job job, String device, long mac) implements CaptureSink {
        @Override
        public int addInterface(String name, String description) {
            return 0;
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            job.write(device, mac, nanos, frame, direction);
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

    /** Parses {@code args} and starts capturing in {@code ns}; {@code -w}/{@code -r} are refused (no disk here). */
    public static Job start(Kernel kernel, EventLoop loop, String ns, List<String> args) {
        return start(kernel, loop, ns, args, null);
    }

    /**
     * Parses {@code args} and starts capturing in {@code ns}; {@code -w FILE} writes a pcap on the
     * disk relative to {@code cwd} instead of printing lines ({@code -U}: each packet flushed).
     */
    public static Job start(Kernel kernel, EventLoop loop, String ns, List<String> args, Path cwd) {
        TcpdumpOptions o = TcpdumpOptions.parse(args);
        if (o.read != null || (o.write != null && cwd == null)) { // -r FILE on the host is TcpdumpRead's
            throw new Refused("tcpdump: " + (o.read != null ? "-r" : "-w") + " is not supported here: dockwire already"
                    + " writes a pcapng of every bridge to captures/<run>/ (and --capture IFACE for others)");
        }
        String iface = o.iface;
        String write = o.write;
        long count = o.count;
        boolean verbose = o.verbose > 0;
        boolean promiscuous = o.promiscuous;
        boolean unbuffered = o.unbuffered;
        if (iface == null) {
            // tcpdump's default: the first interface that is up and not loopback.
            iface = kernel.links(ns).stream().filter(l -> l.up() && !l.name().equals("lo")).map(LinkInfo::name)
                    .findFirst().orElse("lo");
        }
        String device = iface;
        boolean any = iface.equals("any");
        if (!any && kernel.links(ns).stream().noneMatch(l -> l.name().equals(device))) {
            throw new Refused("tcpdump: " + iface + ": No such device exists\n(SIOCGIFHWADDR: No such device)");
        }
        Job job = new Job(count, o, "tcpdump " + String.join(" ", args));
        job.epochNanos = loop.epochMillis() * 1_000_000L;
        if (write != null) {
            try {
                job.file = PcapWriter.create(cwd.resolve(write), job.epochNanos);
            } catch (RuntimeException e) {
                throw new Refused("tcpdump: " + write + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            job.file.addInterface(iface, iface);
            job.unbuffered = unbuffered;
        }
        String filter = o.filter();
        try {
            if (any) {
                // Linux's "any" device (a packet socket bound to no ifindex): every interface of the
                // namespace, those that appear while it runs included (a container started after it).
                kernel.links(ns).forEach(l -> tapAny(kernel, ns, job, l, filter));
                job.watch = kernel.monitorLinks(ns, name -> kernel.links(ns).stream().filter(l -> l.name().equals(name))
                        .findFirst().ifPresent(l -> tapAny(kernel, ns, job, l, filter)));
            } else {
                job.taps.add(kernel.capture(ns, iface, job, filter, promiscuous));
            }
        } catch (KernelException | UnsupportedOperationException e) {
            job.taps.forEach(Capture::close);
            if (job.file != null) {
                job.file.close();
            }
            // libpcap's pcap_activate_linux: a packet socket needs CAP_NET_RAW (PCAP_ERROR_PERM_DENIED's text).
            throw new Refused("tcpdump: " + (e instanceof PermissionDenied ? iface
                    + ": You don't have permission to perform this capture on that device\n(socket: Operation not permitted)" : e.getMessage()));
        }
        if (write != null) {
            job.pending.add("tcpdump: listening on " + iface + ", link-type EN10MB (Ethernet), snapshot length 262144 bytes");
            return job;
        }
        if (!verbose) {
            job.pending.add("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode");
        }
        job.pending.add("listening on " + iface + (any ? ", link-type LINUX_SLL2 (Linux cooked v2)" : ", link-type EN10MB (Ethernet)")
                + ", snapshot length 262144 bytes");
        return job;
    }

    /** Captures link {@code l} into {@code -i any}'s job, once per ifindex. */
    private static void tapAny(Kernel kernel, String ns, Job job, LinkInfo l, String filter) {
        if (job.tapped.add(l.ifindex())) {
            // The any device is never promiscuous (a bridge shows its own stack's frames only).
            job.taps.add(kernel.capture(ns, l.name(), new AnyDevice(job, l.name(), l.mac()), filter, false));
        }
    }

    /**
     * Foreground {@code tcpdump}: runs the loop until the count is reached or nothing is left to
     * happen (a tcpdump without {@code -c} would wait for Ctrl-C; here it ends when the network
     * falls silent), then prints everything.
     */
    public static CommandResult run(Kernel kernel, EventLoop loop, String ns, List<String> args) {
        return run(kernel, loop, ns, args, null);
    }

    /** As {@link #run(Kernel, EventLoop, String, List)}, with {@code -w FILE} written relative to {@code cwd}. */
    public static CommandResult run(Kernel kernel, EventLoop loop, String ns, List<String> args, Path cwd) {
        Job job;
        try {
            job = start(kernel, loop, ns, args, cwd);
        } catch (Refused e) {
            return e.result();
        }
        loop.runUntil(job::stopped);
        job.stop();
        return CommandResult.ok(job.drain());
    }
}
