package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestNet;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.ConntrackCommand;
import dev.dockwire.tools.IptablesCommand;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** NAT through router r of {@link NatLab}, checked at both ends and on the wire on both sides of r. */
class NatEndToEndTest {

    @Test
    void dnatOfAUdpPortReachesTheBackendAndTheReplyIsTranslatedBack() {
        NatLab lab = new NatLab(3, true);
        lab.restore("r", """
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.1.0.2:5353
                COMMIT
                """);
        lab.echo("c", 5353);
        assertEquals(List.of("10.0.0.1:53 re:q1"), lab.udp("a", 40000, "10.0.0.1", 53, "q1"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:40000 > 10.0.0.1:53",
                "udp 10.0.0.1:53 > 10.0.0.2:40000"), lab.flows("eth0"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:40000 > 10.1.0.2:5353",
                "udp 10.1.0.2:5353 > 10.0.0.2:40000"), lab.flows("eth1"));
    }

    private static final String MASQUERADE = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A POSTROUTING -s 10.0.0.0/24 -o eth1 -j MASQUERADE
            COMMIT
            """;

    @Test
    void masqueradeGivesTheRoutersOutAddressAndRepliesComeBack() {
        NatLab lab = new NatLab(4, false); // c has no route back to 10.0.0.0/24: only NAT makes replies work
        lab.restore("r", MASQUERADE);
        lab.echo("c", 7);
        assertEquals(List.of("10.1.0.2:7 re:hi"), lab.udp("a", 40000, "10.1.0.2", 7, "hi"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:40000 > 10.1.0.2:7",
                "udp 10.1.0.2:7 > 10.0.0.2:40000"), lab.flows("eth0"));
        NatLab.assertFlows(List.of(
                "udp 10.1.0.1:40000 > 10.1.0.2:7",
                "udp 10.1.0.2:7 > 10.1.0.1:40000"), lab.flows("eth1"));
        CommandResult ct = new ConntrackCommand(lab.net.kernel, "r").run(List.of("-L"));
        assertEquals(List.of("udp      17 28 src=10.0.0.2 dst=10.1.0.2 sport=40000 dport=7 src=10.1.0.2 dst=10.1.0.1 "
                        + "sport=7 dport=40000 mark=0 use=1",
                "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown."), ct.output());
    }

    @Test
    void aSourcePortTakenByAnotherFlowIsReallocated() {
        NatLab lab = new NatLab(5, false);
        lab.restore("r", MASQUERADE);
        lab.echo("c", 7);
        assertEquals(List.of("10.1.0.2:7 re:from a"), lab.udp("a", 5000, "10.1.0.2", 7, "from a"));
        assertEquals(List.of("10.1.0.2:7 re:from b"), lab.udp("b", 5000, "10.1.0.2", 7, "from b"));
        List<String> out = lab.flows("eth1");
        assertEquals("udp 10.1.0.1:5000 > 10.1.0.2:7", out.get(0), "the first flow keeps its port");
        Matcher m = Pattern.compile("udp 10\\.1\\.0\\.1:(\\d+) > 10\\.1\\.0\\.2:7").matcher(out.get(2));
        assertTrue(m.matches(), out.get(2));
        int port = Integer.parseInt(m.group(1));
        assertNotEquals(5000, port);
        assertTrue(port >= 1024 && port <= 65535, "port " + port);
        assertEquals("udp 10.1.0.2:7 > 10.1.0.1:" + port, out.get(3));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:5000 > 10.1.0.2:7", "udp 10.1.0.2:7 > 10.0.0.2:5000",
                "udp 10.0.0.3:5000 > 10.1.0.2:7", "udp 10.1.0.2:7 > 10.0.0.3:5000"), lab.flows("eth0"));
    }

    @Test
    void snatToAPortRangeHandsOutTheRangesPorts() {
        NatLab lab = new NatLab(6, false);
        lab.restore("r", MASQUERADE.replace("-A POSTROUTING -s 10.0.0.0/24 -o eth1 -j MASQUERADE",
                "-A POSTROUTING -o eth1 -p udp -j SNAT --to-source 10.1.0.1:2000-2001"));
        lab.echo("c", 7);
        assertEquals(1, lab.udp("a", 5000, "10.1.0.2", 7, "1").size());
        assertEquals(1, lab.udp("b", 5000, "10.1.0.2", 7, "2").size());
        List<String> out = lab.flows("eth1");
        assertEquals(List.of("udp 10.1.0.1:2000 > 10.1.0.2:7", "udp 10.1.0.1:2001 > 10.1.0.2:7"),
                List.of(out.get(0), out.get(2)).stream().sorted().toList());
        // No port left in the range: the third flow's tuple clashes and conntrack drops it at confirm.
        assertEquals(List.of(), lab.udp("a", 5001, "10.1.0.2", 7, "3"));
        assertEquals(1, lab.net.kernel.netfilter("r").conntrack().stats().insertFailed);
    }

    @Test
    void anIcmpErrorAboutAMasqueradedFlowIsRelatedAndTranslatedInside() {
        NatLab lab = new NatLab(7, false);
        lab.restore("r", MASQUERADE);
        assertEquals(List.of("ECONNREFUSED"), lab.connected("a", 41000, "10.1.0.2", 9999, "anyone?"));
        NatLab.assertFlows(List.of(
                "udp 10.1.0.1:41000 > 10.1.0.2:9999",
                "icmp 10.1.0.2 > 10.1.0.1 3/3 [udp 10.1.0.1:41000 > 10.1.0.2:9999]"), lab.flows("eth1"));
        NatLab.assertFlows(List.of(
                "udp 10.0.0.2:41000 > 10.1.0.2:9999",
                "icmp 10.1.0.2 > 10.0.0.2 3/3 [udp 10.0.0.2:41000 > 10.1.0.2:9999]"), lab.flows("eth0"));
    }

    private static final String DNAT_AND_REJECT = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.1.0.2:5353
            -A PREROUTING -d 10.0.0.1/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.1.0.2:8080
            COMMIT
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -p udp -m udp --dport 5353 -j REJECT --reject-with WITH
            -A FORWARD -p tcp -m tcp --dport 8080 -j REJECT --reject-with tcp-reset
            COMMIT
            """;

