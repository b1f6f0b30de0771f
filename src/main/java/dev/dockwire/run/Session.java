package dev.dockwire.run;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netns.Namespace;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.Topology;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One headless run: the emulated world, pcapng captures (every bridge from the moment it is
 * created, and on request each container's loopback and the host's eth0), the commands run at the
 * host's prompt with their transcript, the latencies their programs measured as percentiles,
 * expectations checked, and the closing summary.
 */
public final class Session implements AutoCloseable {
    /** Where the run writes and which seed it uses ({@code seed} null = the file's own). */
    public record Options(Path outDir, Long seed, boolean capture) {
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

    public Session(String file, long seed, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, Daemon.DEFAULT, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /** A session whose dockerd is configured as {@code daemon} says, capturing every bridge. */
    public Session(String file, long seed, Daemon daemon, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, daemon, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /**
     * A run capturing what {@code what} names when {@code options.capture()}: every bridge as
     * {@code BRIDGE.pcapng}, each container's {@code lo} as {@code CONTAINER-lo.pcapng} (a restart's
     * new namespace adds its {@code lo} to the same file) and the host's uplink as {@code eth0.pcapng}.
     */
    public static Session capturing(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what,
                                    Consumer<String> out) {
        return new Session(file, seed, daemon, options, what, out);
    }

    private Session(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what, Consumer<String> out) {
        this.file = file;
        this.out = out;
        this.world = new World(seed, EngineProfile.parse(daemon.engine()), daemon.userlandProxy());
        world.engine().onSample((metric, nanos) -> samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(nanos));
        if (options.capture()) {
            try {
                Files.createDirectories(options.outDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + options.outDir(), e);
            }
            String captureFilter = what.filter();
            PacketFilter probe = captureFilter == null ? PacketFilter.ALL : PacketFilter.compile(captureFilter);
            probe.close();
            Namespace host = world.hostKernel().namespace(Kernel.HOST);
            if (what.bridges()) {
                world.engine().onBridgeNetwork(n -> open(options.outDir().resolve(n.bridge() + ".pcapng"),
                        host.device(n.bridge()), captureFilter));
            }
            if (what.host()) {
                open(options.outDir().resolve("eth0.pcapng"), host.device("eth0"), captureFilter);
            }
            if (what.loopback()) {
                Map<String, CaptureTap> loopbacks = new HashMap<>();
                world.engine().onSandbox(c -> {
                    NetDevice lo = world.hostKernel().namespace(c.netns()).lo();
                    CaptureTap tap = loopbacks.get(c.id());
                    if (tap == null) {
                        loopbacks.put(c.id(), open(options.outDir().resolve(c.name() + "-lo.pcapng"), lo, captureFilter));
                    } else {
                        tap.attachDevice(lo);
                    }
                });
            }
        }
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
        out.accept("");
        out.accept("$ " + line);
        samples.clear();
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
        failures.forEach(f -> out.accept("FAILED (" + file + ":" + lineNumber + "): " + f));
        StepResult s = new StepResult(line, r.status(), r.output(), failures);
        steps.add(s);
        return s;
    }

    /** Closes the captures and prints the summary. */
    public Report finish() {
        List<CaptureResult> captures = new ArrayList<>();
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
        return new Report(List.copyOf(steps), captures);
    }

    @Override
    public void close() {
        taps.forEach(CaptureTap::close);
        world.close();
    }
}
