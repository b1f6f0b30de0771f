package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.host.DockerHost;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.NetnsExec;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyLoader;
import dev.dockwire.wire.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapWriter;
import dev.dockwire.topology.TopologyException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential test of issue 9 (root only): each bundled topology that real mode builds, built
 * in the emulator ({@link World}) and on the real kernel ({@link RealWorld}, with the same outside:
 * LAN, masquerading router, internet) from the same file and seed, plus a container of the test's
 * publishing a port and a machine on the LAN; then compared:
 * <ul>
 * <li>per namespace its links, addresses and routes (kernel dumps; bridge and veth names, drawn
 *     from different random ids, replaced by their network and {@code veth*});</li>
 * <li>the ping matrix: our ping from each container to every address of every other container,
 *     the LAN router and example.com, against the real {@code ping} in the real namespace;</li>
 * <li>DNS answers as sets: our dig against the real {@code dig} asking the name server of the
 *     container's resolv.conf (the embedded 127.0.0.11, or the router);</li>
 * <li>a TCP connect matrix ({@link TcpProbes}: the same code on our socket API on both sides) and,
 *     for each connection, the source address and port (kept or translated) its receiver saw;</li>
 * <li>the header fields of each frame of a scripted exchange captured on a bridge
 *     ({@link FrameHeaders}: our capture tap against {@code tcpdump} in the real namespace).</li>
 * </ul>
 * Differences are printed side by side and fail the test; afterwards nothing with the test's
 * {@code dw-} prefix may be left. {@code -Ddw.diff.only=NAME} runs only the topologies whose
 * file name contains NAME.
 */