    @Test
    void rejectAfterDnatAnswersAsTheAddressTheClientUsed() {
        String[][] variants = {
            {"icmp-port-unreachable", "3/3", "ECONNREFUSED"},
            {"icmp-host-unreachable", "3/1", "EHOSTUNREACH"},
            {"icmp-net-unreachable", "3/0", "ENETUNREACH"},
            {"icmp-admin-prohibited", "3/13", "EHOSTUNREACH"},
            {"icmp-host-prohibited", "3/10", "EHOSTUNREACH"},
        };
        for (String[] v : variants) {
            NatLab lab = new NatLab(8, true);
            lab.restore("r", DNAT_AND_REJECT.replace("WITH", v[0]));
            assertEquals(List.of(v[2]), lab.connected("a", 42000, "10.0.0.1", 53, "q"), v[0]);
            NatLab.assertFlows(List.of(
                    "udp 10.0.0.2:42000 > 10.0.0.1:53",
                    "icmp 10.0.0.1 > 10.0.0.2 " + v[1] + " [udp 10.0.0.2:42000 > 10.0.0.1:53]"), lab.flows("eth0"));
            NatLab.assertFlows(List.of(), lab.flows("eth1"));
            assertEquals(1, lab.net.kernel.netfilter("r").drops(Hook.FORWARD), v[0]);
        }
    }

    @Test
    void aTcpResetFromRejectRefusesTheConnectionFromTheTranslatedAddress() {
        NatLab lab = new NatLab(9, true);
        lab.restore("r", DNAT_AND_REJECT.replace("WITH", "icmp-port-unreachable"));
        TcpSocket client = lab.net.ns("a").sockets().openTcp();
        client.bind(0, 43000);
        List<String> events = new ArrayList<>();
        client.connect(TestNet.ip("10.0.0.1"), 80, err -> events.add(String.valueOf(err)));
        lab.net.loop().runFor(1_000_000_000L);
        assertEquals(List.of("ECONNREFUSED"), events);
        NatLab.assertFlows(List.of(
                "tcp 10.0.0.2:43000 > 10.0.0.1:80 flags=0x2",
                "tcp 10.0.0.1:80 > 10.0.0.2:43000 flags=0x14"), lab.flows("eth0"));
        NatLab.assertFlows(List.of(), lab.flows("eth1"));
        client.close();
    }

