package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.NetnsExec;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.tools.CommandResult;
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
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential test of issue 9 (root only): a bundled topology built in the emulator
 * ({@link World}) and on the real kernel ({@link RealWorld}) from the same file and seed, then
 * compared — per namespace its links, addresses and routes (through the kernel dumps, with
 * bridge and veth names, which come from differently drawn random ids, replaced by their network
 * and {@code veth*}), the reachability matrix (our ping from each container to every address of
 * every other container and to the LAN router, against the real {@code ping} in the real
 * namespace), and DNS answers through the embedded resolver as sets (our dig against the real
 * {@code dig @127.0.0.11}). Differences are printed side by side and fail the test.
 */
class RealDifferentialTest {
    private static final String OUTSIDE = World.ROUTER.toString();

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
    private record Input(String file, Topology topology, Script script) {
        static Input of(String file) throws Exception {
            String text = Files.readString(Path.of(file));
            String base = Path.of(file).getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            return file.endsWith(".sh") ? new Input(file, null, ScriptParser.parse(file, base, text))
                    : new Input(file, TopologyLoader.parse(file, base, text), null);
        }

        long seed() {
            return topology != null ? topology.seed() : script.seed();
        }

        void build(DockerHost host) {
            if (topology != null) {
                Build.topology(host, file, topology, line -> { });
            } else {
                Build.script(host, file, script, line -> { });
            }
        }
    }

    /** Rows that differ, printed as {@code what | emulated | real}. */
    private static final class SideBySide {
        private final List<String[]> rows = new ArrayList<>();
        /** What both sides agreed on, for the printed summary (and to show the test compared something). */
        private final List<String> same = new ArrayList<>();

        void compare(String what, Object emulated, Object real) {
            if (emulated.equals(real)) {
                same.add(what + ": " + emulated);
            }
            if (!emulated.equals(real)) {
                rows.add(new String[] {what, String.valueOf(emulated), String.valueOf(real)});
            }
        }

        void failIfAny(String file) {
            System.out.println(file + ": " + same.size() + " agreements\n  " + String.join("\n  ", same));
            if (rows.isEmpty()) {
                return;
            }
            int w0 = "what".length();
            int w1 = "emulated".length();
            for (String[] r : rows) {
                w0 = Math.max(w0, r[0].length());
                w1 = Math.max(w1, r[1].length());
            }
            StringBuilder sb = new StringBuilder(file + ": the emulator and the real kernel differ\n");
            String fmt = "%-" + w0 + "s | %-" + w1 + "s | %s%n";
            sb.append(String.format(fmt, "what", "emulated", "real"));
            rows.forEach(r -> sb.append(String.format(fmt, (Object[]) r)));
            System.out.println(sb);
            fail(sb.toString());
        }
    }

    /** Links, addresses and routes of {@code ns}, with random-derived device names normalized. */
    private static List<String> view(Kernel k, String ns, Engine e) {
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
    private static Map<String, List<String>> addresses(Engine e) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Container c : e.containers()) {
            List<String> a = new ArrayList<>();
            c.endpoints().values().stream().filter(ep -> ep.address() != null).forEach(ep -> a.add(ep.address().toString()));
            out.put(c.name(), a);
        }
        return out;
    }

    private static boolean onUserNetwork(Container c) {
        return c.endpoints().values().stream().map(Endpoint::network).map(Network::name).anyMatch(n -> !n.equals("bridge"));
    }

    /** The IPv4 addresses among dig's lines, as a set. */
    private static TreeSet<String> answers(List<String> lines) {
        TreeSet<String> out = new TreeSet<>();
        lines.stream().map(String::strip).filter(l -> l.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")).forEach(out::add);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"topologies/two-containers.yml", "topologies/frontnet-backnet.sh", "topologies/published-ports.sh"})
    void theEmulatorAndTheRealKernelAgree(String file) throws Exception {
        Input in = Input.of(file);
        SideBySide diff = new SideBySide();
        try (World emulated = new World(in.seed(), EngineProfile.DOCKER_28);
             RealWorld real = new RealWorld(TestNamespaces.PREFIX + "diff.", in.seed(), EngineProfile.DOCKER_28, true)) {
            in.build(emulated.host());
            in.build(real.host());
            Engine ee = emulated.engine();
            Engine re = real.engine();
            Map<String, List<String>> addrs = addresses(ee);
            diff.compare("containers and addresses", addrs, addresses(re));

            diff.compare("netns host", view(emulated.hostKernel(), Kernel.HOST, ee), view(real.kernel(), Kernel.HOST, re));
            for (String name : addrs.keySet()) {
                diff.compare("netns of " + name, view(emulated.hostKernel(), ee.container(name).netns(), ee),
                        view(real.kernel(), re.container(name).netns(), re));
            }

            BiFunction<String, String[], CommandResult> emulatedExec = (ctr, argv) ->
                    emulated.host().run("docker exec " + ctr + " " + String.join(" ", argv));
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
                for (String to : targets) {
                    String[] ping = {"ping", "-c", "1", "-W", "1", to};
                    diff.compare("ping " + from + " -> " + to, emulatedExec.apply(from, ping).status() == 0
                            ? "reached" : "unreached", realExec.apply(from, ping).status() == 0 ? "reached" : "unreached");
                }
                if (!onUserNetwork(ee.container(from))) {
                    continue;
                }
                for (String name : addrs.keySet()) {
                    TreeSet<String> e = answers(emulatedExec.apply(from, new String[] {"dig", "+short", name}).output());
                    TreeSet<String> r = answers(realExec.apply(from,
                            new String[] {"dig", "+short", "+tries=1", "+time=2", "@127.0.0.11", name}).lines());
                    diff.compare("dig " + name + " in " + from, e, r);
                }
            }
        }
        diff.failIfAny(file);
        assertTrue(diff.same.stream().anyMatch(l -> l.startsWith("ping") && l.endsWith(": reached")), "no pair reached");
        assertTrue(diff.same.stream().anyMatch(l -> l.startsWith("dig") && !l.endsWith("[]")), "no name resolved");
    }
}