class RealDifferentialTest {
    static final String OUTSIDE = World.ROUTER.toString();
    static final String EXAMPLE_COM = World.INTERNET_NAMES.get("example.com");
    private static final String HOST = "host";
    private static final String LAPTOP = "laptop";
    static final String INTERNET = "internet";
    private static final Ipv4Address LAPTOP_ADDRESS = Ipv4Address.parse("192.168.1.20");
    /** A container of the test's own on the default bridge, publishing {@link #PUBLISHED_PORT} to the receivers' port. */
    private static final String PROBE_CONTAINER = "dwprobe";
    static final int PROBE_PORT = 7000;
    private static final int PUBLISHED_PORT = 7001;

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("the differential test (real namespaces)");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("iptables-restore");
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("dig");
    }

    /** The same file built on either side: a topology's networks and containers or a script's building lines. */
    record Input(String file, Topology topology, Script script, ComposeProject compose) {
        static Input of(String file) throws Exception {
            if (file.endsWith("/compose.yaml")) {
                return new Input(file, null, null, ComposeLoader.load(Path.of(file), null));
            }
            String text = Files.readString(Path.of(file));
            String base = Path.of(file).getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            return file.endsWith(".sh") ? new Input(file, null, ScriptParser.parse(file, base, text), null)
                    : new Input(file, TopologyLoader.parse(file, base, text), null, null);
        }

        long seed() {
            return topology != null ? topology.seed() : script != null ? script.seed() : compose.seed();
        }

        void build(DockerHost host) {
            if (topology != null) {
                Build.topology(host, file, topology, line -> { });
            } else if (script != null) {
                Build.script(host, file, script, line -> { });
            } else {
                Build.compose(host, Path.of(file), compose, Map.of(), line -> { });
            }
        }
    }

    /** Links, addresses and routes of {@code ns}, with random-derived device names normalized. */
    static List<String> view(Kernel k, String ns, Engine e) {
        Map<String, String> names = new HashMap<>();
        e.networks().forEach(n -> names.put(n.bridge(), "br(" + n.name() + ")"));
        java.util.function.UnaryOperator<String> dev = d -> d == null ? "-" : names.getOrDefault(d,
                d.matches("veth[0-9a-f]{7}") ? "veth*" : d);
        List<String> out = new ArrayList<>();
        k.links(ns).forEach(l -> out.add("link " + dev.apply(l.name()) + (l.up() ? " up" : " down") + " mtu " + l.mtu()));
        k.addresses(ns).forEach(a -> out.add("addr " + dev.apply(a.dev()) + " " + a.cidr()));
        k.routes(ns).forEach(r -> out.add("route " + r.dst() + (r.gateway() == 0 ? "" : " via "
                + Ipv4Address.format(r.gateway())) + " dev " + dev.apply(r.dev())
                + (r.kernel() ? " proto kernel" : "")));
        out.sort(null);
        return out;
    }

    /** Every address of every container, by container name. */
    static Map<String, List<String>> addresses(Engine e) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Container c : e.containers()) {
            List<String> a = new ArrayList<>();
            c.endpoints().values().stream().filter(ep -> ep.address() != null).forEach(ep -> a.add(ep.address().toString()));
            out.put(c.name(), a);
        }
        return out;
    }

    /**
     * The container the emulated side runs {@code c}'s probe programs in: {@code c} when it is a
     * netshoot (iputils ping, bind9 dig: the programs the real side runs in the namespace), else a
     * netshoot joined to its network namespace, since the real images lack them (alpine has no dig,
     * nginx neither ping nor dig) and dockwire runs only what an image has.
     */
    static String probeRunner(Function<String, CommandResult> docker, Container c) {
        if (c.image().startsWith("nicolaka/netshoot") || !c.running()) {
            return c.name();
        }
        String name = "dwtools-" + c.name();
        CommandResult r = docker.apply("docker run -d --name " + name + " --network container:" + c.name() + " nicolaka/netshoot sleep 1d");
        assertTrue(r.status() == 0, name + ": " + r.output());
        return name;
    }

    /** The first {@code nameserver} of a resolv.conf that {@code cat} printed. */
    static String nameserver(CommandResult cat) {
        return cat.output().stream().filter(l -> l.startsWith("nameserver ")).map(l -> l.substring(11).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no nameserver in " + cat.output()));
    }

    /** The IPv4 addresses among dig's lines, as a set. */
    static TreeSet<String> answers(List<String> lines) {
        TreeSet<String> out = new TreeSet<>();
        lines.stream().map(String::strip).filter(l -> l.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")).forEach(out::add);
        return out;
    }

    /** One world as the probes see it: its loop, engine, and the socket API of each place. */
    record Side(EventLoop loop, Engine engine, Function<String, Sockets> sockets) {
    }

    private static Side side(World w) {
        Engine e = w.engine();
        return new Side(w.emulation().loop(), e, place -> switch (place) {
            case HOST -> w.hostKernel().sockets(Kernel.HOST);
            case LAPTOP, INTERNET -> w.lanKernel().sockets(place);
            default -> w.hostKernel().sockets(e.container(place).netns());
        });
    }

    private static Side side(RealWorld w) {
        Engine e = w.engine();
        return new Side(w.loop(), e, place -> switch (place) {
            case HOST -> w.kernel().sockets(Kernel.HOST);
            case LAPTOP, INTERNET -> w.kernel().sockets(place);
            default -> w.kernel().sockets(e.container(place).netns());
        });
    }

    /**
     * The TCP probes of one topology: from every container and the host to every other container's
     * addresses, to the published probe port through the host's address (and loopback from the
     * host), to the internet's web server and a receiver behind it, to a machine on the LAN; and from
     * that LAN machine to the published port and to every container address.
     */
    private static List<TcpProbes.Probe> tcpProbes(Map<String, List<String>> addrs) {
        List<TcpProbes.Probe> out = new ArrayList<>();
        List<String> sources = new ArrayList<>(addrs.keySet());
        sources.add(HOST);
        for (String from : sources) {
            addrs.forEach((to, list) -> {
                if (!to.equals(from)) {
                    list.forEach(a -> out.add(new TcpProbes.Probe(from, to, a, PROBE_PORT)));
                }
            });
            out.add(new TcpProbes.Probe(from, "published", World.HOST_ADDRESS.address().toString(), PUBLISHED_PORT));
            if (from.equals(HOST)) {
                out.add(new TcpProbes.Probe(from, "published", "127.0.0.1", PUBLISHED_PORT));
            }
            out.add(new TcpProbes.Probe(from, "web", EXAMPLE_COM, 80));
            out.add(new TcpProbes.Probe(from, INTERNET, EXAMPLE_COM, PROBE_PORT));
            out.add(new TcpProbes.Probe(from, LAPTOP, LAPTOP_ADDRESS.toString(), PROBE_PORT));
        }
        out.add(new TcpProbes.Probe(LAPTOP, "published", World.HOST_ADDRESS.address().toString(), PUBLISHED_PORT));
        out.add(new TcpProbes.Probe(LAPTOP, HOST, World.HOST_ADDRESS.address().toString(), PROBE_PORT));
        addrs.forEach((to, list) -> list.forEach(a -> out.add(new TcpProbes.Probe(LAPTOP, to, a, PROBE_PORT))));
        return out;
    }

    /** Receivers on the probe port in every container, the internet and the LAN machine; then {@link #tcpProbes} run. */
    private static Map<TcpProbes.Probe, TcpProbes.Result> tcp(Side side, List<TcpProbes.Probe> probes) {
        try (TcpProbes p = new TcpProbes(side.loop())) {
            // One receiver per namespace: --network host containers share the host's.
            Map<String, String> byNetns = new TreeMap<>();
            side.engine().containers().forEach(c -> byNetns.putIfAbsent(c.netns(), c.name()));
            byNetns.values().forEach(name -> p.listen(side.sockets().apply(name), PROBE_PORT));
            p.listen(side.sockets().apply(INTERNET), PROBE_PORT);
            p.listen(side.sockets().apply(LAPTOP), PROBE_PORT);
            Map<TcpProbes.Probe, TcpProbes.Result> out = p.run(probes, side.sockets());
            // Let the closes finish (FINs, the web server's keep-alive ends) before anything else.
            side.loop().runFor(TimeUnit.MILLISECONDS.toNanos(500));
            return out;
        }
    }

    /**
     * The scripted exchange whose frames are compared: from {@code client}, one ping to
     * {@code peer} (on {@code network}, whose bridge is captured) and one to example.com, then a TCP
     * connection carrying a line to the peer's receiver and one to the internet's, one after another.
     */
    record Exchange(String network, String client, String peerName, String peer) {
        /** The first bridge network (by name) with two containers on it, or null. */
        static Exchange pick(Engine e) {
            List<Network> nets = new ArrayList<>(e.networks());
            nets.sort(java.util.Comparator.comparing(Network::name));
            for (Network n : nets) {
                if (n.driver() != Network.Driver.BRIDGE || n.bridge() == null) {
                    continue;
                }
                List<String[]> on = new ArrayList<>();
                for (Container c : e.containers()) {
                    Endpoint ep = c.endpoints().values().stream().filter(x -> x.network() == n && x.address() != null)
                            .findFirst().orElse(null);
                    if (ep != null) {
                        on.add(new String[] {c.name(), ep.address().toString()});
                    }
                }
                on.sort(java.util.Comparator.comparing(a -> a[0]));
                if (on.size() >= 2) {
                    return new Exchange(n.name(), on.get(0)[0], on.get(1)[0], on.get(1)[1]);
                }
            }
            return null;
        }

        String bridge(Engine e) {
            return e.networks().stream().filter(n -> n.name().equals(network)).findFirst().orElseThrow().bridge();
        }

        void run(Side side, java.util.function.Consumer<String> ping) {
            ping.accept(peer);
            ping.accept(EXAMPLE_COM);
            try (TcpProbes p = new TcpProbes(side.loop())) {
                p.listen(side.sockets().apply(peerName), PROBE_PORT);
                p.listen(side.sockets().apply(INTERNET), PROBE_PORT);
                p.run(List.of(new TcpProbes.Probe(client, peerName, peer, PROBE_PORT)), side.sockets());
                p.run(List.of(new TcpProbes.Probe(client, INTERNET, EXAMPLE_COM, PROBE_PORT)), side.sockets());
            }
            side.loop().runFor(TimeUnit.MILLISECONDS.toNanos(300)); // the last FIN's ACK
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"topologies/two-containers.yml", "topologies/frontnet-backnet.sh", "topologies/published-ports.sh",
        "topologies/slow-link.yml", "topologies/dns-captures.yml", "topologies/default-bridge.sh",
        "topologies/dns.sh", "topologies/host-none.sh", "topologies/http.sh", "topologies/macvlan.sh",
        "topologies/nginx-proxy.sh", "topologies/user-bridge.sh", "topologies/storefront.yml",
        "topologies/webapp/compose.yaml", "topologies/proxy/compose.yaml", "topologies/nginx-lb/compose.yaml",
        "topologies/scaled/compose.yaml", "topologies/healthcheck/compose.yaml"})
    void theEmulatorAndTheRealKernelAgree(String file) throws Exception {
        String only = System.getProperty("dw.diff.only");
        Assumptions.assumeTrue(only == null || file.contains(only), "-Ddw.diff.only=" + only);
        Input in = Input.of(file);
        SideBySide diff = new SideBySide();
        boolean embedded = false;
        try (World emulated = new World(in.seed(), EngineProfile.DOCKER_28);
             RealWorld real = new RealWorld(TestNamespaces.PREFIX + "diff.", in.seed(), EngineProfile.DOCKER_28, true)) {
            in.build(emulated.host());
            try {
                in.build(real.host());
            } catch (TopologyException e) {
                // e.g. "netem": the topology is fine, this kernel lacks the module (sch_netem).
                Assumptions.assumeFalse(e.getMessage().contains("qdisc kind is unknown"),
                        "this kernel cannot build " + file + ": " + e.getMessage());
                throw e;
            }
            for (DockerHost h : List.of(emulated.host(), real.host())) {
                CommandResult r = h.run("docker run -d --name " + PROBE_CONTAINER + " -p " + PUBLISHED_PORT + ":" + PROBE_PORT
                        + " nicolaka/netshoot sleep 1d");
                assertTrue(r.status() == 0, r.output().toString());
            }
            emulated.outside().machine(LAPTOP, LAPTOP_ADDRESS);
            real.outside().machine(LAPTOP, LAPTOP_ADDRESS);
            Engine ee = emulated.engine();
            Engine re = real.engine();
            Map<String, List<String>> addrs = addresses(ee);
            diff.compare("containers and addresses", addrs, addresses(re));

            diff.compare("netns host", view(emulated.hostKernel(), Kernel.HOST, ee), view(real.kernel(), Kernel.HOST, re));
            for (String name : addrs.keySet()) {
                diff.compare("netns of " + name, view(emulated.hostKernel(), ee.container(name).netns(), ee),
                        view(real.kernel(), re.container(name).netns(), re));
            }

            Map<String, String> runners = new HashMap<>();
            BiFunction<String, String[], CommandResult> emulatedExec = (ctr, argv) -> emulated.host().run("docker exec "
                    + runners.computeIfAbsent(ctr, n -> probeRunner(emulated.host()::run, ee.container(n))) + " " + String.join(" ", argv));
            BiFunction<String, String[], NetnsExec.Result> realExec = (ctr, argv) -> NetnsExec.run(real.loop(),
                    real.kernel().netnsName(re.container(ctr).netns()), 10_000, argv);
            for (String from : addrs.keySet()) {
                List<String> targets = new ArrayList<>();
                addrs.forEach((to, list) -> {
                    if (!to.equals(from)) {
                        targets.addAll(list);
                    }
                });
                targets.add(OUTSIDE);
                targets.add(EXAMPLE_COM);
                for (String to : targets) {
                    String[] ping = {"ping", "-c", "1", "-W", "1", to};
                    diff.compare("ping " + from + " -> " + to, emulatedExec.apply(from, ping).status() == 0
                            ? "reached" : "unreached", realExec.apply(from, ping).status() == 0 ? "reached" : "unreached");
                }
                // The real dig asks the name server the engine wrote into the container's
                // resolv.conf (the embedded 127.0.0.11 on user networks, else the host's: the router),
                // read from the engine: not every image has a cat (http-echo, whoami).
                String server = nameserver(CommandResult.ok(List.of(re.container(from).file("/etc/resolv.conf").split("\n"))));
                embedded |= server.equals("127.0.0.11");
                List<String> names = new ArrayList<>(addrs.keySet());
                names.add("example.com");
                for (String name : names) {
                    TreeSet<String> e = answers(emulatedExec.apply(from, new String[] {"dig", "+short", name}).output());
                    TreeSet<String> r = answers(realExec.apply(from,
                            new String[] {"dig", "+short", "+tries=1", "+time=2", "@" + server, name}).lines());
                    diff.compare("dig " + name + " in " + from + " (" + server + ")", e, r);
                }
            }

            List<TcpProbes.Probe> probes = tcpProbes(addrs);
            Map<TcpProbes.Probe, TcpProbes.Result> te = tcp(side(emulated), probes);
            Map<TcpProbes.Probe, TcpProbes.Result> tr = tcp(side(real), probes);
            for (TcpProbes.Probe p : probes) {
                diff.compare(p.label(), te.get(p).outcome(), tr.get(p).outcome());
                if (te.get(p).seenFrom() != null || tr.get(p).seenFrom() != null) {
                    diff.compare(p.label() + " seen from", String.valueOf(te.get(p).seenFrom()), String.valueOf(tr.get(p).seenFrom()));
                }
            }

            Exchange x = Exchange.pick(ee);
            if (x != null && ExternalTools.available("tcpdump")) {
                Path dir = Files.createTempDirectory("dw-diff");
                Path ef = dir.resolve("emulated.pcap");
                Path rf = dir.resolve("real.pcap");
                try (CaptureTap tap = emulated.hostKernel().tap(Kernel.HOST, x.bridge(ee), PcapWriter.create(ef), PacketFilter.ALL)) {
                    x.run(side(emulated), to -> emulatedExec.apply(x.client(), new String[] {"ping", "-c", "1", "-W", "1", to}));
                }
                try (NetnsTcpdump t = new NetnsTcpdump(real.loop(), real.kernel().netnsName(Kernel.HOST), x.bridge(re), rf)) {
                    x.run(side(real), to -> realExec.apply(x.client(), new String[] {"ping", "-c", "1", "-W", "1", to}));
                }
                List<String> eh = FrameHeaders.read(ef);
                List<String> rh = FrameHeaders.read(rf);
                if (!eh.equals(rh)) {
                    // Every frame with its time, sequence numbers and ACKs, the filtered ones too:
                    // what a wall-clock race looks like (a late ACK, a retransmission) shows there.
                    diff.evidence("all frames of the exchange, emulated:\n" + allFrames(ef) + "\nreal:\n" + allFrames(rf));
                }
                assertTrue(eh.size() >= 5 && rh.size() >= 5, "the exchange crossed br(" + x.network() + "): " + eh + " / " + rh);
                for (int i = 0; i < Math.max(eh.size(), rh.size()); i++) {
                    diff.compare("frame " + (i + 1) + " on br(" + x.network() + ")", i < eh.size() ? eh.get(i) : "-",
                            i < rh.size() ? rh.get(i) : "-");
                }
                Files.delete(ef);
                Files.delete(rf);
                Files.delete(dir);
            }
        }
        // Both worlds are closed: nothing real with the test's prefix may be left, even before the verdict.
        assertEquals(List.of(), TestNamespaces.left(), "namespaces left behind");
        assertTrue(ExternalTools.run("ip", "-o", "link", "show").stream().noneMatch(l -> l.contains(TestNamespaces.PREFIX)),
                "links left in the machine's namespace");
        diff.failIfAny(file);
        List<String> same = diff.agreements();
        assertTrue(same.stream().anyMatch(l -> l.startsWith("ping") && l.endsWith(": reached")), "no pair reached");
        assertTrue(same.stream().anyMatch(l -> l.startsWith("dig") && l.contains("(127.0.0.11)") && !l.endsWith("[]"))
                || !embedded, "no container name resolved");
        assertTrue(same.stream().anyMatch(l -> l.startsWith("tcp") && l.endsWith(": open")), "no TCP probe connected");
        assertTrue(same.stream().anyMatch(l -> l.startsWith("dig example.com") && l.endsWith("[" + EXAMPLE_COM + "]")),
                "no outside name resolved: " + same);
        assertTrue(same.stream().anyMatch(l -> l.contains("-> web " + EXAMPLE_COM + ":80: open")), "the internet's web server not reached");
        assertTrue(same.stream().anyMatch(l -> l.contains("seen from: " + World.ROUTER_WAN.address() + " same port")),
                "no masqueraded connection seen at the internet");
    }

    /** {@code tcpdump -nn -tt -r FILE}: every frame with its time, flags, sequence numbers and ACKs. */
    private static String allFrames(Path pcap) throws Exception {
        return String.join("\n", ExternalTools.run("tcpdump", "-nn", "-tt", "-r", pcap.toString()));
    }
}
