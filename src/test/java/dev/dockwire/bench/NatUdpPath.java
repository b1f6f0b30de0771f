package dev.dockwire.bench;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Netfilter;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The path the NAT benchmark and its allocation test drive: a UDP socket in namespace {@code a}
 * (10.0.0.2) sends 18-byte datagrams (60-byte frames) to 10.0.0.1:9, the address of router
 * {@code r}, which DNATs them to 10.1.0.2:9 in namespace {@code c}, a socket that counts them.
 * Once the first datagram went through, every frame is a conntrack hit: lookup, rewrite of the
 * destination with incremental checksums, filter FORWARD's ESTABLISHED rule, forward.
 */
public final class NatUdpPath {
    public static final String RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 9 -j DNAT --to-destination 10.1.0.2:9
            COMMIT
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
            -A FORWARD -d 10.1.0.2/32 -p udp -m udp --dport 9 -j ACCEPT
            COMMIT
            """;
    public final TestNet net;
    private final UdpSocket sender;
    private final ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
    private final int dst;
    public long received;

    public NatUdpPath() {
        net = new TestNet(1);
        net.bridge("br0", null);
        net.bridge("br1", null);
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("c", "br1", "10.1.0.2/24", "10.1.0.1");
        net.node("r", "br0", "10.0.0.1/24", null);
        net.kernel.linkAddVeth(Kernel.HOST, "rv1", null, "rtmp", null);
        net.kernel.linkSetMaster(Kernel.HOST, "rv1", "br1");
        net.kernel.linkSetUp(Kernel.HOST, "rv1", true);
        net.kernel.linkSetNetns(Kernel.HOST, "rtmp", "r");
        net.kernel.linkSetName("r", "rtmp", "eth1");
        net.kernel.addrAdd("r", "eth1", Cidr.parse("10.1.0.1/24"));
        net.kernel.linkSetUp("r", "eth1", true);
        net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
        net.kernel.iptablesRestore("r", RULES, false);
        UdpSocket sink = net.ns("c").sockets().openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> received++);
        sender = net.ns("a").sockets().openUdp();
        sender.bind(0, 40000);
        dst = TestNet.ip("10.0.0.1");
        // Resolve ARP on both legs and set up the connection before measuring.
        sendOne();
        sendOne();
    }

    public Netfilter router() {
        return net.kernel.netfilter("r");
    }

    public NetDevice routerIn() {
        return net.dev("r", "eth0");
    }

    /** Sends one datagram and runs the loop until it has been delivered (or dropped). */
    public void sendOne() {
        sender.send(dst, 9, payload);
        net.loop().drain();
    }

    /** Sends {@code n} datagrams (n under the backlog's 1000), then runs the loop until all are delivered. */
    public void sendBatch(int n) {
        for (int i = 0; i < n; i++) {
            sender.send(dst, 9, payload);
        }
        net.loop().drain();
    }

    public void close() {
        payload.release();
    }
}
