package dev.dockwire.run;

import dev.dockwire.app.dns.DnsServer;
import dev.dockwire.app.http.HttpServer;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.swarm.SwarmDirectory;
import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.host.DockerHost;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one run emulates: a Docker host ({@code docker-host}) whose {@code eth0}
 * (192.168.1.10/24) sits on a LAN bridge with a home router at 192.168.1.1, the default gateway
 * and the host's name server. The router masquerades the LAN behind its WAN address 203.0.113.2
 * towards an emulated internet (203.0.113.1) that holds a web server (example.com at
 * 93.184.215.14 and the other names below) and public DNS servers (8.8.8.8, 1.1.1.1) knowing
 * the same names (and cdn.example.com with 80 addresses, too many for UDP). The router also routes
 * VLAN 10 of the LAN (192.168.10.1 on its eth0.10). Nothing leaves the process. The LAN and
 * internet ({@link Outside}) are built through their own kernel seam; the host's uplink is a veth from the LAN bridge moved into the host's namespace,
 * as a cable would be.
 */
public final class World implements AutoCloseable {
    public static final String HOST_NAME = "docker-host";
    public static final Cidr HOST_ADDRESS = Cidr.parse("192.168.1.10/24");
    public static final Ipv4Address ROUTER = Ipv4Address.parse("192.168.1.1");
    public static final Cidr ROUTER_WAN = Cidr.parse("203.0.113.2/24");
    /** The router's leg on VLAN 10 of the LAN (router on a stick): {@code eth0.10} with 192.168.10.1/24. */
    public static final Cidr ROUTER_VLAN10 = Cidr.parse("192.168.10.1/24");
    public static final Ipv4Address ISP = Ipv4Address.parse("203.0.113.1");
    /** Names the internet's DNS servers (and the router) answer, with their addresses. */
    public static final Map<String, String> INTERNET_NAMES = Map.of(
            "example.com", "93.184.215.14",
            "www.example.com", "93.184.215.14",
            "registry-1.docker.io", "54.227.20.253",
            "github.com", "140.82.121.4");
    public static final List<String> PUBLIC_DNS = List.of("8.8.8.8", "1.1.1.1");
    /** How many A records the name servers hold for cdn.example.com: more than a UDP answer carries. */
    public static final int CDN_ADDRESSES = 80;

    /** Names and addresses of the hosts when there are several: docker-host-1 at 192.168.1.11, -2 at .12, ... */
    public static final String MULTI_HOST_PREFIX = "docker-host-";
    public static final int MULTI_HOST_FIRST = 11;
    /** The most Docker hosts one LAN holds here (192.168.1.11-.99). */
    public static final int MAX_HOSTS = 89;

    /** One emulated Docker host: its name, eth0 address, kernel, dockerd and shell. */
    public record Node(String name, Cidr address, EmulatedKernel kernel, Engine engine, DockerHost shell) {
    }

    private final Emulation emulation;
    private final EmulatedKernel lanKernel;
    private final List<Node> nodes = new ArrayList<>();
    private final SwarmDirectory swarms = new SwarmDirectory();
    private final Outside outside;

    public World(long seed, EngineProfile profile) {
        this(seed, profile, true);
    }

    /** A world whose dockerd runs {@code profile} with the userland proxy on or off. */
    public World(long seed, EngineProfile profile, boolean userlandProxy) {
        this(seed, profile, userlandProxy, 1);
    }

    /**
     * A world with {@code hosts} Docker hosts on the LAN: one is {@code docker-host} at
     * 192.168.1.10 as always; several are {@code docker-host-1} at 192.168.1.11, {@code docker-host-2}
     * at .12, and so on, each with its own kernel (host namespace, docker0, iptables) and dockerd.
     */
    public World(long seed, EngineProfile profile, boolean userlandProxy, int hosts) {
        this(seed, profile, userlandProxy, hosts, 1, Pacing.VIRTUAL);
    }

