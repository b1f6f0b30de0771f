package dev.dockwire.bench;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The path the NAT benchmark and its allocation test drive: a UDP socket in namespace {@code a}
 * (10.0.0.2) sends 18-byte datagrams (60-byte frames) through router {@code r} (eth0 10.0.0.1,
 * eth1 10.1.0.1) to a socket in {@code c} (10.1.0.2:9) that counts them. {@link Mode#DNAT}: a
 * sends to 10.0.0.1:9, a published port the router DNATs to 10.1.0.2:9; {@link Mode#MASQUERADE}:
 * a sends to 10.1.0.2:9 and the router masquerades it behind 10.1.0.1 (the kernel baseline's
 * path). Unbridged, each leg is a veth pair as in ../shared/baselines/kernel-paths.sh; bridged,
 * each leg is veth+bridge+veth as between Docker containers and the host. Once the first
 * datagrams went through (the second records the flow), every frame takes the router's flow table
 * (netns.stack.FlowTable): the conntrack entry refreshed, the rewrite with incremental checksums,
 * filter FORWARD's counters, forward; {@code -Ddockwire.flowtable=false} measures the slow path
 * (conntrack lookup, the hooks, ip_forward). The sender is a connected socket, as
 * the baseline's udpblast; the sink is {@link Sink#SOCKET} or, as the baseline's sink, a raw
 * PREROUTING DROP rule in {@code c} whose packet counter counts the arrivals ({@link Sink#DROP}).
 */
public final class NatUdpPath {
    /** Which translation the router applies. */
    public enum Mode { DNAT, MASQUERADE }

    /** Where the datagrams end in {@code c}. */
    public enum Sink { SOCKET, DROP }

    private static final String FILTER = """
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
            -A FORWARD -d 10.1.0.2/32 -p udp -m udp --dport 9 -j ACCEPT
            COMMIT
            """;
    public static final String DNAT_RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 9 -j DNAT --to-destination 10.1.0.2:9
            COMMIT
            """ + FILTER;
    public static final String MASQUERADE_RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A POSTROUTING -o eth1 -j MASQUERADE
            COMMIT
            """ + FILTER;
    public final TestNet net;
    private final UdpSocket sender;
    private final ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
    private final boolean dropSink;
    private long received;

    /**
     * The DNAT path over bridges (what the allocation test and the earlier figures use), or the one
     * system property {@code dockwire.natPath} names as {@code MODE,LEGS,SINK} (e.g.
     * {@code masquerade,veth,drop}: the kernel baseline's path), for {@link BuildsCompared}, which
     * makes each build's path with this constructor.
     */
    public NatUdpPath() {
        this(System.getProperty("dockwire.natPath", "dnat,bridge,socket").split(","));
    }

    private NatUdpPath(String[] path) {
        this(Mode.valueOf(path[0].toUpperCase(java.util.Locale.ROOT)), path[1].equals("bridge"),
                Sink.valueOf(path[2].toUpperCase(java.util.Locale.ROOT)));
    }

    public NatUdpPath(Mode mode, boolean bridged, Sink sink) {
        dropSink = sink == Sink.DROP;
        net = new TestNet(1);
        if (bridged) {
            net.bridge("br0", null);
            net.bridge("br1", null);
            net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
            net.node("c", "br1", "10.1.0.2/24", "10.1.0.1");
            net.node("r", "br0", "10.0.0.1/24", null);
            net.leg("r", "eth1", "br1", "10.1.0.1/24");
        } else {
            for (String ns : new String[] {"a", "r", "c"}) {
                net.kernel.netnsAdd(ns);
                net.kernel.linkSetUp(ns, "lo", true);
            }
            cable("a", "eth0", "r", "eth0");
            cable("r", "eth1", "c", "eth0");
            net.kernel.addrAdd("a", "eth0", Cidr.parse("10.0.0.2/24"));
            net.kernel.addrAdd("r", "eth0", Cidr.parse("10.0.0.1/24"));
            net.kernel.addrAdd("c", "eth0", Cidr.parse("10.1.0.2/24"));
            net.kernel.addrAdd("r", "eth1", Cidr.parse("10.1.0.1/24"));
            net.kernel.routeAdd("a", Cidr.parse("0.0.0.0/0"), TestNet.ip("10.0.0.1"), "eth0");
            net.kernel.routeAdd("c", Cidr.parse("0.0.0.0/0"), TestNet.ip("10.1.0.1"), "eth0");
        }
        net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
        net.kernel.iptablesRestore("r", mode == Mode.DNAT ? DNAT_RULES : MASQUERADE_RULES, false);
        if (dropSink) {
            net.kernel.iptablesRestore("c", "*raw\n-A PREROUTING -p udp -m udp --dport 9 -j DROP\nCOMMIT\n", false);
        } else {
            UdpSocket socket = net.ns("c").sockets().openUdp();
            socket.bind(0, 9);
            socket.onReceive((s, src, port, data) -> received++);
        }
        sender = net.ns("a").sockets().openUdp();
        sender.bind(0, 40000);
        sender.connect(TestNet.ip(mode == Mode.DNAT ? "10.0.0.1" : "10.1.0.2"), 9);
        // Resolve ARP on both legs and set up the connection before measuring.
        sendOne();
        sendOne();
    }

    /** A veth pair from {@code ns1}'s {@code if1} to {@code ns2}'s {@code if2}, both up. */
    private void cable(String ns1, String if1, String ns2, String if2) {
        String tmp = ns2 + "-" + if2;
        net.kernel.linkAdd(ns1, LinkSpec.veth(if1, null, tmp, null));
        net.kernel.linkSetNetns(ns1, tmp, ns2);
        net.kernel.linkSetName(ns2, tmp, if2);
        net.kernel.linkSetUp(ns1, if1, true);
        net.kernel.linkSetUp(ns2, if2, true);
    }

    public Netfilter router() {
        return net.kernel.netfilter("r");
    }

    public NetDevice routerIn() {
        return net.dev("r", "eth0");
    }

    /** Datagrams that reached the sink. */
    public long received() {
        return dropSink ? net.kernel.netfilter("c").drops(Hook.PREROUTING) : received;
    }

    /** Sends one datagram and runs the loop until it has been delivered (or dropped). */
    public void sendOne() {
        sender.send(payload);
        net.loop().drain();
    }

    /** Sends {@code n} datagrams (n under the backlog's 1000), then runs the loop until all are delivered. */
    public void sendBatch(int n) {
        for (int i = 0; i < n; i++) {
            sender.send(payload);
        }
        net.loop().drain();
    }

    public void close() {
        payload.release();
    }
}
