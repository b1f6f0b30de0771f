package dev.dockwire.run;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.host.DockerHost;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netns.Namespace;
import dev.dockwire.sim.Pacing;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.Topology;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One headless run: the emulated world, pcapng captures (every bridge from the moment it is
 * created, and on request each container's loopback and the host's eth0), the commands run at the
 * host's prompt with their transcript, the latencies their programs measured as percentiles,
 * expectations checked, and the closing summary.
 */
public final class Session implements AutoCloseable {
    /**
     * Where the run writes and which seed it uses ({@code seed} null = the file's own); which host
     * interfaces to capture besides the bridges ({@code --capture}); who hears of progress.
     */
    public record Options(Path outDir, Long seed, boolean capture, List<String> interfaces, Progress progress,
                          OwnHost own) {
        public Options(Path outDir, Long seed, boolean capture) {
            this(outDir, seed, capture, List.of(), Progress.NONE);
        }

        public Options(Path outDir, Long seed, boolean capture, List<String> interfaces, Progress progress) {
            this(outDir, seed, capture, interfaces, progress, null);
        }

        /** The same options with capturing off. */
        public Options withoutCapture() {
            return new Options(outDir, seed, false, interfaces, progress, own);
        }
    }

    /**
     * {@code dockwire run --host docker-host-2 [--serve SECONDS]}: this process runs only that host
     * of the file's several; the others run in their own processes. Every process replays the whole
     * script's control plane (same seed: same networks, VNIs, addresses and MACs, so the peers each
     * computes agree) but runs programs ({@code docker exec}) only on its own host, whose VTEP
     * sends real VXLAN datagrams from its {@code # dockwire: underlay} address to the others'. After
     * the last step it keeps serving for {@code serveSeconds} of wall-clock time.
     */
    public record OwnHost(String host, int serveSeconds) {
    }

    /** Hears how far a run is: steps done of all, containers built, virtual time reached. */
    public interface Progress {
        Progress NONE = (stepsDone, stepsTotal, containers, virtualNanos) -> { };

        void update(int stepsDone, int stepsTotal, int containers, long virtualNanos);
    }

    /** What one command must do; a null status means "0 unless {@code anyStatus}". */
    public record Expect(Integer status, boolean anyStatus, List<String> contains, List<String> notContains,
                         List<String> matches) {
        public static final Expect SUCCESS = new Expect(null, false, List.of(), List.of(), List.of());
    }

    /** The outcome: every step, and the capture files written with their frame counts. */
    public record Report(List<StepResult> steps, List<CaptureResult> captures) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    public record CaptureResult(Path path, long frames) {
    }

    private final World world;
    private final String file;
    private final Consumer<String> out;
    private final List<CaptureTap> taps = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<StepResult> steps = new ArrayList<>();
    /** Latencies the programs of the current step reported, by metric in first-seen order. */
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final Options options;
    private final Set<String> pendingInterfaces = new LinkedHashSet<>();
    private int stepsTotal;
    private final Distributed distributed;
    private PcapngWriter underlayCapture;
    private Path underlayPath;