    /**
     * As above, with the hosts spread over {@code subnets} LAN subnets that the router joins:
     * subnet 1 is the LAN (192.168.1.0/24, bridge lan0, the router's eth0); subnet k is
     * 192.168.k.0/24 on its own bridge {@code lan<k-1>} behind the router's {@code eth<k>} at
     * 192.168.k.1. Host i sits on subnet ((i - 1) mod subnets) + 1 at 192.168.k.(10 + i), its
     * default gateway that subnet's router address, so traffic between hosts of different subnets
     * (VXLAN included) is routed: one hop, TTL decremented. The loop is paced by {@code pacing}
     * ({@link Pacing#WALL} when a host's underlay is a real socket).
     */
    public World(long seed, EngineProfile profile, boolean userlandProxy, int hosts, int subnets, Pacing pacing) {
        checkShape(hosts, subnets);
        emulation = new Emulation(new EventLoop(pacing), new SeededRandom(seed));
        lanKernel = new EmulatedKernel(emulation, "lan");
        outside = new Outside(lanKernel, Kernel.HOST, emulation.loop());
        subnets(outside, subnets);
        for (int i = 1; i <= hosts; i++) {
            boolean one = hosts == 1;
            String name = hostName(i, hosts);
            Cidr address = hostAddress(i, hosts, subnets);
            EmulatedKernel kernel = new EmulatedKernel(emulation, one ? "host" : "host" + i);
            uplink(kernel, lanSide(i, hosts), address, lanBridge(i, subnets), gateway(i, subnets));
            Engine engine = new Engine(kernel, emulation.loop(), emulation.random(), profile, List.of(ROUTER.toString()));
            engine.userlandProxy(userlandProxy);
            engine.swarms(swarms, name);
            engine.start();
            nodes.add(new Node(name, address, kernel, engine, new DockerHost(engine, emulation.loop(), name)));
        }
        dev.dockwire.docker.engine.ProcessHost lanRouter = new dev.dockwire.docker.engine.ProcessHost() {
            @Override
            public Kernel kernel() {
                return lanKernel;
            }

            @Override
            public dev.dockwire.sim.SeededRandom random() {
                return emulation.random();
            }

            @Override
            public void sample(String metric, long nanos) {
            }
        };
        for (Node n : nodes) {
            n.shell().lan(lanRouter, "router");
            n.shell().sshHosts(target -> {
                Node other = node(target);
                return other == null ? null : other.shell();
            });
        }
    }

