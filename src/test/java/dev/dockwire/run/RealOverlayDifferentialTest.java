package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapWriter;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.NetnsExec;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.sim.Pacing;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ScriptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differential test of issue 9 over several Docker hosts (root only): {@code topologies/overlay.sh}
 * — two hosts on the LAN in a swarm, an attachable overlay, a container on each — built in the
 * emulator ({@link World} with two hosts) and on the real kernel ({@link RealWorld} with two hosts:
 * real VXLAN devices in each host's overlay sandbox, the underlay the real LAN bridge) from the same
 * file and seed; then compared as {@link RealDifferentialTest} compares one host: per host every
 * namespace's links, addresses and routes; the ping matrix across hosts and to the outside; DNS
 * answers of the embedded resolvers; a TCP matrix with what each receiver saw; and the header fields
 * (VXLAN VNI and inner frame included) of a scripted exchange between the hosts captured on the
 * LAN bridge {@code lan0}, the underlay (docker-host-1's side of it when the hosts are on two
 * subnets and the VXLAN between them is routed).
 */
class RealOverlayDifferentialTest {
    private static final String FILE = "topologies/overlay.sh";

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("the overlay differential test (real namespaces)");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("iptables-restore");
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("dig");
    }

    /** Which host's engine runs container {@code name}: its index in {@code engines}. */
    private static int hostOf(List<Engine> engines, String name) {
        for (int i = 0; i < engines.size(); i++) {
            if (engines.get(i).containers().stream().anyMatch(c -> c.name().equals(name))) {
                return i;
            }
        }
        throw new AssertionError("no host runs " + name);
    }

    /**
     * {@code addresses} without those {@code own} has too: each host's docker_gwbridge has the same
     * subnet, so the other host's container may have this one's address there.
     */
    private static List<String> others(List<String> addresses, List<String> own) {
        return addresses.stream().filter(a -> !own.contains(a)).toList();
    }

    /** Every container of every host with its addresses, by name. */
    private static Map<String, List<String>> addresses(List<Engine> engines) {
        Map<String, List<String>> out = new TreeMap<>();
        engines.forEach(e -> out.putAll(RealDifferentialTest.addresses(e)));
        return out;
    }

    private static RealDifferentialTest.Side side(World w) {
        List<Engine> engines = w.nodes().stream().map(World.Node::engine).toList();
        return new RealDifferentialTest.Side(w.emulation().loop(), w.engine(), place -> {
            if (place.equals(RealDifferentialTest.INTERNET)) {
                return w.lanKernel().sockets(place);
            }
            World.Node n = w.nodes().get(hostOf(engines, place));
            return n.kernel().sockets(n.engine().container(place).netns());
        });
    }

    private static RealDifferentialTest.Side side(RealWorld w) {
        List<Engine> engines = w.nodes().stream().map(RealWorld.Node::engine).toList();
        return new RealDifferentialTest.Side(w.loop(), w.engine(), place -> {
            if (place.equals(RealDifferentialTest.INTERNET)) {
                return w.lanKernel().sockets(place);
            }
            RealWorld.Node n = w.nodes().get(hostOf(engines, place));
            return n.kernel().sockets(n.engine().container(place).netns());
        });
    }

    /**
     * The file as it is (both hosts on the LAN), and with its hosts spread over two LAN subnets
     * ({@code # dockwire: hosts 2 subnets 2}): docker-host-2 at 192.168.2.12 behind the router, so
     * the VXLAN between the hosts is routed.
     */
    @ParameterizedTest(name = "subnets {0}")
    @ValueSource(ints = {1, 2})
    void containersOnTwoHostsAgreeOverRealVxlan(int subnets) throws Exception {
        String text = Files.readString(Path.of(FILE));
        String shape = "# dockwire: hosts 2\n";
        assertTrue(text.contains(shape), FILE + " asks for two hosts");
        RealDifferentialTest.Input in = new RealDifferentialTest.Input(FILE, null, ScriptParser.parse(FILE, "overlay",
                subnets == 1 ? text : text.replace(shape, "# dockwire: hosts 2 subnets " + subnets + "\n")), null);
        int hosts = in.script().daemon().hosts();
        assertEquals(subnets, in.script().daemon().subnets());
        SideBySide diff = new SideBySide();
        try (World emulated = new World(in.seed(), EngineProfile.DOCKER_28, true, hosts, subnets, Pacing.VIRTUAL);
             RealWorld real = new RealWorld(TestNamespaces.PREFIX + "ov.", in.seed(), EngineProfile.DOCKER_28, true, hosts, subnets)) {
            in.build(emulated.host());
            in.build(real.host());
            List<Engine> ee = emulated.nodes().stream().map(World.Node::engine).toList();
            List<Engine> re = real.nodes().stream().map(RealWorld.Node::engine).toList();
            Map<String, List<String>> addrs = addresses(ee);
            diff.compare("containers and addresses", addrs, addresses(re));

            // Per host, every namespace: the host's, its containers', the overlay sandbox (1-NETID).
            for (int i = 0; i < hosts; i++) {
                World.Node en = emulated.nodes().get(i);
                RealWorld.Node rn = real.nodes().get(i);
                TreeSet<String> eNames = new TreeSet<>(en.kernel().namespaces());
                TreeSet<String> rNames = new TreeSet<>(rn.kernel().namespaces());
                diff.compare(en.name() + " namespaces", eNames, rNames);
                eNames.retainAll(rNames); // those only one side has differ already
                eNames.add(Kernel.HOST);
                for (String ns : eNames) {
                    diff.compare(en.name() + " netns " + ns, RealDifferentialTest.view(en.kernel(), ns, en.engine()),
                            RealDifferentialTest.view(rn.kernel(), ns, rn.engine()));
                }
            }

            Map<String, String> runners = new HashMap<>();
            BiFunction<String, String[], CommandResult> emulatedExec = (ctr, argv) -> {
                int node = hostOf(ee, ctr);
                var shell = emulated.nodes().get(node).shell();
                String runner = runners.computeIfAbsent(ctr, n -> RealDifferentialTest.probeRunner(shell::run, ee.get(node).container(n)));
                return shell.run("docker exec " + runner + " " + String.join(" ", argv));
            };
            BiFunction<String, String[], NetnsExec.Result> realExec = (ctr, argv) -> {
                RealWorld.Node n = real.nodes().get(hostOf(re, ctr));
                return NetnsExec.run(real.loop(), n.kernel().netnsName(n.engine().container(ctr).netns()), 10_000, argv);
            };
            for (String from : addrs.keySet()) {
                List<String> targets = new ArrayList<>();
                addrs.forEach((to, list) -> {
                    if (!to.equals(from)) {
                        targets.addAll(others(list, addrs.get(from)));
                    }
                });
                targets.add(RealDifferentialTest.OUTSIDE);
                targets.add(RealDifferentialTest.EXAMPLE_COM);
                for (String to : targets) {
                    String[] ping = {"ping", "-c", "1", "-W", "1", to};
                    diff.compare("ping " + from + " -> " + to, emulatedExec.apply(from, ping).status() == 0
                            ? "reached" : "unreached", realExec.apply(from, ping).status() == 0 ? "reached" : "unreached");
                }
                RealWorld.Node rn = real.nodes().get(hostOf(re, from));
                String server = RealDifferentialTest.nameserver(
                        CommandResult.ok(List.of(rn.engine().container(from).file("/etc/resolv.conf").split("\n"))));
                List<String> names = new ArrayList<>();
                addrs.keySet().forEach(n -> {
                    names.add(n);
                    names.add(n + ".test-net");
                });
                names.add("example.com");
                for (String name : names) {
                    TreeSet<String> e = RealDifferentialTest.answers(emulatedExec.apply(from, new String[] {"dig", "+short", name}).output());
                    TreeSet<String> r = RealDifferentialTest.answers(realExec.apply(from,
                            new String[] {"dig", "+short", "+tries=1", "+time=2", "@" + server, name}).lines());
                    diff.compare("dig " + name + " in " + from + " (" + server + ")", e, r);
                }
            }

            List<TcpProbes.Probe> probes = new ArrayList<>();
            for (String from : addrs.keySet()) {
                addrs.forEach((to, list) -> {
                    if (!to.equals(from)) {
                        others(list, addrs.get(from)).forEach(a -> probes.add(new TcpProbes.Probe(from, to, a, RealDifferentialTest.PROBE_PORT)));
                    }
                });
                probes.add(new TcpProbes.Probe(from, "web", RealDifferentialTest.EXAMPLE_COM, 80));
                probes.add(new TcpProbes.Probe(from, RealDifferentialTest.INTERNET, RealDifferentialTest.EXAMPLE_COM,
                        RealDifferentialTest.PROBE_PORT));
            }
            Map<TcpProbes.Probe, TcpProbes.Result> te = tcp(side(emulated), addrs.keySet(), probes);
            Map<TcpProbes.Probe, TcpProbes.Result> tr = tcp(side(real), addrs.keySet(), probes);
            for (TcpProbes.Probe p : probes) {
                diff.compare(p.label(), te.get(p).outcome(), tr.get(p).outcome());
                if (te.get(p).seenFrom() != null || tr.get(p).seenFrom() != null) {
                    diff.compare(p.label() + " seen from", String.valueOf(te.get(p).seenFrom()), String.valueOf(tr.get(p).seenFrom()));
                }
            }

            if (ExternalTools.available("tcpdump")) {
                underlayFrames(emulated, real, addrs, emulatedExec, realExec, diff);
            }
        }
        assertEquals(List.of(), TestNamespaces.left(), "namespaces left behind");
        assertTrue(ExternalTools.run("ip", "-o", "link", "show").stream().noneMatch(l -> l.contains(TestNamespaces.PREFIX)),
                "links left in the machine's namespace");
        diff.failIfAny(FILE + " over " + subnets + " subnet" + (subnets == 1 ? "" : "s"));
        List<String> same = diff.agreements();
        assertTrue(same.stream().anyMatch(l -> l.startsWith("ping alpine1 -> 10.0.1.3: reached")), "no ping across hosts: " + same);
        assertTrue(same.stream().anyMatch(l -> l.startsWith("dig alpine2 in alpine1") && l.endsWith("[10.0.1.3]")),
                "the other host's container not resolved: " + same);
        assertTrue(same.stream().anyMatch(l -> l.startsWith("tcp alpine1 -> alpine2") && l.endsWith(": open")),
                "no TCP connection across hosts: " + same);
        assertTrue(same.stream().anyMatch(l -> l.startsWith("frame") && l.contains("vxlan vni 4097 [")),
                "no VXLAN frame compared on the underlay: " + same);
    }

    /** Receivers on the probe port in every container and the internet; then the probes. */
    private static Map<TcpProbes.Probe, TcpProbes.Result> tcp(RealDifferentialTest.Side side, Iterable<String> containers,
            List<TcpProbes.Probe> probes) {
        try (TcpProbes p = new TcpProbes(side.loop())) {
            containers.forEach(c -> p.listen(side.sockets().apply(c), RealDifferentialTest.PROBE_PORT));
            p.listen(side.sockets().apply(RealDifferentialTest.INTERNET), RealDifferentialTest.PROBE_PORT);
            Map<TcpProbes.Probe, TcpProbes.Result> out = p.run(probes, side.sockets());
            side.loop().runFor(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500));
            return out;
        }
    }

    /**
     * The first container pings the second (on the other host) and example.com, then talks TCP to
     * the second's receiver and the internet's, while the LAN bridge is captured: the overlay's
     * frames cross it inside VXLAN (UDP 4789, the network's VNI), the outside's masqueraded.
     */
    private static void underlayFrames(World emulated, RealWorld real, Map<String, List<String>> addrs,
            BiFunction<String, String[], CommandResult> emulatedExec, BiFunction<String, String[], NetnsExec.Result> realExec,
            SideBySide diff) throws Exception {
        List<String> names = new ArrayList<>(addrs.keySet());
        RealDifferentialTest.Exchange x = new RealDifferentialTest.Exchange("test-net", names.get(0), names.get(1),
                addrs.get(names.get(1)).get(0));
        Path dir = Files.createTempDirectory("dw-ovdiff");
        Path ef = dir.resolve("emulated.pcap");
        Path rf = dir.resolve("real.pcap");
        try {
            try (CaptureTap tap = emulated.lanKernel().tap(Kernel.HOST, "lan0", PcapWriter.create(ef), PacketFilter.ALL)) {
                x.run(side(emulated), to -> emulatedExec.apply(x.client(), new String[] {"ping", "-c", "1", "-W", "1", to}));
            }
            try (NetnsTcpdump t = new NetnsTcpdump(real.loop(), real.lanNetns(), "lan0", rf)) {
                x.run(side(real), to -> realExec.apply(x.client(), new String[] {"ping", "-c", "1", "-W", "1", to}));
            }
            List<String> eh = FrameHeaders.read(ef);
            List<String> rh = FrameHeaders.read(rf);
            assertTrue(eh.size() >= 5 && rh.size() >= 5, "the exchange crossed lan0: " + eh + " / " + rh);
            for (int i = 0; i < Math.max(eh.size(), rh.size()); i++) {
                diff.compare("frame " + (i + 1) + " on lan0", i < eh.size() ? eh.get(i) : "-", i < rh.size() ? rh.get(i) : "-");
            }
        } finally {
            Files.deleteIfExists(ef);
            Files.deleteIfExists(rf);
            Files.delete(dir);
        }
    }
}
