package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ipt_do_table: verdicts, jumps, RETURN, goto, policies and the counters each step leaves. */
class ChainTraversalTest {
    private final TestNet net = new TestNet(7);
    private final NetDevice eth0;

    ChainTraversalTest() {
        net.bridge("br0", null);
        net.node("h", "br0", "10.0.0.2/24", null);
        eth0 = net.dev("h", "eth0");
    }

    private Netfilter load(String filter) {
        net.kernel.iptablesRestore("h", "*filter\n" + filter + "COMMIT\n", false);
        return net.kernel.netfilter("h");
    }

    /** INPUT for a UDP packet to 10.0.0.2:{@code dport}: true when accepted. */
    private boolean input(Netfilter nf, int dport) {
        ByteBuf p = TestPackets.udp("10.0.0.9", 1000, "10.0.0.2", dport);
        boolean ok = nf.preRouting(eth0, p) && nf.localIn(eth0, p);
        if (ok) {
            p.release();
        }
        return ok;
    }

    private List<String> counters() {
        return List.of(net.kernel.iptablesSave("h", "filter", true).split("\n")).stream()
                .filter(l -> l.startsWith("[") || l.startsWith(":")).toList();
    }

    @Test
    void thePolicyDecidesWhenNoRuleDoesAndCountsWhatItDecided() {
        Netfilter nf = load(":INPUT DROP [0:0]\n-A INPUT -p udp --dport 53 -j ACCEPT\n");
        assertTrue(input(nf, 53));
        assertFalse(input(nf, 54));
        assertFalse(input(nf, 55));
        assertEquals(List.of(":INPUT DROP [2:64]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                "[1:32] -A INPUT -p udp -m udp --dport 53 -j ACCEPT"), counters());
        assertEquals(2, nf.drops(Hook.INPUT));
    }

    @Test
    void aJumpReturnsToTheRuleAfterItOnReturnOrAtTheEndOfTheChain() {
        Netfilter nf = load(":INPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n"
                + "-A INPUT -j A\n-A INPUT -p udp --dport 2 -j DROP\n"
                + "-A A -p udp --dport 1 -j RETURN\n-A A -j B\n-A A -p udp --dport 3 -j DROP\n"
                + "-A B -p udp --dport 4 -j DROP\n");
        assertTrue(input(nf, 1));   // RETURN from A, nothing else matches: policy
        assertFalse(input(nf, 2));  // back in INPUT after A
        assertFalse(input(nf, 3));  // B ends without verdict: back in A
        assertFalse(input(nf, 4));  // dropped deep in B
        assertTrue(input(nf, 5));
        assertEquals(List.of(":INPUT ACCEPT [2:64]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":A - [0:0]",
                ":B - [0:0]", "[5:160] -A INPUT -j A", "[1:32] -A INPUT -p udp -m udp --dport 2 -j DROP",
                "[1:32] -A A -p udp -m udp --dport 1 -j RETURN", "[4:128] -A A -j B",
                "[1:32] -A A -p udp -m udp --dport 3 -j DROP", "[1:32] -A B -p udp -m udp --dport 4 -j DROP"),
                counters());
    }

    @Test
    void aGotoDoesNotComeBackSoTheEndOfTheTargetChainReturnsToTheCallersCaller() {
        Netfilter nf = load(":INPUT DROP [0:0]\n:G - [0:0]\n:J - [0:0]\n"
                + "-A INPUT -p udp --dport 1 -g G\n-A INPUT -p udp --dport 2 -j J\n-A INPUT -j ACCEPT\n"
                + "-A J -g G\n-A G -p udp --dport 9 -j ACCEPT\n");
        assertFalse(input(nf, 1)); // end of G after a goto from INPUT: INPUT's policy
        assertTrue(input(nf, 2));  // J went to G; the end of G returns after "-j J" in INPUT
        assertEquals(List.of(":INPUT DROP [1:32]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":G - [0:0]",
                ":J - [0:0]", "[1:32] -A INPUT -p udp -m udp --dport 1 -g G",
                "[1:32] -A INPUT -p udp -m udp --dport 2 -j J", "[1:32] -A INPUT -j ACCEPT", "[0:0] -A G -p udp -m udp --dport 9 -j ACCEPT",
                "[1:32] -A J -g G"), counters());
    }

    @Test
    void returnInABuiltInChainAppliesThePolicyAndRulesWithoutTargetOnlyCount() {
        Netfilter nf = load(":INPUT DROP [0:0]\n-A INPUT -p udp\n-A INPUT -p udp --dport 7 -j RETURN\n-A INPUT -j ACCEPT\n");
        assertFalse(input(nf, 7));
        assertTrue(input(nf, 8));
        assertEquals(List.of(":INPUT DROP [1:32]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", "[2:64] -A INPUT -p udp",
                "[1:32] -A INPUT -p udp -m udp --dport 7 -j RETURN", "[1:32] -A INPUT -j ACCEPT"), counters());
    }

    @Test
    void hooksAreRegisteredOnlyWhileThereIsSomethingToDo() {
        assertNull(net.ns("h").nfHooks());
        net.kernel.iptablesRestore("h", "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n", false);
        assertNull(net.ns("h").nfHooks(), "a filter table of ACCEPT policies needs no hooks");
        net.kernel.iptables("h", List.of("-A", "INPUT", "-j", "ACCEPT"));
        assertSame(net.kernel.netfilter("h"), net.ns("h").nfHooks());
        net.kernel.iptables("h", List.of("-F"));
        assertNull(net.ns("h").nfHooks());
        net.kernel.iptables("h", List.of("-P", "FORWARD", "DROP"));
        assertSame(net.kernel.netfilter("h"), net.ns("h").nfHooks());
        net.kernel.iptables("h", List.of("-P", "FORWARD", "ACCEPT"));
        net.kernel.iptablesRestore("h", "*nat\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n", true);
        assertSame(net.kernel.netfilter("h"), net.ns("h").nfHooks(), "the nat table loads conntrack");
    }
}
