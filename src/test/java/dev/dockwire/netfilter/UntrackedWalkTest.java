package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw PREROUTING walk of packets without a connection remembered per flow (UntrackedWalk) and
 * replayed before the packet is loaded: every packet counted by the rules the full walk counts,
 * with its verdict and the hook's drop counter; and whatever the memo does not key on makes the
 * walk run again: a commit, a renamed device, another device, another flow, ICMP, a target
 * extension, a tracepoint attached; an accepted packet is loaded afresh by the next hook.
 */
class UntrackedWalkTest {
    private final TestNet net = new TestNet(7);
    private final NetDevice eth0;

    UntrackedWalkTest() {
        net.bridge("br0", null);
        net.node("h", "br0", "10.0.0.2/24", null);
        eth0 = net.dev("h", "eth0");
    }

    private Netfilter load(String table, String rules) {
        net.kernel.iptablesRestore("h", "*" + table + "\n" + rules + "COMMIT\n", false);
        return net.kernel.netfilter("h");
    }

    /** PREROUTING for UDP 10.0.0.9:{@code sport} to 10.0.0.2:9 from {@code in}: true when accepted. */
    private static boolean pre(Netfilter nf, NetDevice in, int sport) {
        ByteBuf p = TestPackets.udp("10.0.0.9", sport, "10.0.0.2", 9);
        boolean ok = nf.preRouting(in, p);
        if (ok) {
            p.release();
        }
        return ok;
    }

    private List<String> counters(String table) {
        return List.of(net.kernel.iptablesSave("h", table, true).split("\n")).stream()
                .filter(l -> l.startsWith("[") || l.startsWith(":PREROUTING") || l.startsWith(":INPUT")).toList();
    }

    @Test
    void aFlowsPacketsAreCountedAndDroppedByTheReplayedWalkAsByTheFullOne() {
        Netfilter nf = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -j DROP\n"
                + "-A PREROUTING -p udp -m udp --dport 8 -j DROP\n-A PREROUTING -p udp -m udp --dport 9 -j DROP\n");
        for (int i = 0; i < 5; i++) {
            assertFalse(pre(nf, eth0, 1000));
        }
        assertEquals(4, nf.rawWalkReplays()); // the first packet walks, the next four replay
        assertEquals(5, nf.drops(Hook.PREROUTING));
        assertEquals(List.of(":PREROUTING ACCEPT [0:0]", "[0:0] -A PREROUTING -p tcp -j DROP",
                "[0:0] -A PREROUTING -p udp -m udp --dport 8 -j DROP", "[5:160] -A PREROUTING -p udp -m udp --dport 9 -j DROP"),
                counters("raw"));
    }

    @Test
    void anAcceptedPacketIsCountedByThePolicyAndLoadedAfreshByTheNextHook() {
        Netfilter nf = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -p udp -m udp --dport 7 -j DROP\n");
        load("filter", ":INPUT ACCEPT [0:0]\n-A INPUT -s 10.0.0.9/32 -p udp -m udp --sport 1001 -j DROP\n");
        for (int sport : new int[] {1000, 1000, 1000, 1001, 1001, 1001}) {
            ByteBuf p = TestPackets.udp("10.0.0.9", sport, "10.0.0.2", 9);
            assertTrue(nf.preRouting(eth0, p));
            if (nf.localIn(eth0, p) == (sport == 1000)) {
                if (sport == 1000) {
                    p.release();
                }
            } else {
                throw new AssertionError("INPUT's verdict for source port " + sport);
            }
        }
        assertEquals(4, nf.rawWalkReplays());
        assertEquals(List.of(":PREROUTING ACCEPT [6:192]", "[0:0] -A PREROUTING -p udp -m udp --dport 7 -j DROP"), counters("raw"));
        assertEquals(List.of(":INPUT ACCEPT [3:96]", "[3:96] -A INPUT -s 10.0.0.9/32 -p udp -m udp --sport 1001 -j DROP"),
                counters("filter"));
    }

    @Test
    void aCommitTakesEffectOnTheNextPacket() {
        Netfilter nf = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -p udp -m udp --dport 9 -j DROP\n");
        assertFalse(pre(nf, eth0, 1000));
        assertFalse(pre(nf, eth0, 1000));
        net.kernel.iptablesRestore("h", "*raw\n-I PREROUTING 1 -p udp -j ACCEPT\nCOMMIT\n", true);
        assertTrue(pre(nf, eth0, 1000));
        assertTrue(pre(nf, eth0, 1000));
        assertEquals(List.of(":PREROUTING ACCEPT [0:0]", "[2:64] -A PREROUTING -p udp -j ACCEPT",
                "[2:64] -A PREROUTING -p udp -m udp --dport 9 -j DROP"), counters("raw"));
    }

    @Test
    void aRenamedDeviceOrAnotherDeviceOrFlowIsWalkedAgain() {
        net.leg("h", "eth1", "br0", "10.0.1.2/24");
        NetDevice eth1 = net.dev("h", "eth1");
        Netfilter nf = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -i wan0 -j DROP\n-A PREROUTING -i eth1 -j DROP\n"
                + "-A PREROUTING -p udp -m udp --sport 2000 -j DROP\n");
        assertFalse(pre(nf, eth1, 1000));
        assertFalse(pre(nf, eth0, 2000));
        assertTrue(pre(nf, eth0, 1000));
        assertTrue(pre(nf, eth0, 1000));
        assertEquals(1, nf.rawWalkReplays());
        net.kernel.linkSetUp("h", "eth0", false);
        net.kernel.linkSetName("h", "eth0", "wan0");
        assertFalse(pre(nf, eth0, 1000));
        assertEquals(List.of(":PREROUTING ACCEPT [2:64]", "[1:32] -A PREROUTING -i wan0 -j DROP", "[1:32] -A PREROUTING -i eth1 -j DROP",
                "[1:32] -A PREROUTING -p udp -m udp --sport 2000 -j DROP"), counters("raw"));
    }

    @Test
    void icmpATargetExtensionAndATracepointAreWalkedEveryTime() {
        Netfilter nf = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -p udp -j LOG --log-prefix \"raw: \"\n"
                + "-A PREROUTING -p icmp -j DROP\n");
        for (int i = 0; i < 3; i++) {
            assertTrue(pre(nf, eth0, 1000));
            ByteBuf ping = TestPackets.icmp("10.0.0.9", "10.0.0.2", 8, 0, 7);
            assertFalse(nf.preRouting(eth0, ping));
        }
        assertEquals(3, nf.log().stream().filter(l -> l.contains("raw: ")).count());
        assertEquals(0, nf.rawWalkReplays());

        Netfilter plain = load("raw", ":PREROUTING ACCEPT [0:0]\n-A PREROUTING -p udp -m udp --dport 9 -j DROP\n");
        List<String> decided = new ArrayList<>();
        net.emu.tracepoint().attach(new dev.dockwire.netns.stack.StackProbe() {
            @Override
            public void table(NfPacket p, Table t, int verdict) {
                decided.add(t.name() + " " + p.verdictChain.name() + " " + p.verdictRule + " " + verdict);
            }
        });
        for (int i = 0; i < 3; i++) {
            assertFalse(pre(plain, eth0, 1000));
        }
        assertEquals(List.of("raw PREROUTING 0 0", "raw PREROUTING 0 0", "raw PREROUTING 0 0"), decided);
        assertEquals(0, plain.rawWalkReplays());
    }
}
