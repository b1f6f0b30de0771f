package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 802.1Q sub-interfaces frame by frame (net/8021q): tag on the way out, untag by VID on the way in. */
class VlanTest {
    private final L2Lab lab = new L2Lab();

    private Vlan vlan(NetDevice parent, int vid) {
        Vlan v = Vlan.create(parent, parent.name() + "." + vid, lab.nextIfindex(), vid);
        v.setUp(true);
        return v;
    }

    @Test
    void whatTheSubInterfaceSendsLeavesTaggedWithItsVid() {
        Vlan v = vlan(lab.eth0, 10);
        assertEquals(lab.eth0.mac(), v.mac());
        assertEquals(1500, v.mtu());
        lab.send(v, L2Lab.LAN_MAC);
        assertEquals(1, lab.lanGot.size());
        // Golden bytes: the addresses, TPID 0x8100, TCI 0x000a (PCP 0, VID 10), then the inner EtherType.
        String hex = HexFormat.of().formatHex(lab.lanGot.get(0), 0, 18);
        assertEquals("020000000101" + "020000000010" + "8100" + "000a" + "0800", hex);
        assertEquals(64, lab.lanGot.get(0).length, "60 bytes and the 4-byte tag");
    }

    @Test
    void aFullSizeTaggedFrameCrossesTheSwitch() {
        Vlan v = vlan(lab.eth0, 10);
        ByteBuf f = Frames.allocate(1514);
        f.writeZero(1514); // 1500 bytes of payload: 1518 on the wire once tagged
        new EthernetFrame().wrap(f, f.readerIndex()).dst(L2Lab.LAN_MAC).src(v.mac()).etherType(EtherType.IPV4);
        v.transmit(f);
        lab.loop.drain();
        assertEquals(1, lab.lanGot.size(), "is_skb_forwardable leaves room for VLAN_HLEN");
        assertEquals(1518, lab.lanGot.get(0).length);
    }

    @Test
    void theParentHandsFramesOfTheVidToTheSubInterfaceUntagged() {
        Vlan v10 = vlan(lab.eth0, 10);
        List<byte[]> got = L2Lab.record(v10);
        sendTagged(lab.lan, 10);
        sendTagged(lab.lan, 20);
        lab.send(lab.lan, L2Lab.ETH0_MAC);
        assertEquals(1, got.size());
        assertEquals(60, got.get(0).length);
        assertEquals("0800", HexFormat.of().formatHex(got.get(0), 12, 14));
        assertEquals(2, lab.hostGot.size(), "VID 20 (no sub-interface) and the untagged frame stay with the parent");
        assertEquals("8100", HexFormat.of().formatHex(lab.hostGot.get(0), 12, 14));
    }

    @Test
    void aCaptureOnTheParentSeesTheTags() {
        vlan(lab.eth0, 10);
        List<byte[]> seen = new ArrayList<>();
        lab.eth0.wrapIngress(next -> (dev, frame) -> {
            seen.add(ByteBufUtil.getBytes(frame));
            next.accept(dev, frame);
        });
        sendTagged(lab.lan, 10);
        assertEquals(1, seen.size());
        assertArrayEquals(new byte[] {(byte) 0x81, 0, 0, 10}, java.util.Arrays.copyOfRange(seen.get(0), 12, 16));
    }

    @Test
    void twoSubInterfacesOfTheSameVlanMeetOnTheWire() {
        Vlan ours = vlan(lab.eth0, 10);
        Vlan theirs = vlan(lab.lan, 10);
        List<byte[]> got = L2Lab.record(theirs);
        lab.send(ours, L2Lab.LAN_MAC);
        assertEquals(1, got.size());
        assertEquals(0, lab.lanGot.size(), "the LAN station's untagged stack never sees VLAN 10");
    }

    @Test
    void aMacvlanCanSitOnASubInterface() {
        Vlan v = vlan(lab.eth0, 10);
        Macvlan m = Macvlan.create(lab.backlog, v, "mv", lab.nextIfindex(), 0x02_42_0a_00_00_02L, MacvlanMode.BRIDGE);
        m.setUp(true);
        List<byte[]> got = L2Lab.record(m);
        lab.send(m, L2Lab.LAN_MAC);
        assertEquals("8100000a", HexFormat.of().formatHex(lab.lanGot.get(0), 12, 16));
        sendTagged(lab.lan, 10, m.mac());
        assertEquals(1, got.size());
    }

    @Test
    void vidsOutOfRangeOrTakenAreRefusedLikeTheKernel() {
        vlan(lab.eth0, 10);
        assertEquals("Error: 8021q: Invalid VLAN id.",
                assertThrows(IllegalArgumentException.class, () -> Vlan.create(lab.eth0, "x", 900, 4095)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vlan.create(lab.eth0, "x", 900, 0));
        assertEquals("RTNETLINK answers: File exists",
                assertThrows(IllegalArgumentException.class, () -> Vlan.create(lab.eth0, "y", 901, 10)).getMessage());
    }

    @Test
    void unregisteringFreesTheVid() {
        Vlan v = vlan(lab.eth0, 10);
        v.unregister();
        sendTagged(lab.lan, 10);
        assertEquals(1, lab.hostGot.size());
        vlan(lab.eth0, 10);
    }

    private void sendTagged(NetDevice from, int vid) {
        sendTagged(from, vid, L2Lab.ETH0_MAC);
    }

    private void sendTagged(NetDevice from, int vid, long dst) {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(dst).src(from.mac()).etherType(EtherType.IPV4);
        VlanTag.push(f, VlanTag.tci(0, false, vid));
        from.transmit(f);
        lab.loop.drain();
    }
}