    @Test
    void aTcpConnectionThroughMasqueradeIsTrackedUntilTimeWait() {
        NatLab lab = new NatLab(14, false);
        lab.restore("r", MASQUERADE);
        TcpListener listener = lab.net.ns("c").sockets().listenTcp(0, 80, 16);
        List<String> server = new ArrayList<>();
        listener.onAccept(s -> {
            s.onData(d -> {
                server.add(d.toString(StandardCharsets.US_ASCII));
                ByteBuf r = NatLab.text("ok");
                s.write(r);
                r.release();
            });
            s.onEof(s::close);
        });
        TcpSocket client = lab.net.ns("a").sockets().openTcp();
        client.bind(0, 44444);
        List<String> got = new ArrayList<>();
        client.onData(d -> got.add(d.toString(StandardCharsets.US_ASCII)));
        client.connect(TestNet.ip("10.1.0.2"), 80, err -> {
            ByteBuf hello = NatLab.text("hello");
            client.write(hello);
            hello.release();
        });
        lab.net.loop().runFor(1_000_000_000L);
        assertEquals(List.of("hello"), server);
        assertEquals(List.of("ok"), got);
        ConntrackCommand ct = new ConntrackCommand(lab.net.kernel, "r");
        String tuples = "src=10.0.0.2 dst=10.1.0.2 sport=44444 dport=80 src=10.1.0.2 dst=10.1.0.1 sport=80 dport=44444 ";
        assertEquals("tcp      6 431999 ESTABLISHED " + tuples + "[ASSURED] mark=0 use=1", ct.run(List.of("-L")).output().get(0));
        client.close();
        lab.net.loop().runFor(1_000_000_000L);
        assertEquals("tcp      6 119 TIME_WAIT " + tuples + "[ASSURED] mark=0 use=1", ct.run(List.of("-L")).output().get(0));
        for (String f : lab.flows("eth1")) {
            assertTrue(f.startsWith("tcp 10.1.0.1:44444 > 10.1.0.2:80") || f.startsWith("tcp 10.1.0.2:80 > 10.1.0.1:44444"), f);
        }
        lab.net.loop().runFor(120_000_000_000L);
        assertEquals(List.of("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown."), ct.run(List.of("-L")).output());
        listener.close();
    }

