package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.tools.ConntrackCommand;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connection tracking on router r of {@link NatLab}, driven packet by packet through its hooks on
 * the virtual clock: states, timeouts, the TCP state machine, ASSURED, RELATED errors, INVALID
 * packets and a full table.
 */
class ConntrackTest {
    private static final long S = 1_000_000_000L;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;

    private final NatLab lab = new NatLab(21, true);
    private final Netfilter nf;
    private final NetDevice eth0;
    private final NetDevice eth1;

    ConntrackTest() {
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

    /** ip_forward's hooks for a packet from a's side (out) or c's side (back); true when it passed. */
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

    private ByteBuf tcpOut(int flags) {
        return TestPackets.tcp("10.0.0.2", 1000, "10.1.0.2", 80, flags, 100, 200);
    }

    private ByteBuf tcpBack(int flags) {
        return TestPackets.tcp("10.1.0.2", 80, "10.0.0.2", 1000, flags, 200, 101);
    }

    private List<String> conntrack() {
        List<String> out = new ConntrackCommand(lab.net.kernel, "r").run(List.of("-L")).output();
        return out.subList(0, out.size() - 1);
    }

    private void sleep(long seconds) {
        lab.net.loop().runFor(seconds * S);
    }

    private static final String TCP_TUPLES = "src=10.0.0.2 dst=10.1.0.2 sport=1000 dport=80 ";
    private static final String TCP_REPLY = "src=10.1.0.2 dst=10.0.0.2 sport=80 dport=1000 ";

    @Test
    void aTcpConnectionGoesThroughTheStatesWithTheirTimeoutsAndExpires() {
        assertTrue(out(tcpOut(SYN)));
        assertEquals(List.of("tcp      6 120 SYN_SENT " + TCP_TUPLES + "[UNREPLIED] " + TCP_REPLY + "mark=0 use=1"), conntrack());
        assertTrue(back(tcpBack(SYN | ACK)));
        assertEquals(List.of("tcp      6 60 SYN_RECV " + TCP_TUPLES + TCP_REPLY + "mark=0 use=1"), conntrack());
        assertTrue(out(tcpOut(ACK)));
        assertEquals(List.of("tcp      6 432000 ESTABLISHED " + TCP_TUPLES + TCP_REPLY + "[ASSURED] mark=0 use=1"), conntrack());
        sleep(1000);
        assertEquals(List.of("tcp      6 431000 ESTABLISHED " + TCP_TUPLES + TCP_REPLY + "[ASSURED] mark=0 use=1"), conntrack());
        assertTrue(out(tcpOut(FIN | ACK)));
        assertTrue(conntrack().get(0).startsWith("tcp      6 120 FIN_WAIT "), conntrack().toString());
        assertTrue(back(tcpBack(ACK)));
        assertTrue(conntrack().get(0).startsWith("tcp      6 60 CLOSE_WAIT "), conntrack().toString());
        assertTrue(back(tcpBack(FIN | ACK)));
        assertTrue(conntrack().get(0).startsWith("tcp      6 30 LAST_ACK "), conntrack().toString());
        assertTrue(out(tcpOut(ACK)));
        assertTrue(conntrack().get(0).startsWith("tcp      6 120 TIME_WAIT "), conntrack().toString());
        sleep(119);
        assertEquals(1, conntrack().size());
        sleep(1);
        assertEquals(List.of(), conntrack());
    }

    @Test
    void aResetClosesTheConnectionForTenSecondsAndANewSynReopensIt() {
        out(tcpOut(SYN));
        back(tcpBack(SYN | ACK));
        out(tcpOut(ACK));
        assertTrue(out(tcpOut(RST)));
        assertEquals(List.of("tcp      6 10 CLOSE " + TCP_TUPLES + TCP_REPLY + "[ASSURED] mark=0 use=1"), conntrack());
        assertTrue(out(tcpOut(SYN)), "a SYN after CLOSE starts over");
        assertEquals(List.of("tcp      6 120 SYN_SENT " + TCP_TUPLES + "[UNREPLIED] " + TCP_REPLY + "mark=0 use=1"), conntrack());
        back(tcpBack(RST | ACK));
        assertEquals(List.of(), conntrack(), "a reset as the only reply forgets the connection at once");
    }

    @Test
    void packetsThatFitNoStateAreInvalid() {
        assertFalse(back(tcpBack(SYN | ACK)), "a SYN/ACK nobody asked for");
        assertFalse(out(TestPackets.icmp("10.0.0.2", "10.1.0.2", 0, 0, 9)), "an echo reply without request");
        assertFalse(out(TestPackets.icmpError("10.0.0.2", "10.1.0.2", 3, 3,
                TestPackets.udp("10.1.0.2", 53, "10.0.0.2", 4000))), "an error about no known flow");
        assertEquals(List.of(), conntrack());
        assertEquals(3, nf.drops(Hook.FORWARD));
        assertTrue(out(tcpOut(ACK)), "mid-stream pickup (nf_conntrack_tcp_loose)");
        assertEquals(List.of("tcp      6 300 ESTABLISHED " + TCP_TUPLES + "[UNREPLIED] " + TCP_REPLY + "mark=0 use=1"), conntrack());
    }

    @Test
    void udpIsUnrepliedThenRepliedThenAnAssuredStreamAndExpires() {
        assertTrue(out(TestPackets.udp("10.0.0.2", 5000, "10.1.0.2", 53)));
        String tuples = "src=10.0.0.2 dst=10.1.0.2 sport=5000 dport=53 ";
        String reply = "src=10.1.0.2 dst=10.0.0.2 sport=53 dport=5000 ";
        assertEquals(List.of("udp      17 30 " + tuples + "[UNREPLIED] " + reply + "mark=0 use=1"), conntrack());
        assertFalse(back(TestPackets.udp("10.1.0.2", 53, "10.0.0.3", 5000)), "not a reply: NEW from the wrong side");
        assertTrue(back(TestPackets.udp("10.1.0.2", 53, "10.0.0.2", 5000)));
        assertEquals(List.of("udp      17 30 " + tuples + reply + "mark=0 use=1"), conntrack());
        sleep(3);
        assertTrue(out(TestPackets.udp("10.0.0.2", 5000, "10.1.0.2", 53)));
        assertEquals(List.of("udp      17 120 " + tuples + reply + "[ASSURED] mark=0 use=1"), conntrack());
        sleep(120);
        assertEquals(List.of(), conntrack());
        assertFalse(back(TestPackets.udp("10.1.0.2", 53, "10.0.0.2", 5000)), "expired: a late reply is NEW and refused");
    }

    @Test
    void pingIsTrackedByIdentifierAndErrorsAboutATrackedFlowAreRelated() {
        assertTrue(out(TestPackets.icmp("10.0.0.2", "10.1.0.2", 8, 0, 77)));
        assertTrue(back(TestPackets.icmp("10.1.0.2", "10.0.0.2", 0, 0, 77)));
        assertEquals(List.of("icmp     1 30 src=10.0.0.2 dst=10.1.0.2 type=8 code=0 id=77 src=10.1.0.2 dst=10.0.0.2 "
                + "type=0 code=0 id=77 mark=0 use=1"), conntrack());
        assertTrue(out(TestPackets.udp("10.0.0.2", 6000, "10.1.0.2", 9)));
        assertTrue(back(TestPackets.icmpError("10.1.0.2", "10.0.0.2", 3, 3,
                TestPackets.udp("10.0.0.2", 6000, "10.1.0.2", 9))), "RELATED to the UDP flow");
        assertFalse(back(TestPackets.icmpError("10.1.0.2", "10.0.0.3", 3, 3,
                TestPackets.udp("10.0.0.2", 6000, "10.1.0.2", 9))), "an error for someone else is INVALID");
        sleep(30);
        assertEquals(List.of(), conntrack());
    }

    @Test
    void aFullTableEvictsAnUnassuredFlowFirstThenDropsNewOnes() {
        lab.net.kernel.sysctl("r", "net.netfilter.nf_conntrack_max", "2");
        for (int port : new int[] {1, 2}) {
            out(TestPackets.udp("10.0.0.2", port, "10.1.0.2", 53));
            back(TestPackets.udp("10.1.0.2", 53, "10.0.0.2", port));
        }
        assertTrue(out(TestPackets.udp("10.0.0.2", 3, "10.1.0.2", 53)), "an unassured flow makes room");
        assertEquals(1, nf.conntrack().stats().earlyDrop);
        sleep(3);
        out(TestPackets.udp("10.0.0.2", 2, "10.1.0.2", 53));
        back(TestPackets.udp("10.1.0.2", 53, "10.0.0.2", 3));
        out(TestPackets.udp("10.0.0.2", 3, "10.1.0.2", 53));
        assertEquals(2, conntrack().stream().filter(l -> l.contains("[ASSURED]")).count());
        assertFalse(out(TestPackets.udp("10.0.0.2", 4, "10.1.0.2", 53)), "full of assured flows: dropped");
        assertEquals(1, nf.conntrack().stats().drop);
        assertTrue(nf.log().get(0).endsWith("nf_conntrack: nf_conntrack: table full, dropping packet"), nf.log().toString());
        assertEquals(2, nf.conntrack().count());
    }

    @Test
    void conntrackCountAndFlushLikeTheTool() {
        out(TestPackets.udp("10.0.0.2", 1, "10.1.0.2", 53));
        out(TestPackets.udp("10.0.0.2", 2, "10.1.0.2", 53));
        ConntrackCommand tool = new ConntrackCommand(lab.net.kernel, "r");
        assertEquals(List.of("2"), tool.run(List.of("-C")).output());
        assertEquals(List.of("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown."),
                tool.run(List.of("-L", "-p", "tcp")).output());
        assertEquals(3, tool.run(List.of("-L", "-p", "udp")).output().size());
        assertEquals(List.of("conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied."),
                tool.run(List.of("-F")).output());
        assertEquals(List.of("0"), tool.run(List.of("-C")).output());
    }
}
