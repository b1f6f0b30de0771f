package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.wire.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Macvlan by behaviour, frame by frame, against drivers/net/macvlan.c: demux by MAC, modes, the host gotcha. */
class MacvlanTest {
    private static final long A = 0x02_42_c0_a8_01_64L;
    private static final long B = 0x02_42_c0_a8_01_65L;
    private static final long BCAST = MacAddress.BROADCAST.bits();

    private final L2Lab lab = new L2Lab();

    private Macvlan macvlan(String name, long mac, MacvlanMode mode) {
        Macvlan v = Macvlan.create(lab.backlog, lab.eth0, name, lab.nextIfindex(), mac, mode);
        v.setUp(true);
        return v;
    }

    @Test
    void unicastFromTheLanReachesOnlyTheMacvlanWithThatMac() {
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        Macvlan b = macvlan("b", B, MacvlanMode.BRIDGE);
        List<byte[]> aGot = L2Lab.record(a);
        List<byte[]> bGot = L2Lab.record(b);
        lab.send(lab.lan, A);
        assertEquals(1, aGot.size());
        assertEquals(0, bGot.size());
        assertEquals(0, lab.hostGot.size(), "not for the parent's stack");
        lab.send(lab.lan, L2Lab.ETH0_MAC);
        assertEquals(1, lab.hostGot.size(), "the parent's own MAC still reaches its stack");
        assertEquals(1, aGot.size());
    }

    @Test
    void broadcastFromTheLanReachesEveryMacvlanAndTheParent() {
        List<byte[]> aGot = L2Lab.record(macvlan("a", A, MacvlanMode.BRIDGE));
        List<byte[]> bGot = L2Lab.record(macvlan("b", B, MacvlanMode.PRIVATE));
        lab.send(lab.lan, BCAST);
        assertEquals(1, aGot.size());
        assertEquals(1, bGot.size());
        assertEquals(1, lab.hostGot.size());
    }

    @Test
    void bridgeModeSiblingsTalkWithoutLeavingTheParent() {
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        List<byte[]> bGot = L2Lab.record(macvlan("b", B, MacvlanMode.BRIDGE));
        long wireBefore = lab.eth0.stats().txPackets;
        lab.send(a, B);
        assertEquals(1, bGot.size());
        assertEquals(A, L2Lab.src(bGot.get(0)));
        assertEquals(wireBefore, lab.eth0.stats().txPackets, "nothing went out of eth0");
        assertEquals(0, lab.lanGot.size());
        // A broadcast goes to the sibling directly and out to the LAN, once each.
        lab.send(a, BCAST);
        assertEquals(2, bGot.size());
        assertEquals(1, lab.lanGot.size());
        assertEquals(0, lab.hostGot.size(), "the parent's stack never hears its children");
    }

    @Test
    void aMacvlanThatIsDownDropsWhatThePortPicksForItAndCountsIt() {
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        List<byte[]> aGot = L2Lab.record(a);
        a.setUp(false);
        lab.send(lab.lan, A);
        assertEquals(0, aGot.size());
        assertEquals(1, a.stats().rxDropped, "counted on the macvlan (netif_receive_skb of a down device)");
        assertEquals(0, a.stats().rxPackets);
        assertEquals(0, lab.hostGot.size(), "not passed to the parent's stack either");
    }

    @Test
    void theHostAndItsMacvlansCannotReachEachOther() {
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        List<byte[]> aGot = L2Lab.record(a);
        lab.send(lab.eth0, A);
        lab.send(lab.eth0, BCAST);
        assertEquals(0, aGot.size(), "what the parent sends never enters its macvlan port");
        assertEquals(2, lab.lanGot.size(), "both went to the LAN (A unknown to the switch: flooded)");
        lab.send(a, L2Lab.ETH0_MAC);
        lab.send(a, BCAST);
        assertEquals(0, lab.hostGot.size(), "the switch sends nothing back out of the port it came in on");
    }

    @Test
    void privateSiblingsNeverMeetEvenThroughAHairpinningSwitch() {
        Macvlan a = macvlan("a", A, MacvlanMode.PRIVATE);
        List<byte[]> aGot = L2Lab.record(a);
        List<byte[]> bGot = L2Lab.record(macvlan("b", B, MacvlanMode.PRIVATE));
        lab.send(a, B);
        assertEquals(0, bGot.size());
        assertEquals(1, lab.lanGot.size(), "flooded by the switch as unknown unicast");
        lab.lan0.port(lab.eth0.peer()).hairpin(true);
        lab.send(a, BCAST);
        assertEquals(0, bGot.size(), "a private macvlan's broadcast comes back to itself only");
        assertEquals(1, aGot.size());
        assertEquals(0, lab.hostGot.size());
    }

    @Test
    void vepaSiblingsMeetOnlyThroughAHairpinningSwitch() {
        Macvlan a = macvlan("a", A, MacvlanMode.VEPA);
        List<byte[]> bGot = L2Lab.record(macvlan("b", B, MacvlanMode.VEPA));
        lab.send(lab.lan, A); // the switch learns A and B behind eth0's port
        lab.send(lab.lan, B);
        bGot.clear();
        lab.send(a, B);
        assertEquals(0, bGot.size(), "a switch without hairpin does not send it back");
        lab.lan0.port(lab.eth0.peer()).hairpin(true);
        lab.send(a, B);
        assertEquals(1, bGot.size(), "reflected by the switch (802.1Qbg)");
    }

    @Test
    void passthruTakesTheParentsMacAndEverything() {
        Macvlan p = macvlan("p", A, MacvlanMode.PASSTHRU);
        assertEquals(L2Lab.ETH0_MAC, p.mac());
        List<byte[]> got = L2Lab.record(p);
        lab.send(lab.lan, L2Lab.ETH0_MAC);
        assertEquals(1, got.size());
        assertThrows(IllegalArgumentException.class, () -> macvlan("q", B, MacvlanMode.BRIDGE));
    }

    @Test
    void theParentGetsItsHandlerBackWhenTheLastMacvlanGoes() {
        RxHandler own = lab.eth0.rxHandler();
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        assertTrue(lab.eth0.hasUppers());
        a.unregister();
        assertSame(own, lab.eth0.rxHandler());
        assertTrue(!lab.eth0.hasUppers());
        lab.send(lab.lan, A);
        assertEquals(1, lab.hostGot.size(), "the parent's own handler has it again");
    }

    @Test
    void aBridgePortOrLoopbackCannotCarryMacvlans() {
        assertThrows(IllegalArgumentException.class,
                () -> Macvlan.create(lab.backlog, lab.eth0.peer(), "x", 999, A, MacvlanMode.BRIDGE));
        Loopback lo = new Loopback(lab.backlog, 998);
        assertThrows(IllegalArgumentException.class, () -> Macvlan.create(lab.backlog, lo, "y", 997, A, MacvlanMode.BRIDGE));
    }

    @Test
    void aMacvlanOnAMacvlanSitsOnTheSameParent() {
        Macvlan a = macvlan("a", A, MacvlanMode.BRIDGE);
        Macvlan b = Macvlan.create(lab.backlog, a, "b", lab.nextIfindex(), B, MacvlanMode.BRIDGE);
        assertSame(lab.eth0, b.lower());
        assertNull(lab.eth0.lower());
    }
}