    /** Refuses a world of {@code hosts} hosts over {@code subnets} LAN subnets that cannot be built. */
    static void checkShape(int hosts, int subnets) {
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("hosts must be 1-" + MAX_HOSTS + ", got " + hosts);
        }
        if (subnets < 1 || subnets > Math.min(hosts, 9)) {
            throw new IllegalArgumentException("subnets must be 1-" + Math.min(hosts, 9) + ", got " + subnets);
        }
    }

    /** LAN subnets 2..{@code subnets} (bridge lan1, ...; the router's eth2, ... at 192.168.k.1), the same in every world. */
    static void subnets(Outside outside, int subnets) {
        for (int k = 2; k <= subnets; k++) {
            outside.subnet("lan" + (k - 1), "lan-router" + k, "eth" + k, Cidr.of(Ipv4Address.of(subnetBits(k) + 1), HOST_ADDRESS.prefixLength()));
        }
    }

    /** The name of host {@code i} (from 1) of {@code hosts}: docker-host alone, else docker-host-i. */
    static String hostName(int i, int hosts) {
        return hosts == 1 ? HOST_NAME : MULTI_HOST_PREFIX + i;
    }

    /** Host {@code i}'s eth0 address: 192.168.1.10/24 alone, else 192.168.k.(10 + i) on its subnet k. */
    static Cidr hostAddress(int i, int hosts, int subnets) {
        return hosts == 1 ? HOST_ADDRESS
                : Cidr.of(Ipv4Address.of(subnetBits(subnet(i, subnets)) + MULTI_HOST_FIRST - 1 + i), HOST_ADDRESS.prefixLength());
    }

    /** The LAN bridge's port for host {@code i}'s cable. */
    static String lanSide(int i, int hosts) {
        return hosts == 1 ? "lan-host" : "lan-host" + i;
    }

    /** The bridge of host {@code i}'s subnet: lan0, lan1, ... */
    static String lanBridge(int i, int subnets) {
        return "lan" + (subnet(i, subnets) - 1);
    }

    /** Host {@code i}'s default gateway: its subnet's router address. */
    static Ipv4Address gateway(int i, int subnets) {
        return Ipv4Address.of(subnetBits(subnet(i, subnets)) + 1);
    }

    private static int subnet(int i, int subnets) {
        return (i - 1) % subnets + 1;
    }

    /** The network address of LAN subnet {@code k}: 192.168.k.0. */
    private static int subnetBits(int k) {
        return HOST_ADDRESS.networkBits() + ((k - 1) << 8);
    }

    /**
     * The host of {@code names} (with {@code addresses}) that {@code query} means: its full name,
     * {@code hostN}, its number, or its address; -1 when none.
     */
    static int find(List<String> names, List<Cidr> addresses, String query) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(query) || query.equals("host" + (i + 1)) || query.equals(String.valueOf(i + 1))
                    || query.equals(addresses.get(i).address().toString())) {
                return i;
            }
        }
        return -1;
    }

    /** The host's uplink: the cable from its LAN bridge to its eth0, that subnet's router address as default gateway. */
    private void uplink(EmulatedKernel hostKernel, String lanSide, Cidr address, String bridge, Ipv4Address gateway) {
        outside.port(lanSide, "uplink", bridge);
        Namespace lan = lanKernel.namespace(Kernel.HOST);
        lan.moveDevice(lan.device("uplink"), hostKernel.namespace(Kernel.HOST));
        eth0(hostKernel, address, gateway);
    }

    /** The cable's end in a host ({@code uplink}) becomes its eth0 at {@code address}, default route via {@code gateway}. */
    static void eth0(Kernel hostKernel, Cidr address, Ipv4Address gateway) {
        hostKernel.linkSetName(Kernel.HOST, "uplink", "eth0");
        hostKernel.addrAdd(Kernel.HOST, "eth0", address);
        hostKernel.linkSetUp(Kernel.HOST, "eth0", true);
        hostKernel.routeAdd(Kernel.HOST, Cidr.parse("0.0.0.0/0"), gateway.bits(), "eth0");
    }

    public Emulation emulation() {
        return emulation;
    }

    /** The first (or only) Docker host's kernel. */
    public EmulatedKernel hostKernel() {
        return nodes.get(0).kernel();
    }

    /** Every Docker host, in order (one unless the run asked for several). */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * The Docker host called {@code name}: its full name ({@code docker-host-2}), {@code hostN},
     * its number, or its address; null when there is none.
     */
    public Node node(String name) {
        int i = find(nodes.stream().map(Node::name).toList(), nodes.stream().map(Node::address).toList(), name);
        return i < 0 ? null : nodes.get(i);
    }

    /** The kernel seam of the LAN, the router and the internet (namespaces {@code router}, {@code internet}). */
    public EmulatedKernel lanKernel() {
        return lanKernel;
    }

    /** The first (or only) Docker host's dockerd. */
    public Engine engine() {
        return nodes.get(0).engine();
    }

    /** The first (or only) Docker host's shell. */
    public DockerHost host() {
        return nodes.get(0).shell();
    }

    /** Ends the run: releases frames still in flight. */
    @Override
    public void close() {
        emulation.close();
    }

    /**
     * Makes {@code name} resolve to {@code address} on every name server of the outside world (the
     * LAN router's and the public resolvers). Its address answers nothing unless something listens.
     */
    public void addOutsideName(String name, String address) {
        outside.addName(name, address);
    }

    /** The LAN router's name server (the host's upstream). */
    public DnsServer dns() {
        return outside.dns();
    }

    /** The internet's web server (example.com and the other public names). */
    public HttpServer web() {
        return outside.web();
    }

    /** The LAN, router and internet around the hosts. */
    public Outside outside() {
        return outside;
    }
}
