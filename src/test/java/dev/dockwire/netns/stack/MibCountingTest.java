package dev.dockwire.netns.stack;

import static dev.dockwire.testing.TestNet.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the stack counts, read as /proc prints it ({@link MibReader}), after traffic whose counts Linux 6.1's
 * code fixes: a ping and its reply (icmp_rcv's InMsgs and ICMPMSG_MIB_INTYPE, __ip_make_skb's icmp_out_count,
 * ip_rcv_core's InOctets and ECN tally, ip_output's OutOctets), UDP to a closed port (NoPorts and the port
 * unreachable sent and received), a broadcast nobody hears (IgnoredMulti, InBcast, no ICMP), an unknown protocol
 * (InUnknownProtos, no InDelivers), forwarding (6.1's ip_forward_finish and ip_output both count a forwarded
 * packet's octets, ip_output its OutRequests), a TTL expiring and a destination without a route at the router.
 */
class MibCountingTest {
    /** A 4-byte echo: 8 bytes of ICMP header, 20 of IP. */
    private static final long PING = 32;

    private static TestNet lan() {
        TestNet net = new TestNet(5);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        return net;
    }

    /** a (10.0.0.0/24) — forwarding router r — c (10.1.0.0/24), as Ipv4StackTest's. */
    private static TestNet routed() {
        TestNet net = new TestNet(11);
        net.bridge("br0", null);
        net.bridge("br1", null);
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("c", "br1", "10.1.0.2/24", "10.1.0.1");
        net.node("r", "br0", "10.0.0.1/24", null);
        net.kernel.linkAdd(Kernel.HOST, LinkSpec.veth("rv1", null, "rtmp", null));
        net.kernel.linkSetMaster(Kernel.HOST, "rv1", "br1");
        net.kernel.linkSetUp(Kernel.HOST, "rv1", true);
        net.kernel.linkSetNetns(Kernel.HOST, "rtmp", "r");
        net.kernel.linkSetName("r", "rtmp", "eth1");
        net.kernel.addrAdd("r", "eth1", Cidr.parse("10.1.0.1/24"));
        net.kernel.linkSetUp("r", "eth1", true);
        net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
        return net;
    }

    private static Map<String, Long> mib(TestNet net, String ns) {
        Map<String, Long> out = new LinkedHashMap<>();
        MibReader.read(net.ns(ns).stack(), (group, name, value) -> out.put(group + ":" + name, value));
        return out;
    }

    /** The nonzero counters of {@code groups}, as {@code Group:Name=value}. */
    private static List<String> counted(TestNet net, String ns, String... groups) {
        List<String> g = List.of(groups);
        return mib(net, ns).entrySet().stream().filter(e -> e.getValue() != 0 && g.contains(e.getKey().split(":")[0]))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static void ping(TestNet net, String from, String to, int ttl) {
        PingSocket ping = net.ns(from).sockets().openRawIcmp();
        ByteBuf d = Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII);
        ping.send(ip(to), 1, d, ttl);
        d.release();
        net.loop().runUntilTime(net.loop().nanos() + 5_000_000_000L);
        ping.close();
    }

    private static void udp(TestNet net, String from, String to, int port) {
        UdpSocket s = net.ns(from).sockets().openUdp();
        ByteBuf d = Unpooled.copiedBuffer("x", StandardCharsets.US_ASCII);
        s.send(ip(to), port, d);
        d.release();
        net.loop().runUntilTime(net.loop().nanos() + 5_000_000_000L);
        s.close();
    }

    @Test
    void aDatagramOverTheMtuCountsItsFragmentsAndTheirReassembly() {
        TestNet net = lan();
        UdpSocket s = net.ns("a").sockets().openUdp();
        ByteBuf d = Unpooled.wrappedBuffer(new byte[3000]);
        s.send(ip("10.0.0.3"), 9999, d);
        net.loop().runUntilTime(net.loop().nanos() + 5_000_000_000L);
        s.close();
        // 3008 bytes of UDP in 1480-byte pieces: three fragments (ip_do_fragment), one datagram again at b (ip_defrag).
        assertEquals(List.of("Ip:FragOKs=1", "Ip:FragCreates=3"), counted(net, "a", "Ip").stream()
                .filter(c -> c.startsWith("Ip:Frag") || c.startsWith("Ip:Reasm")).toList());
        assertEquals(List.of("Ip:ReasmReqds=3", "Ip:ReasmOKs=1"), counted(net, "b", "Ip").stream()
                .filter(c -> c.startsWith("Ip:Frag") || c.startsWith("Ip:Reasm")).toList());
    }

    @Test
    void aPingCountsItsEchoAndReplyOnBothSides() {
        TestNet net = lan();
        ping(net, "a", "10.0.0.3", 0);
        assertEquals(List.of("Icmp:InMsgs=1", "Icmp:OutMsgs=1", "Icmp:OutEchos=1", "Icmp:InEchoReps=1", "IcmpMsg:InType0=1",
                "IcmpMsg:OutType8=1"), counted(net, "a", "Icmp", "IcmpMsg"));
        assertEquals(List.of("Icmp:InMsgs=1", "Icmp:OutMsgs=1", "Icmp:InEchos=1", "Icmp:OutEchoReps=1", "IcmpMsg:InType8=1",
                "IcmpMsg:OutType0=1"), counted(net, "b", "Icmp", "IcmpMsg"));
        assertEquals(List.of("Ip:InReceives=1", "Ip:InDelivers=1", "Ip:OutRequests=1", "IpExt:InOctets=" + PING,
                "IpExt:OutOctets=" + PING, "IpExt:InNoECTPkts=1"), counted(net, "b", "Ip", "IpExt"));
    }

    @Test
    void udpToAClosedPortCountsNoPortsAndThePortUnreachableBothWays() {
        TestNet net = lan();
        udp(net, "a", "10.0.0.3", 9999);
        assertEquals(List.of("Icmp:OutMsgs=1", "Icmp:OutDestUnreachs=1", "IcmpMsg:OutType3=1", "Udp:NoPorts=1"),
                counted(net, "b", "Icmp", "IcmpMsg", "Udp"));
        assertEquals(List.of("Icmp:InMsgs=1", "Icmp:InDestUnreachs=1", "IcmpMsg:InType3=1", "Udp:OutDatagrams=1"),
                counted(net, "a", "Icmp", "IcmpMsg", "Udp"));
        // The error quotes the 29-byte datagram: 20 + 8 + 29 bytes.
        assertEquals(57, mib(net, "a").get("IpExt:InOctets"));
    }

    @Test
    void aBroadcastNobodyHearsIsIgnoredMultiWithoutAnError() {
        TestNet net = lan();
        udp(net, "a", "10.0.0.255", 9999);
        assertEquals(List.of("Udp:IgnoredMulti=1"), counted(net, "b", "Icmp", "IcmpMsg", "Udp"));
        assertEquals(List.of("IpExt:InBcastPkts=1", "IpExt:InOctets=29", "IpExt:InBcastOctets=29", "IpExt:InNoECTPkts=1"),
                counted(net, "b", "IpExt"));
        assertEquals(List.of("IpExt:OutBcastPkts=1", "IpExt:OutOctets=29", "IpExt:OutBcastOctets=29"), counted(net, "a", "IpExt"));
    }

    @Test
    void aRouterCountsForwardedPacketsAs61Does() {
        TestNet net = routed();
        ping(net, "a", "10.1.0.2", 0);
        // Echo and reply forwarded: OutForwDatagrams, and (6.1's ip_output) OutRequests; their octets twice each.
        assertEquals(List.of("Ip:InReceives=2", "Ip:ForwDatagrams=2", "Ip:OutRequests=2", "IpExt:InOctets=" + 2 * PING,
                "IpExt:OutOctets=" + 4 * PING, "IpExt:InNoECTPkts=2"), counted(net, "r", "Ip", "IpExt", "Icmp"));
    }

    @Test
    void aRouterCountsTheErrorsItSends() {
        TestNet net = routed();
        ping(net, "a", "10.1.0.2", 1);
        ping(net, "a", "10.9.0.1", 0);
        assertEquals(List.of("Ip:InReceives=2", "Ip:OutRequests=2", "Icmp:OutMsgs=2", "Icmp:OutDestUnreachs=1",
                "Icmp:OutTimeExcds=1", "IcmpMsg:OutType3=1", "IcmpMsg:OutType11=1", "IpExt:InNoRoutes=1"),
                counted(net, "r", "Ip", "Icmp", "IcmpMsg", "IpExt").stream().filter(s -> !s.contains("Octets")
                        && !s.contains("ECT")).toList());
        assertEquals(List.of("Icmp:InMsgs=2", "Icmp:OutMsgs=2", "Icmp:InDestUnreachs=1", "Icmp:InTimeExcds=1",
                "Icmp:OutEchos=2", "IcmpMsg:InType3=1", "IcmpMsg:InType11=1", "IcmpMsg:OutType8=2"),
                counted(net, "a", "Icmp", "IcmpMsg"));
    }

    @Test
    void aTransferCountsItsNewDataOnceAndAnUnreadCloseIsAnAbort() {
        TcpLab.Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.pauseReading();
        ByteBuf data = Unpooled.wrappedBuffer(new byte[5000]);
        c.client().socket.write(data);
        lab.run(TcpLab.MS);
        c.client().socket.close();
        lab.run(TcpLab.MS);
        // 5000 bytes in 1448-byte segments (4) and the FIN: tcp_event_new_data_sent's TCPOrigDataSent; the SYN not.
        Tcp.Counters client = lab.tcp(lab.a).counters();
        assertEquals(5, client.origDataSent);
        assertEquals(0, client.abortOnClose);
        // The server never read: its close resets (tcp_close's data_was_unread) and sends no data.
        c.server().socket.close();
        lab.run(TcpLab.MS);
        Tcp.Counters server = lab.tcp(lab.b).counters();
        assertEquals(1, server.abortOnClose);
        assertEquals(0, server.origDataSent);
        assertEquals(1, server.outRsts);
    }

    @Test
    void noRouteOutIsOutNoRoutes() {
        TestNet net = new TestNet(1);
        net.kernel.netnsAdd("lonely");
        UdpSocket s = net.ns("lonely").sockets().openUdp();
        ByteBuf x = Unpooled.copiedBuffer("x", StandardCharsets.US_ASCII);
        try {
            s.send(ip("8.8.8.8"), 53, x);
        } catch (dev.dockwire.socket.SocketException expected) {
            // ENETUNREACH
        } finally {
            x.release();
        }
        assertEquals(List.of("Ip:OutNoRoutes=1"), counted(net, "lonely", "Ip", "Udp"));
    }
}
