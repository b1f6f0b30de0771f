package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tracked flow's table walks remembered (WalkMemo): every packet is counted by the rules the
 * full walk counts and gets its verdict, and whatever a rule may test that the memo does not key
 * on makes the walk run again: a commit, a renamed device, the connection's state, a target
 * extension (LOG), a match on the namespace's addresses (addrtype).
 */
class WalkMemoTest {
    /** Loads conntrack (INVALID is dropped first, as Docker's rules do), so the packets carry a connection. */
    private static final String CT = "-A INPUT -m conntrack --ctstate INVALID -j DROP\n";
    private final TestNet net = new TestNet(7);
    private final NetDevice eth0;

    WalkMemoTest() {
        net.bridge("br0", null);
        net.node("h", "br0", "10.0.0.2/24", null);
        eth0 = net.dev("h", "eth0");
    }

    private Netfilter load(String filter) {
        net.kernel.iptablesRestore("h", "*filter\n" + filter + "COMMIT\n", false);
        return net.kernel.netfilter("h");
    }

    /** PREROUTING then INPUT for UDP 10.0.0.9:1000 to {@code dst}:9 from {@code in}: true when accepted. */
    private boolean input(Netfilter nf, NetDevice in, String dst) {
        ByteBuf p = TestPackets.udp("10.0.0.9", 1000, dst, 9);
        boolean ok = nf.preRouting(in, p) && nf.localIn(in, p);
        if (ok) {
            p.release();
        }
        return ok;
    }

    private List<String> counters() {
        return List.of(net.kernel.iptablesSave("h", "filter", true).split("\n")).stream()
                .filter(l -> l.startsWith("[") || l.startsWith(":INPUT")).toList();
    }

    @Test
    void everyPacketOfAFlowIsCountedByTheRulesTheWalkPassesThroughJumpsReturnsAndThePolicy() {
        Netfilter nf = load(":INPUT DROP [0:0]\n:A - [0:0]\n:B - [0:0]\n" + CT
                + "-A INPUT -p udp --dport 8 -j ACCEPT\n-A INPUT -j A\n-A INPUT -p tcp -j ACCEPT\n"
                + "-A A -m comment --comment skip -j B\n-A A -p udp -m multiport --dports 7,9 -j RETURN\n-A A -j ACCEPT\n"
                + "-A B -m conntrack --ctstate ESTABLISHED -j ACCEPT\n");
        for (int i = 0; i < 5; i++) {
            assertFalse(input(nf, eth0, "10.0.0.2")); // B ends, A returns, INPUT's policy drops
        }
        assertEquals(List.of(":INPUT DROP [5:160]", "[0:0] -A INPUT -m conntrack --ctstate INVALID -j DROP",
                "[0:0] -A INPUT -p udp -m udp --dport 8 -j ACCEPT", "[5:160] -A INPUT -j A", "[0:0] -A INPUT -p tcp -j ACCEPT",
                "[5:160] -A A -m comment --comment skip -j B", "[5:160] -A A -p udp -m multiport --dports 7,9 -j RETURN",
                "[0:0] -A A -j ACCEPT", "[0:0] -A B -m conntrack --ctstate ESTABLISHED -j ACCEPT"), counters());
        assertEquals(5, nf.drops(Hook.INPUT));
    }

    @Test
    void eachPacketReportsTheRuleThatDecidedAsTheFullWalkDoes() {
        List<String> decided = new java.util.ArrayList<>();
        net.emu.tracepoint().attach(new dev.dockwire.netns.stack.StackProbe() {
            @Override
            public void table(NfPacket p, Table t, int verdict) {
                decided.add(t.name() + " " + p.verdictChain.name() + " " + p.verdictRule + " " + verdict);
            }
        });
        Netfilter nf = load(":INPUT DROP [0:0]\n:A - [0:0]\n" + CT + "-A INPUT -j A\n-A A -p udp --dport 9 -j ACCEPT\n");
        for (int i = 0; i < 3; i++) {
            assertTrue(input(nf, eth0, "10.0.0.2"));
        }
        load(":INPUT DROP [0:0]\n" + CT);
        for (int i = 0; i < 2; i++) {
            assertFalse(input(nf, eth0, "10.0.0.2"));
        }
        assertEquals(List.of("filter A 0 1", "filter A 0 1", "filter A 0 1", "filter INPUT -1 0", "filter INPUT -1 0"), decided);
    }

    @Test
    void aCommitTakesEffectOnTheNextPacket() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n" + CT + "-A INPUT -p udp --dport 9 -j ACCEPT\n");
        assertTrue(input(nf, eth0, "10.0.0.2"));
        assertTrue(input(nf, eth0, "10.0.0.2"));
        net.kernel.iptablesRestore("h", "*filter\n-I INPUT 2 -p udp -j DROP\nCOMMIT\n", true);
        assertFalse(input(nf, eth0, "10.0.0.2"));
        assertEquals(List.of(":INPUT ACCEPT [0:0]", "[0:0] -A INPUT -m conntrack --ctstate INVALID -j DROP",
                "[1:32] -A INPUT -p udp -j DROP", "[2:64] -A INPUT -p udp -m udp --dport 9 -j ACCEPT"), counters());
    }

    @Test
    void aRenamedDeviceIsMatchedByItsNewName() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n" + CT + "-A INPUT -i wan0 -j DROP\n");
        assertTrue(input(nf, eth0, "10.0.0.2"));
        assertTrue(input(nf, eth0, "10.0.0.2"));
        net.kernel.linkSetUp("h", "eth0", false);
        net.kernel.linkSetName("h", "eth0", "wan0");
        assertFalse(input(nf, eth0, "10.0.0.2"));
        assertEquals("[1:32] -A INPUT -i wan0 -j DROP", counters().get(2));
    }

    @Test
    void theConnectionsStateIsPartOfWhatTheWalkDependsOn() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n" + CT + "-A INPUT -m conntrack --ctstate ESTABLISHED -j DROP\n");
        assertTrue(input(nf, eth0, "10.0.0.2")); // NEW, twice: no reply yet
        assertTrue(input(nf, eth0, "10.0.0.2"));
        ByteBuf reply = TestPackets.udp("10.0.0.2", 9, "10.0.0.9", 1000);
        assertTrue(nf.localOut(eth0, reply) && nf.postRouting(null, eth0, reply));
        reply.release();
        assertFalse(input(nf, eth0, "10.0.0.2")); // ESTABLISHED now
        assertEquals("[1:32] -A INPUT -m conntrack --ctstate ESTABLISHED -j DROP", counters().get(2));
    }

    @Test
    void aTargetExtensionActsOnEveryPacket() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n" + CT + "-A INPUT -p udp -j LOG --log-prefix \"in: \"\n");
        for (int i = 0; i < 3; i++) {
            assertTrue(input(nf, eth0, "10.0.0.2"));
        }
        assertEquals(3, nf.log().stream().filter(l -> l.contains("in: ")).count());
        assertEquals("[3:96] -A INPUT -p udp -j LOG --log-prefix \"in: \"", counters().get(2));
    }

    @Test
    void aMatchOnTheNamespacesAddressesIsTestedOnEveryPacket() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n" + CT + "-A INPUT -m addrtype --dst-type LOCAL -j DROP\n");
        assertTrue(input(nf, eth0, "10.0.0.50"));
        assertTrue(input(nf, eth0, "10.0.0.50"));
        net.kernel.addrAdd("h", "eth0", Cidr.parse("10.0.0.50/32"));
        assertFalse(input(nf, eth0, "10.0.0.50"));
    }
}
