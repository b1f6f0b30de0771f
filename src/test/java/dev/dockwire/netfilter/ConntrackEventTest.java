package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.tools.ConntrackFormat;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conntrack's events on router r of {@link NatLab}, packet by packet on the virtual clock, as
 * {@code conntrack -E} prints them: what the kernel's event cache reports for each step of a TCP
 * connection, a UDP stream, a ping, a reset, a flush and an expiry, and that a connection made
 * before anyone listened stays silent.
 */
class ConntrackEventTest {
    private static final long S = 1_000_000_000L;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;
    private static final String TCP = "src=10.0.0.2 dst=10.1.0.2 sport=1000 dport=80 ";
    private static final String TCP_REPLY = "src=10.1.0.2 dst=10.0.0.2 sport=80 dport=1000";

    private final NatLab lab = new NatLab(21, true);
    private final Netfilter nf;
    private final NetDevice eth0;
    private final NetDevice eth1;
    private final List<String> events = new ArrayList<>();

    ConntrackEventTest() {
        lab.restore("r", """
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :OUTPUT ACCEPT [0:0]
                -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                -A FORWARD -s 10.0.0.0/24 -m conntrack --ctstate NEW -j ACCEPT
                COMMIT
                """);
        nf = lab.net.kernel.netfilter("r");
        eth0 = lab.net.dev("r", "eth0");
        eth1 = lab.net.dev("r", "eth1");
    }

    private AutoCloseable listen() {
        return lab.net.kernel.conntrackEvents("r", e -> events.add(ConntrackFormat.event(e, false)));
    }

    private boolean out(ByteBuf p) {
        return pass(eth0, eth1, p);
    }

    private boolean back(ByteBuf p) {
        return pass(eth1, eth0, p);
    }

    private boolean pass(NetDevice in, NetDevice out, ByteBuf p) {
        boolean ok = nf.preRouting(in, p) && nf.forward(in, out, p) && nf.postRouting(in, out, p);
        if (ok) {
            p.release();
        }
        return ok;
    }

    private static ByteBuf tcpOut(int flags) {
        return TestPackets.tcp("10.0.0.2", 1000, "10.1.0.2", 80, flags, 100, 200);
    }

    private static ByteBuf tcpBack(int flags) {
        return TestPackets.tcp("10.1.0.2", 80, "10.0.0.2", 1000, flags, 200, 101);
    }

    private List<String> take() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }

    @Test
    void aTcpConnectionReportsEachStateChangeOnceAndItsFlush() throws Exception {
        try (AutoCloseable l = listen()) {
            out(tcpOut(SYN));
            assertEquals(List.of("    [NEW] tcp      6 120 SYN_SENT " + TCP + "[UNREPLIED] " + TCP_REPLY), take());
            out(tcpOut(SYN));
            assertEquals(List.of(), take(), "a retransmitted SYN changes nothing");
            back(tcpBack(SYN | ACK));
            assertEquals(List.of(" [UPDATE] tcp      6 60 SYN_RECV " + TCP + TCP_REPLY), take(), "REPLY and PROTOINFO in one message");
            out(tcpOut(ACK));
            assertEquals(List.of(" [UPDATE] tcp      6 432000 ESTABLISHED " + TCP + TCP_REPLY + " [ASSURED]"), take());
            out(tcpOut(ACK));
            back(tcpBack(ACK));
            assertEquals(List.of(), take(), "data in ESTABLISHED is not news");
            out(tcpOut(FIN | ACK));
            back(tcpBack(FIN | ACK));
            out(tcpOut(ACK));
            assertEquals(List.of(" [UPDATE] tcp      6 120 FIN_WAIT " + TCP + TCP_REPLY + " [ASSURED]",
                    " [UPDATE] tcp      6 30 LAST_ACK " + TCP + TCP_REPLY + " [ASSURED]",
                    " [UPDATE] tcp      6 120 TIME_WAIT " + TCP + TCP_REPLY + " [ASSURED]"), take());
            lab.net.loop().runFor(2 * S);
            assertEquals(1, lab.net.kernel.conntrackFlush("r"));
            List<String> flushed = take();
            assertEquals(1, flushed.size());
            assertTrue(flushed.get(0).matches("\\[DESTROY\\] tcp      6 118 TIME_WAIT " + TCP + TCP_REPLY
                    + " \\[ASSURED\\] \\[USERSPACE\\] portid=\\d+ progname=conntrack"), flushed.get(0));
        }
    }

    @Test
    void aResetAsTheOnlyReplyDestroysTheConnectionInStateClose() throws Exception {
        try (AutoCloseable l = listen()) {
            out(tcpOut(SYN));
            back(tcpBack(RST | ACK));
            assertEquals(List.of("    [NEW] tcp      6 120 SYN_SENT " + TCP + "[UNREPLIED] " + TCP_REPLY,
                    "[DESTROY] tcp      6 120 CLOSE " + TCP + "[UNREPLIED] " + TCP_REPLY), take());
        }
    }

    @Test
    void udpPingAndAnExpiryWithoutTimeout() throws Exception {
        try (AutoCloseable l = listen()) {
            String udp = "src=10.0.0.2 dst=10.1.0.2 sport=5000 dport=53 ";
            String udpReply = "src=10.1.0.2 dst=10.0.0.2 sport=53 dport=5000";
            out(TestPackets.udp("10.0.0.2", 5000, "10.1.0.2", 53));
            back(TestPackets.udp("10.1.0.2", 53, "10.0.0.2", 5000));
            lab.net.loop().runFor(3 * S);
            out(TestPackets.udp("10.0.0.2", 5000, "10.1.0.2", 53));
            assertEquals(List.of("    [NEW] udp      17 30 " + udp + "[UNREPLIED] " + udpReply,
                    " [UPDATE] udp      17 30 " + udp + udpReply,
                    " [UPDATE] udp      17 120 " + udp + udpReply + " [ASSURED]"), take(), "a stream once 2 s old");
            out(TestPackets.icmp("10.0.0.2", "10.1.0.2", 8, 0, 9));
            back(TestPackets.icmp("10.1.0.2", "10.0.0.2", 0, 0, 9));
            String icmp = "src=10.0.0.2 dst=10.1.0.2 type=8 code=0 id=9 ";
            String icmpReply = "src=10.1.0.2 dst=10.0.0.2 type=0 code=0 id=9";
            assertEquals(List.of("    [NEW] icmp     1 30 " + icmp + "[UNREPLIED] " + icmpReply,
                    " [UPDATE] icmp     1 30 " + icmp + icmpReply), take());
            lab.net.loop().runFor(31 * S);
            lab.net.kernel.conntrack("r");
            assertEquals(List.of("[DESTROY] icmp     1 " + icmp + icmpReply), take(),
                    "expired: no timeout (ctnetlink_dump_timeout skips a zero)");
        }
    }

    @Test
    void aConnectionOlderThanTheListenerAndOneAfterItsCloseStaySilent() throws Exception {
        out(tcpOut(SYN));
        AutoCloseable l = listen();
        back(tcpBack(SYN | ACK));
        lab.net.kernel.conntrackFlush("r");
        assertEquals(List.of(), take(), "no ecache extension: made while nobody listened");
        l.close();
        out(TestPackets.udp("10.0.0.2", 5000, "10.1.0.2", 53));
        assertEquals(List.of(), take());
    }
}