    @Test
    void ruleCountersGrowWithTrafficAndTheNatTableSeesOnlyFirstPackets() {
        NatLab lab = new NatLab(10, true);
        lab.restore("r", DNAT_AND_REJECT.replace("-A FORWARD -p udp -m udp --dport 5353 -j REJECT --reject-with WITH\n", "")
                .replace("-A FORWARD -p tcp", "-A FORWARD -p udp -j ACCEPT\n-A FORWARD -p tcp"));
        lab.echo("c", 5353);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, lab.udp("a", 44000, "10.0.0.1", 53, "q" + i).size());
        }
        IptablesCommand ipt = new IptablesCommand(lab.net.kernel, "r");
        List<String> nat = ipt.run("iptables", List.of("-t", "nat", "-L", "PREROUTING", "-n", "-v"), null).output();
        assertEquals("    1    30 DNAT       17   --  *      *       0.0.0.0/0            10.0.0.1             udp dpt:53 "
                + "to:10.1.0.2:5353", nat.get(2));
        List<String> filter = ipt.run("iptables", List.of("-L", "FORWARD", "-n", "-v", "-x"), null).output();
        assertEquals("Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)", filter.get(0));
        assertEquals("       6      189 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0           ",
                filter.get(2));
    }

    @Test
    void logWritesTheKernelsLineAndGoesOn() {
        NatLab lab = new NatLab(11, true);
        lab.restore("r", "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -p udp -j LOG --log-prefix \"fwd: \"\nCOMMIT\n");
        lab.echo("c", 7);
        assertEquals(1, lab.udp("a", 45000, "10.1.0.2", 7, "x").size());
        List<String> log = lab.net.kernel.netfilter("r").log();
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).matches("\\[ +\\d+\\.\\d{6}] fwd: IN=eth0 OUT=eth1 MAC=([0-9a-f]{2}:){13}[0-9a-f]{2} "
                + "SRC=10\\.0\\.0\\.2 DST=10\\.1\\.0\\.2 LEN=29 TOS=0x00 PREC=0x00 TTL=63 ID=\\d+ DF PROTO=UDP "
                + "SPT=45000 DPT=7 LEN=9 "), log.get(0));
        assertTrue(log.get(1).contains("fwd: IN=eth1 OUT=eth0 "), log.get(1));
    }

    @Test
    void dnatOfALocalProcessReroutesAndTheReplyComesFromTheOriginalAddress() {
        NatLab lab = new NatLab(12, true);
        lab.restore("a", "*nat\n:OUTPUT ACCEPT [0:0]\n"
                + "-A OUTPUT -d 10.9.9.9/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.0.0.3:7\nCOMMIT\n");
        lab.echo("b", 7);
        assertEquals(List.of("10.9.9.9:53 re:local"), lab.udp("a", 46000, "10.9.9.9", 53, "local"));
        NatLab.assertFlows(List.of(), lab.flows("eth0")); // straight to b on the LAN, not via the router
    }

    @Test
    void dnatToALocalAddressGoesThroughLoopbackAndBack() {
        NatLab lab = new NatLab(13, true);
        lab.restore("a", "*nat\n:OUTPUT ACCEPT [0:0]\n"
                + "-A OUTPUT -p udp -m udp --dport 53 -j DNAT --to-destination 10.0.0.2:5353\nCOMMIT\n");
        lab.echo("a", 5353);
        assertEquals(List.of("10.0.0.1:53 re:lo"), lab.udp("a", 47000, "10.0.0.1", 53, "lo"));
        NatLab.assertFlows(List.of(), lab.flows("eth0"));
    }

    /**
     * nf_defrag_ipv4: the router reassembles a's fragments before PREROUTING, so conntrack sees
     * one UDP datagram and MASQUERADE rewrites it; it leaves in fragments no larger than it came
     * in (frag_max_size), every one with the new source, and c's reply finds its way back.
     */
    @Test
    void fragmentedUdpIsReassembledForConntrackMasqueradedAndFragmentedAgain() {
        NatLab lab = new NatLab(4, false);
        lab.restore("r", MASQUERADE);
        lab.net.kernel.linkSetMtu("a", "eth0", 576);
        lab.echo("c", 7);
        String big = "x".repeat(1200);
        assertEquals(List.of("10.1.0.2:7 re:" + big), lab.udp("a", 40000, "10.1.0.2", 7, big));
        List<String> onEth1 = new ArrayList<>();
        for (MemoryCapture.Frame f : lab.capture.frames) {
            if (f.iface().equals("eth1")) {
                ByteBuf b = Unpooled.wrappedBuffer(f.bytes());
                Ipv4Packet ip = new Ipv4Packet().wrap(b, EthernetFrame.HEADER_LENGTH);
                if (b.getUnsignedShort(EthernetFrame.ETHERTYPE) == 0x0800) {
                    assertTrue(ip.verifyChecksum());
                    onEth1.add(Ipv4Address.format(ip.src()) + " > " + Ipv4Address.format(ip.dst()) + " len " + ip.totalLength()
                            + (ip.moreFragments() ? " MF" : "") + " off " + ip.fragmentOffset());
                }
            }
        }
        assertEquals(List.of(
                "10.1.0.1 > 10.1.0.2 len 572 MF off 0",
                "10.1.0.1 > 10.1.0.2 len 572 MF off 552",
                "10.1.0.1 > 10.1.0.2 len 124 off 1104",
                "10.1.0.2 > 10.1.0.1 len 1231 off 0"), onEth1);
    }
}
