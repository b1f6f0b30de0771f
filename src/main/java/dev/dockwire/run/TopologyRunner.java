package dev.dockwire.run;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Engine;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.docker.Network;
import dev.dockwire.kernel.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.Bridge;
import dev.dockwire.netns.Emulation;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a topology headless on the emulated kernel: builds its networks and containers through
 * the engine, captures every bridge to {@code OUT/<bridge>.pcapng}, runs the steps, checks their
 * expectations, and reports. A step whose expectation fails fails the run.
 */
public final class TopologyRunner {
    /** Where the run writes and with which seed; {@code seed} null = the topology's. */
    public record Options(Path outDir, Long seed, boolean capture) {
    }

    /** The outcome: every step, and the capture files written with their frame counts. */
    public record Report(List<StepResult> steps, List<CaptureResult> captures) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    public record CaptureResult(Path path, long frames) {
    }

    private final String file;

    public TopologyRunner(String file) {
        this.file = file;
    }

    public Report run(Topology t, Options options, Consumer<String> out) {
        long seed = options.seed() != null ? options.seed() : t.seed();
        World world = new World(seed, EngineProfile.DOCKER_28);
        Engine engine = world.engine();
        DockerHost host = world.host();
        EmulatedKernel kernel = world.hostKernel();
        Emulation emu = world.emulation();
        out.accept("dockwire: topology " + t.name() + " (seed " + seed + ")");
        for (Topology.NetworkSpec n : t.networks()) {
            try {
                Network net = engine.createNetwork(new NetworkCreate(n.name(), "bridge",
                        n.subnet() == null ? null : Cidr.parse(n.subnet()),
                        n.gateway() == null ? null : Ipv4Address.parse(n.gateway()), null, false, false, Map.of(), Map.of()));
                out.accept("network " + net.name() + ": " + net.subnet() + " gateway " + net.gateway()
                        + " bridge " + net.bridge());
            } catch (EngineException e) {
                throw new TopologyException(file, n.line(), "networks." + n.name(), "Error response from daemon: " + e.getMessage());
            }
        }
        List<CaptureTap> taps = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        if (options.capture() && t.capture().bridges()) {
            PacketFilter filter = t.capture().filter() == null ? PacketFilter.ALL : PacketFilter.compile(t.capture().filter());
            try {
                Files.createDirectories(options.outDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + options.outDir(), e);
            }
            for (Network net : engine.networks()) {
                if (net.bridge() == null) {
                    continue;
                }
                Path p = options.outDir().resolve(net.bridge() + ".pcapng");
                Bridge br = (Bridge) kernel.namespace(Kernel.HOST).device(net.bridge());
                taps.add(Captures.bridge(PcapngWriter.create(p), emu.loop(), br,
                        filter == PacketFilter.ALL ? filter : PacketFilter.compile(t.capture().filter())));
                paths.add(p);
            }
        }
        for (Topology.ContainerSpec c : t.containers()) {
            List<Topology.Attachment> nets = c.networks();
            Topology.Attachment first = nets.isEmpty() ? null : nets.get(0);
            try {
                Container ctr = engine.create(new ContainerCreate(c.name(), c.image(), List.of(),
                        first == null ? "bridge" : first.network(),
                        first == null || first.ip() == null ? null : Ipv4Address.parse(first.ip()),
                        List.of(), null, List.of(), List.of()));
                for (Topology.Attachment a : nets.subList(Math.min(1, nets.size()), nets.size())) {
                    engine.connect(a.network(), ctr.name(), a.ip() == null ? null : Ipv4Address.parse(a.ip()), List.of());
                }
                engine.start(ctr.name());
                StringBuilder sb = new StringBuilder("container " + ctr.name() + " (" + ctr.image() + "):");
                ctr.endpoints().values().forEach(e -> sb.append(' ').append(e.ifname()).append(' ').append(e.address())
                        .append(" on ").append(e.network().name()));
                out.accept(sb.toString());
            } catch (EngineException e) {
                throw new TopologyException(file, c.line(), "containers." + c.name(), "Error response from daemon: " + e.getMessage());
            }
        }
        List<StepResult> results = new ArrayList<>();
        for (Topology.Step s : t.steps()) {
            String cmd = "docker exec " + s.container() + " " + quote(s.argv());
            out.accept("");
            out.accept("$ " + cmd);
            CommandResult r = host.run(cmd);
            int status = r.status();
            r.output().forEach(out);
            List<String> failures = new ArrayList<>();
            if (s.expectStatus() != null && s.expectStatus() != status) {
                failures.add("expected exit status " + s.expectStatus() + ", got " + status);
            }
            String all = String.join("\n", r.output());
            for (String want : s.expectContains()) {
                if (!all.contains(want)) {
                    failures.add("expected output to contain \"" + want + "\"");
                }
            }
            failures.forEach(f -> out.accept("FAILED (" + file + ":" + s.line() + "): " + f));
            results.add(new StepResult(cmd, status, r.output(), failures));
        }
        List<CaptureResult> captures = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).close();
            captures.add(new CaptureResult(paths.get(i), taps.get(i).captured()));
        }
        out.accept("");
        long ok = results.stream().filter(StepResult::ok).count();
        out.accept("steps: " + ok + " passed, " + (results.size() - ok) + " failed");
        for (CaptureResult c : captures) {
            out.accept("capture: " + c.path() + " (" + c.frames() + " frames)");
        }
        return new Report(results, captures);
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
}