    public Session(String file, long seed, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, Daemon.DEFAULT, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /** A session whose dockerd is configured as {@code daemon} says, capturing every bridge. */
    public Session(String file, long seed, Daemon daemon, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, daemon, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /**
     * A session whose dockerd is configured as {@code daemon} says; with capturing on, every bridge
     * is captured when {@code bridges} is true, and the options' interfaces (a host device, a
     * bridge or a network by name) as soon as they exist.
     */
    public Session(String file, long seed, Daemon daemon, Options options, boolean bridges, String captureFilter,
                   Consumer<String> out) {
        this(file, seed, daemon, options, new Topology.CaptureSpec(bridges, captureFilter), out);
    }

    /**
     * A run capturing what {@code what} names when {@code options.capture()}: every bridge as
     * {@code BRIDGE.pcapng}, each container's {@code lo} as {@code CONTAINER-lo.pcapng} (a restart's
     * new namespace adds its {@code lo} to the same file), the host's uplink as {@code eth0.pcapng},
     * and each named interface (the options' and {@code what}'s: a host device, a bridge or a
     * network by name) as {@code NAME.pcapng} as soon as it exists.
     */
    public static Session capturing(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what,
                                    Consumer<String> out) {
        return new Session(file, seed, daemon, options, what, out);
    }

    private Session(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what, Consumer<String> out) {
        this.file = file;
        this.out = out;
        this.options = options;
        this.world = new World(seed, EngineProfile.parse(daemon.engine()), daemon.userlandProxy(), daemon.hosts(),
                daemon.subnets(), options.own() != null ? Pacing.WALL : Pacing.VIRTUAL);
        this.distributed = options.own() != null ? Distributed.start(world, daemon, options.own(), out) : null;
        for (World.Node node : world.nodes()) {
            node.engine().onSample((metric, nanos) -> samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(nanos));
        }
        if (!options.capture()) {
            return;
        }
        try {
            Files.createDirectories(options.outDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.outDir(), e);
        }
        String captureFilter = what.filter();
        PacketFilter probe = captureFilter == null ? PacketFilter.ALL : PacketFilter.compile(captureFilter);
        probe.close();
        boolean bridges = what.bridges();
        List<String> interfaces = new ArrayList<>(options.interfaces());
        what.interfaces().stream().filter(i -> !interfaces.contains(i)).forEach(interfaces::add);
        if (what.host() && !interfaces.contains("eth0")) {
            interfaces.add("eth0");
        }
        boolean several = world.nodes().size() > 1;
        if (several && !interfaces.contains("eth0")) {
            interfaces.add("eth0"); // with several hosts the underlay is what there is to see
        }
        pendingInterfaces.addAll(interfaces);
        if (distributed != null) {
            Path underlayFile = options.outDir().resolve(distributed.host().name() + "-underlay.pcapng");
            PcapngWriter w = PcapngWriter.create(underlayFile);
            distributed.underlay().capture(w, "underlay");
            underlayCapture = w;
            underlayPath = underlayFile;
        }
        for (World.Node node : world.nodes()) {
            // With several hosts every file name starts with the host's: docker-host-2-eth0.pcapng.
            captureNode(node, several ? node.name() + "-" : "", interfaces, bridges, what.loopback(), captureFilter);
        }
    }

    private void captureNode(World.Node node, String prefix, List<String> interfaces, boolean bridges, boolean loopback,
                             String captureFilter) {
        Namespace host = node.kernel().namespace(Kernel.HOST);
        Set<String> unseen = new LinkedHashSet<>(interfaces); // this host's named interfaces not captured yet
        for (String name : interfaces) {
            NetDevice dev = host.device(name);
            if (dev != null && !(dev instanceof Bridge && bridges)) {
                pendingInterfaces.remove(name);
                unseen.remove(name);
                open(options.outDir().resolve(prefix + name + ".pcapng"), dev, captureFilter);
            }
        }
        node.engine().onBridgeNetwork(n -> {
            pendingInterfaces.remove(n.bridge());
            pendingInterfaces.remove(n.name());
            boolean named = unseen.remove(n.bridge()) | unseen.remove(n.name());
            if (bridges || named) {
                open(options.outDir().resolve(prefix + n.bridge() + ".pcapng"), host.device(n.bridge()), captureFilter);
            }
        });
        if (loopback) {
            Map<String, CaptureTap> loopbacks = new HashMap<>();
            node.engine().onSandbox(c -> {
                NetDevice lo = node.kernel().namespace(c.netns()).lo();
                CaptureTap tap = loopbacks.get(c.id());
                if (tap == null) {
                    loopbacks.put(c.id(), open(options.outDir().resolve(prefix + c.name() + "-lo.pcapng"), lo, captureFilter));
                } else {
                    tap.attachDevice(lo);
                }
            });
        }
    }

    /** Says how many steps the run will take, for progress. */
    public void expectSteps(int total) {
        stepsTotal = total;
        reportProgress();
    }

    private void reportProgress() {
        options.progress().update(steps.size(), Math.max(stepsTotal, steps.size()), world.engine().containers().size(),
                world.emulation().loop().nanos());
    }

    /** Like {@code tcpdump -i DEV -w PATH} from now on (a bridge promiscuously). */
    private CaptureTap open(Path path, NetDevice dev, String captureFilter) {
        PacketFilter filter = captureFilter == null ? PacketFilter.ALL : PacketFilter.compile(captureFilter);
        CaptureTap tap = Captures.device(PcapngWriter.create(path), world.emulation().loop(), dev, filter);
        taps.add(tap);
        paths.add(path);
        return tap;
    }

    public World world() {
        return world;
    }

    public DockerHost host() {
        return world.host();
    }

    public void say(String line) {
        out.accept(line);
    }

    /** Runs {@code line} at the host's prompt, prints the transcript, checks {@code expect}. */
    public StepResult step(String line, int lineNumber, Expect expect) {
        return step(file, line, lineNumber, expect);
    }

    /** As {@link #step(String, int, Expect)} for a line of another file (a script a topology runs). */
    public StepResult step(String source, String line, int lineNumber, Expect expect) {
        out.accept("");
        out.accept("$ " + line);
        samples.clear();
        String elsewhere = distributed == null ? null : distributed.runsElsewhere(line);
        if (elsewhere != null) {
            out.accept("(runs in " + elsewhere + "'s process)");
            return new StepResult(line, lineNumber, 0, List.of(), List.of(), List.of());
        }
        CommandResult r = world.host().run(line);
        r.output().forEach(out);
        samples.forEach((metric, v) -> out.accept("latency " + Percentiles.summary(metric,
                v.stream().mapToLong(Long::longValue).toArray())));
        List<String> failures = new ArrayList<>();
        if (expect.status() != null && expect.status() != r.status()) {
            failures.add("expected exit status " + expect.status() + ", got " + r.status());
        } else if (expect.status() == null && !expect.anyStatus() && r.status() != 0) {
            failures.add("exited with status " + r.status() + " (add '# expect: status " + r.status()
                    + "' if that is intended)");
        }
        String all = String.join("\n", r.output());
        for (String want : expect.contains()) {
            if (!all.contains(want)) {
                failures.add("expected output to contain \"" + want + "\"");
            }
        }
        for (String unwanted : expect.notContains()) {
            if (all.contains(unwanted)) {
                failures.add("expected output not to contain \"" + unwanted + "\"");
            }
        }
        for (String regex : expect.matches()) {
            if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(all).find()) {
                failures.add("expected output to match /" + regex + "/");
            }
        }
        failures.forEach(f -> out.accept("FAILED (" + source + ":" + lineNumber + "): " + f));
        StepResult s = new StepResult(line, lineNumber, r.status(), r.output(), describe(expect), failures);
        steps.add(s);
        reportProgress();
        return s;
    }

    /** The expectations as words: {@code status 0}, {@code contains TEXT}, ... */
    private static List<String> describe(Expect e) {
        List<String> d = new ArrayList<>();
        if (e.status() != null) {
            d.add("status " + e.status());
        } else if (!e.anyStatus()) {
            d.add("status 0");
        }
        e.contains().forEach(c -> d.add("contains " + c));
        e.notContains().forEach(c -> d.add("not-contains " + c));
        e.matches().forEach(c -> d.add("matches " + c));
        return d;
    }

    /**
     * Runs topology steps in order: {@code exec} as {@code docker exec CONTAINER ...} with the
     * container {@code containerOf} names for the step's target, {@code run} lines as written.
     */
    public void steps(List<Step> steps, UnaryOperator<String> containerOf) {
        for (Step s : steps) {
            String line = s.run() != null ? s.run()
                    : "docker exec " + containerOf.apply(s.target()) + " " + quote(s.argv());
            Step.Expect e = s.expect();
            step(line, s.line(), new Expect(e.status(), e.status() == null, e.contains(), e.notContains(), e.matches()));
        }
    }

    /** Words back into a command line that the shell splits into the same words. */
    static String quote(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:@%+=,-]+")) {
                sb.append(w);
            } else {
                sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }

    /** Closes the captures and prints the summary. */
    public Report finish() {
        if (distributed != null) {
            distributed.serve(out);
        }
        // Background jobs (tcpdump ... &) end with the run, as with the shell's exit.
        world.host().finishJobs().forEach(out);
        List<CaptureResult> captures = new ArrayList<>();
        if (underlayCapture != null) {
            underlayCapture.close();
            captures.add(new CaptureResult(underlayPath, underlayCapture.frameCount()));
        }
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).close();
            captures.add(new CaptureResult(paths.get(i), taps.get(i).captured()));
        }
        out.accept("");
        long ok = steps.stream().filter(StepResult::ok).count();
        out.accept("steps: " + ok + " passed, " + (steps.size() - ok) + " failed");
        for (CaptureResult c : captures) {
            out.accept("capture: " + c.path() + " (" + c.frames() + " frames)");
        }
        for (String missing : pendingInterfaces) {
            out.accept("capture: no interface " + missing + " appeared on the host (a host device, a bridge or a network name)");
        }
        return new Report(List.copyOf(steps), captures);
    }

    @Override
    public void close() {
        taps.forEach(CaptureTap::close);
        if (underlayCapture != null) {
            underlayCapture.close();
        }
        if (distributed != null) {
            distributed.close();
        }
        world.close();
    }
}
