package dev.dockwire.run;

import dev.dockwire.host.DockerHost;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.swarm.SwarmDirectory;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.Libc;
import dev.dockwire.linux.Namespaces;
import dev.dockwire.linux.RealKernel;
import dev.dockwire.linux.RunRecord;
import dev.dockwire.netns.Emulation;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The real-kernel counterpart of {@link World}: a Docker host namespace ({@code PREFIX+host}) whose
 * {@code eth0} has World's address (192.168.1.10/24) and default route via 192.168.1.1, cabled to
 * the LAN bridge of the same {@link Outside} World has, made of real namespaces ({@code PREFIX+lan},
 * {@code PREFIX+router}, {@code PREFIX+internet}): the router masquerades with the real
 * iptables and answers DNS, the internet's web and name servers are our programs on real sockets,
 * and nothing leaves the machine. The engine runs on a wall-clock loop and its programs on real
 * sockets. Closing removes every namespace, unless {@link #keep} let go of them first.
 *
 * <p>With several hosts it is World's LAN of machines: the outside is its own kernel
 * ({@code PREFIX+lan.host} holds the LAN bridges, {@code PREFIX+lan.router}, ...), and each host
 * {@code docker-host-i} its own kernel ({@code PREFIX+docker-host-i.host}, its containers'
 * {@code PREFIX+docker-host-i.ID}) and dockerd, its eth0 cabled to the LAN bridge at World's address,
 * the dockerds in one swarm directory; everything is made in World's order, so the same seed draws
 * the same names, IDs and MACs. Every name starts with {@code PREFIX}, so {@code down --real} finds it.
 */
public final class RealWorld implements AutoCloseable {
    private static final String HEX = "0123456789ABCDEF";

    /** The namespace of World's LAN bridge ({@code lan0}) with one host; with several, the LAN kernel's prefix. */
    public static final String LAN = "lan";

    /** One real Docker host: its name, eth0 address, kernel, dockerd and shell. */
    public record Node(String name, Cidr address, RealKernel kernel, Engine engine, DockerHost shell) {
    }

    private final Emulation emulation;
    /** Every kernel made, in order: the LAN's first (with several hosts), then each host's. */
    private final List<RealKernel> kernels = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final SwarmDirectory swarms = new SwarmDirectory();
    private RealKernel lanKernel;
    private String lanNs;
    private Outside outside;

    public RealWorld(String prefix, long seed, EngineProfile profile, boolean userlandProxy) {
        this(prefix, seed, profile, userlandProxy, 1, 1);
    }

    /**
     * A world of {@code hosts} Docker hosts over {@code subnets} LAN subnets, as {@link World}
     * makes them; a failure halfway removes what was made.
     */
    public RealWorld(String prefix, long seed, EngineProfile profile, boolean userlandProxy, int hosts, int subnets) {
        World.checkShape(hosts, subnets);
        emulation = new Emulation(new EventLoop(Pacing.WALL), new SeededRandom(seed));
        try {
            if (hosts == 1) {
                RealKernel kernel = kernel(prefix);
                kernel.linkSetUp(Kernel.HOST, "lo", true);
                kernel.netnsAdd(LAN);
                lan(kernel, LAN);
                host(kernel, 1, hosts, subnets, profile, userlandProxy);
            } else {
                // World's order: the LAN kernel and the outside, then host after host.
                lan(kernel(prefix + LAN + "."), Kernel.HOST);
                World.subnets(outside, subnets);
                for (int i = 1; i <= hosts; i++) {
                    RealKernel kernel = kernel(prefix + World.hostName(i, hosts) + ".");
                    kernel.linkSetUp(Kernel.HOST, "lo", true);
                    host(kernel, i, hosts, subnets, profile, userlandProxy);
                }
            }
            for (Node n : nodes) {
                n.shell().sshHosts(target -> {
                    Node other = node(target);
                    return other == null ? null : other.shell();
                });
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private RealKernel kernel(String prefix) {
        RealKernel k = new RealKernel(prefix, emulation.random(), emulation.loop());
        kernels.add(k);
        return k;
    }

    /** The LAN, router and internet, built on {@code kernel} with the LAN bridge in {@code ns}. */
    private void lan(RealKernel kernel, String ns) {
        lanKernel = kernel;
        lanNs = ns;
        outside = new Outside(kernel, ns, emulation.loop());
    }

    /** Host {@code i}: its cable from the LAN bridge as eth0, then its dockerd (the hosts share a swarm directory). */
    private void host(RealKernel kernel, int i, int hosts, int subnets, EngineProfile profile, boolean userlandProxy) {
        String name = World.hostName(i, hosts);
        Cidr address = World.hostAddress(i, hosts, subnets);
        outside.port(World.lanSide(i, hosts), "uplink", World.lanBridge(i, subnets));
        lanKernel.linkSetNetns(lanNs, "uplink", kernel, Kernel.HOST);
        World.eth0(kernel, address, World.gateway(i, subnets));
        Engine engine = new Engine(kernel, emulation.loop(), emulation.random(), profile, List.of(World.ROUTER.toString()));
        engine.userlandProxy(userlandProxy);
        engine.swarms(swarms, name);
        engine.start();
        nodes.add(new Node(name, address, kernel, engine, new DockerHost(engine, emulation.loop(), name)));
    }

    /**
     * The names a real run of topology {@code name} gets: {@code dw-NAME.}, NAME with every byte
     * of its UTF-8 outside {@code [A-Za-z0-9_-]} written {@code %XX} (percent-encoding, so
     * {@code my_app}, {@code my.app} and {@code My-App} each get their own prefix and one run's
     * {@code down} never removes another's); the dot keeps one prefix from being the start of another.
     */
    public static String prefixFor(String name) {
        StringBuilder b = new StringBuilder("dw-");
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                b.append(c);
            } else {
                b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return b.append('.').toString();
    }

    /** The namespaces (/run/netns names) that start with {@code prefix}. */
    public static List<String> namespaces(String prefix) {
        return Namespaces.list().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** Removes the namespaces of the real run with {@code prefix} and its record; returns their names. */
    public static List<String> remove(String prefix) {
        List<String> removed = Namespaces.removeAll(prefix);
        RunRecord.forget(prefix);
        return removed;
    }

    /**
     * Removes the namespaces of every real run whose owner is gone (a finished {@code up}, a
     * crash, kill -9) and their records; a live run's (an {@code up --serve}, a test's, a build
     * under way) are kept and {@code kept} hears of each (its prefix and owner). Namespaces no run recorded are left
     * alone. Returns the names removed.
     */
    public static List<String> removeAllRuns(BiConsumer<String, String> kept) {
        return removeAllRuns("dw-", kept);
    }

    /** As {@link #removeAllRuns(BiConsumer)}, for the runs whose prefix starts with {@code under} only. */
    public static List<String> removeAllRuns(String under, BiConsumer<String, String> kept) {
        List<String> removed = new ArrayList<>();
        for (RunRecord.Run run : RunRecord.runs()) {
            if (!run.prefix().startsWith(under)) {
                continue;
            }
            if (run.alive()) {
                kept.accept(run.prefix(), run.owner());
            } else {
                removed.addAll(remove(run.prefix()));
            }
        }
        return removed;
    }

    /**
     * What an interrupted {@code up} does with the run being built on another thread: removes its
     * namespaces and refuses any more under {@code prefix} (the build thread's next one fails).
     */
    public static List<String> abandon(String prefix) {
        List<String> removed = Namespaces.seal(prefix);
        RunRecord.drop(prefix);
        return removed;
    }

    /** The effective uid dockwire runs as (0: root), -1 off Linux. */
    public static int euid() {
        return Libc.available() ? Libc.geteuid() : -1;
    }

    /** This world's namespaces (/run/netns names): per kernel, its others, then its host namespace. */
    public List<String> namespaceNames() {
        List<String> out = new ArrayList<>();
        for (RealKernel k : kernels) {
            k.namespaces().forEach(ns -> out.add(k.netnsName(ns)));
            out.add(k.netnsName(Kernel.HOST));
        }
        return out;
    }

    /** The first (or only) Docker host's kernel. */
    public RealKernel kernel() {
        return nodes.get(0).kernel();
    }

    /** The first (or only) Docker host's dockerd. */
    public Engine engine() {
        return nodes.get(0).engine();
    }

    /** The first (or only) Docker host's shell. */
    public DockerHost host() {
        return nodes.get(0).shell();
    }

    /** Every Docker host, in order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The Docker host called {@code name} (as {@link World#node} finds it); null when there is none. */
    public Node node(String name) {
        int i = World.find(nodes.stream().map(Node::name).toList(), nodes.stream().map(Node::address).toList(), name);
        return i < 0 ? null : nodes.get(i);
    }

    /** The kernel of the LAN, router and internet (namespaces {@code router}, {@code internet}): the host's with one host. */
    public RealKernel lanKernel() {
        return lanKernel;
    }

    /** The /run/netns name of the namespace holding the LAN bridges ({@code lan0}). */
    public String lanNetns() {
        return lanKernel.netnsName(lanNs);
    }

    /** The LAN, router and internet around the hosts. */
    public Outside outside() {
        return outside;
    }

    public EventLoop loop() {
        return emulation.loop();
    }

    /** Leaves the namespaces in place when this world closes ({@code up}); programs stop with the process. */
    public void keep() {
        kernels.forEach(RealKernel::detach);
    }

    /** Removes every namespace made, the hosts' (last first) before the LAN's. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = kernels.size() - 1; i >= 0; i--) {
            try {
                kernels.get(i).close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        emulation.close();
        if (first != null) {
            throw first;
        }
    }
}
