package dev.dockwire.run;

import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.report.Flows;
import dev.dockwire.report.Picture;
import dev.dockwire.report.ReportPage;
import dev.dockwire.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's pcapng captures, each started through the kernel seam ({@link Kernel#capture}, as
 * {@code tcpdump -i DEV -w FILE}): every bridge from the moment it is created, each container's
 * {@code lo} (a restart's new namespace adds its {@code lo} to the same file), the host's uplink,
 * each named interface as soon as it exists, and in a distributed run the real underlay.
 */
final class Recordings {
    private final CaptureDirectory dir;
    private final String filter;
    /** The wall time (ns since 1970) the files' virtual time 0 stands for: the world's clock's ({@code EventLoop#epochMillis}). */
    private final long epochNanos;
    private final List<Capture> captures = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<PcapngWriter> writers = new ArrayList<>();
    private final List<StepCaptureLimit.Sink> sinks = new ArrayList<>();
    private final StepCaptureLimit budget = new StepCaptureLimit();
    /** Named interfaces no host has shown yet. */
    private final Set<String> pending = new LinkedHashSet<>();
    private PcapngWriter underlay;
    private Path underlayPath;

    /**
     * Starts capturing what {@code what} and {@code options} name in {@code world}; with several
     * hosts every file name starts with the host's ({@code docker-host-2-eth0.pcapng}).
     */
    Recordings(World world, Distributed distributed, Session.Options options, Topology.CaptureSpec what) {
        this.filter = what.filter();
        // Validated before anything is created: a bad expression leaves no directory behind.
        PacketFilter probe = filter == null ? PacketFilter.ALL : PacketFilter.compile(filter);
        probe.close();
        this.dir = CaptureDirectory.create(options.outDir());
        this.epochNanos = world.emulation().loop().epochMillis() * 1_000_000L;
        List<String> interfaces = new ArrayList<>(options.interfaces());
        what.interfaces().stream().filter(i -> !interfaces.contains(i)).forEach(interfaces::add);
        if (what.host() && !interfaces.contains("eth0")) {
            interfaces.add("eth0");
        }
        boolean several = world.nodes().size() > 1;
        if (several && !interfaces.contains("eth0")) {
            interfaces.add("eth0"); // with several hosts the underlay is what there is to see
        }
        pending.addAll(interfaces);
        if (distributed != null) {
            underlayPath = dir.file(distributed.host().name() + "-underlay.pcapng");
            underlay = PcapngWriter.create(underlayPath, epochNanos);
            distributed.underlay().capture(underlay, "underlay");
        }
        for (World.Node node : world.nodes()) {
            node(node, several ? node.name() + "-" : "", interfaces, what.bridges(), what.loopback());
        }
    }

    private void node(World.Node node, String prefix, List<String> interfaces, boolean bridges, boolean loopback) {
        Kernel kernel = node.kernel();
        Set<String> unseen = new LinkedHashSet<>(interfaces); // this host's named interfaces not captured yet
        for (String name : interfaces) {
            LinkInfo dev = kernel.links(Kernel.HOST).stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
            if (dev != null && !(dev.kind().equals("bridge") && bridges)) {
                pending.remove(name);
                unseen.remove(name);
                open(prefix + name, kernel, Kernel.HOST, name);
            }
        }
        node.engine().onBridgeNetwork(n -> {
            pending.remove(n.bridge());
            pending.remove(n.name());
            boolean named = unseen.remove(n.bridge()) | unseen.remove(n.name());
            if (bridges || named) {
                open(prefix + n.bridge(), kernel, Kernel.HOST, n.bridge());
            }
        });
        if (loopback) {
            Map<String, Capture> loopbacks = new HashMap<>();
            node.engine().onSandbox(c -> {
                Capture capture = loopbacks.get(c.id());
                if (capture == null) {
                    loopbacks.put(c.id(), open(prefix + c.name() + "-lo", kernel, c.netns(), "lo"));
                } else {
                    capture.attach(c.netns(), "lo");
                }
            });
        }
    }

    /** Like {@code tcpdump -i DEV -w NAME.pcapng} from now on (a bridge promiscuously). */
    private Capture open(String name, Kernel kernel, String ns, String dev) {
        Path path = dir.file(name + ".pcapng");
        PcapngWriter writer = PcapngWriter.create(path, epochNanos);
        writers.add(writer);
        StepCaptureLimit.Sink sink = budget.wrap(writer);
        sinks.add(sink);
        Capture capture = kernel.capture(ns, dev, sink, filter);
        captures.add(capture);
        paths.add(path);
        return capture;
    }

    /** Stops every capture and finishes its file: the files with their frame counts. */
    List<Session.CaptureResult> finish() {
        List<Session.CaptureResult> out = new ArrayList<>();
        if (underlay != null) {
            underlay.close();
            out.add(new Session.CaptureResult(underlayPath, underlay.frameCount()));
        }
        for (int i = 0; i < captures.size(); i++) {
            captures.get(i).close();
            out.add(new Session.CaptureResult(paths.get(i), captures.get(i).captured() - sinks.get(i).notWritten()));
        }
        return out;
    }

    /**
     * Writes {@code report.html} beside the captures: {@code picture} and the flows of the
     * finished files (the first {@link ReportPage#FRAME_LIMIT} frames); its path.
     */
    Path writeReport(Picture picture, List<Session.CaptureResult> finished) {
        Path page = dir.file("report.html");
        ReportPage.write(page, picture, Flows.read(finished.stream().map(Session.CaptureResult::path).toList(),
                ReportPage.FRAME_LIMIT));
        return page;
    }

    /** The report of the session so far (the shell's {@code dockwire report}): the files flushed, then read. */
    Path writeReport(Picture picture) {
        flush();
        List<Path> files = new ArrayList<>(paths);
        if (underlayPath != null) {
            files.add(0, underlayPath);
        }
        Path page = dir.file("report.html");
        ReportPage.write(page, picture, Flows.read(files, ReportPage.FRAME_LIMIT));
        return page;
    }

    /** Writes what the files hold so far to disk, so that Wireshark or {@code tshark -r} reads them mid-session. */
    void flush() {
        for (int i = 0; i < writers.size(); i++) {
            if (captures.get(i).failure() == null) {
                writers.get(i).flush();
            }
        }
        if (underlay != null) {
            underlay.flush();
        }
    }

    /** A step begins: its frames are charged to a fresh {@link StepCaptureLimit}. */
    void beginStep() {
        budget.beginStep();
    }

    /** The step's line about frames its capture limit kept out of the files, or null. */
    String endStep() {
        return budget.endStep();
    }

    /** The named interfaces that never appeared. */
    Set<String> missing() {
        return pending;
    }

    void close() {
        captures.forEach(Capture::close);
        if (underlay != null) {
            underlay.close();
        }
    }

    /** A run rejected before its summary: its files and the directories it created go (a rejected run writes nothing). */
    void discard() {
        close();
        dir.discard();
    }
}
