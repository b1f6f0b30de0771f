package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VlanTagTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    /** {@link Golden#VLAN_ARP} without its tag: what the sender's vlan device was given. */
    private static final String UNTAGGED_ARP = """
            ffff ffff ffff 000c 291a 328c
            0806 0001 0800 0604 0001 000c 291a 328c
            c0a8 2018 0000 0000 0000 c0a8 2001 0000
            0000 0000 0000 0000 0000 0000 0000 0000
            """;

    /** {@link Golden#DOUBLE_TAGGED_ARP} without either tag. */
    private static final String UNTAGGED_DOUBLE = """
            ffff ffff ffff 5254 00f0 25e4
            0806 0001 0800 0604 0001 5254
            00f0 25e4 c0a8 0ac8 0000 0000 0000 c0a8
            0a65 0000 0000 0000 0000 0000
            """;

    @Test
    void deconstructsCapturedTag() {
        ByteBuf frame = bufs.of(Golden.VLAN_TCP);
        int at = frame.readerIndex() + VlanTag.FRAME_OFFSET;
        VlanTag tag = new VlanTag();
        assertTrue(tag.wrapChecked(frame, at, frame.readableBytes() - VlanTag.FRAME_OFFSET));
        assertEquals(at, tag.offset());
        assertEquals(EtherType.VLAN, tag.tpid());
        assertEquals(0x01f7, tag.tci());
        assertEquals(0, tag.pcp());
        assertFalse(tag.dei());
        assertEquals(503, tag.vid());
        assertEquals(EtherType.IPV4, tag.innerEtherType());
        assertEquals(frame.readerIndex() + 18, tag.payloadOffset());

        Ipv4Packet ip = new Ipv4Packet();
        assertTrue(ip.wrapChecked(frame, tag.payloadOffset(), frame.writerIndex() - tag.payloadOffset()));
        assertEquals(IpProtocol.TCP, ip.protocol());
        assertTrue(ip.verifyChecksum());
    }

    @Test
    void deconstructsTaggedArp() {
        ByteBuf frame = bufs.of(Golden.VLAN_ARP);
        assertTrue(VlanTag.isTagged(frame));
        VlanTag tag = new VlanTag();
        assertTrue(tag.wrapChecked(frame, frame.readerIndex() + 12, frame.readableBytes() - 12));
        assertEquals(2, tag.vid());
        assertEquals(EtherType.ARP, tag.innerEtherType());
        ArpRepr arp = ArpRepr.parse(frame, tag.payloadOffset(), frame.writerIndex() - tag.payloadOffset());
        assertNotNull(arp);
        assertEquals(Ipv4Address.parse("192.168.32.24"), arp.senderIp());
        assertEquals(Ipv4Address.parse("192.168.32.1"), arp.targetIp());
    }

    @Test
    void priorityAndDropEligibleBits() {
        ByteBuf buf = bufs.of("8100 b064 0800");
        VlanTag tag = new VlanTag().wrap(buf, buf.readerIndex());
        assertEquals(5, tag.pcp());
        assertTrue(tag.dei());
        assertEquals(100, tag.vid());
        assertEquals(0xb064, VlanTag.tci(5, true, 100));

        tag.vid(4094);
        assertEquals("8100bffe0800", Bufs.hex(buf));
        assertEquals(5, tag.pcp());
        assertTrue(tag.dei());
    }

    @Test
    void settersWriteCapturedTag() {
        ByteBuf buf = bufs.zeroed(VlanTag.HEADER_LENGTH);
        new VlanTag().wrap(buf, buf.readerIndex()).set(VlanTag.tci(0, false, 503), EtherType.IPV4);
        assertEquals("810001f70800", Bufs.hex(buf));

        new VlanTag().wrap(buf, buf.readerIndex()).tci(0x0002).innerEtherType(EtherType.ARP);
        assertEquals("810000020806", Bufs.hex(buf));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.VLAN_TCP);
        VlanRepr repr = VlanRepr.parse(frame, frame.readerIndex() + 12, frame.readableBytes() - 12);
        assertEquals(new VlanRepr(0, false, 503, EtherType.IPV4), repr);
        assertEquals(0x01f7, repr.tci());

        ByteBuf out = bufs.zeroed(VlanTag.HEADER_LENGTH);
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.hex(frame, frame.readerIndex() + 12, 6), Bufs.hex(out));
    }

    @Test
    void pushRecreatesCapturedFrameWithoutCopying() {
        ByteBuf frame = bufs.of(UNTAGGED_ARP);
        int start = frame.readerIndex();
        int arpAt = start + EthernetFrame.HEADER_LENGTH;
        assertFalse(VlanTag.isTagged(frame));

        assertTrue(VlanTag.push(frame, VlanTag.tci(0, false, 2)));

        assertEquals(start - VlanTag.TAG_LENGTH, frame.readerIndex());
        assertEquals(Bufs.norm(Golden.VLAN_ARP), Bufs.hex(frame));
        // The payload stayed where it was: the inner EtherType and ARP body were not moved.
        VlanTag tag = new VlanTag().wrap(frame, frame.readerIndex() + VlanTag.FRAME_OFFSET);
        assertEquals(arpAt, tag.payloadOffset());
    }

    @Test
    void popRestoresUntaggedFrame() {
        ByteBuf frame = bufs.of(Golden.VLAN_ARP);
        int start = frame.readerIndex();
        assertEquals(0x0002, VlanTag.pop(frame));
        assertEquals(start + VlanTag.TAG_LENGTH, frame.readerIndex());
        assertEquals(Bufs.norm(UNTAGGED_ARP), Bufs.hex(frame));
        assertEquals(EtherType.ARP, new EthernetFrame().wrap(frame, frame.readerIndex()).etherType());
    }

    @Test
    void stacksTwoTagsLikeCapturedDoubleTaggedFrame() {
        ByteBuf frame = bufs.of(UNTAGGED_DOUBLE);
        assertTrue(VlanTag.push(frame, 10));
        assertTrue(VlanTag.push(frame, 100));
        assertEquals(Bufs.norm(Golden.DOUBLE_TAGGED_ARP), Bufs.hex(frame));

        assertEquals(100, VlanTag.pop(frame));
        assertEquals(10, VlanTag.pop(frame));
        assertEquals(-1, VlanTag.pop(frame));
        assertEquals(Bufs.norm(UNTAGGED_DOUBLE), Bufs.hex(frame));
    }

    @Test
    void pushNeedsHeadroomAndAHeader() {
        ByteBuf noRoom = bufs.track(PooledByteBufAllocator.DEFAULT.heapBuffer(64));
        noRoom.writeBytes(Bufs.bytes(UNTAGGED_ARP)).readerIndex(0);
        assertFalse(VlanTag.push(noRoom, 2));
        assertEquals(0, noRoom.readerIndex());
        assertEquals(Bufs.norm(UNTAGGED_ARP), Bufs.hex(noRoom));

        ByteBuf runt = bufs.of("ffff ffff ffff 000c 291a 328c 08");
        int start = runt.readerIndex();
        assertFalse(VlanTag.push(runt, 2));
        assertEquals(start, runt.readerIndex());
    }

    @Test
    void popLeavesUntaggedAndTruncatedFramesAlone() {
        ByteBuf untagged = bufs.of(Golden.ARP_REQUEST);
        int start = untagged.readerIndex();
        assertEquals(-1, VlanTag.pop(untagged));
        assertEquals(start, untagged.readerIndex());
        assertEquals(Bufs.norm(Golden.ARP_REQUEST), Bufs.hex(untagged));

        ByteBuf truncated = bufs.of("ffff ffff ffff 000c 291a 328c 8100 0002 08");
        assertFalse(VlanTag.isTagged(truncated));
        assertEquals(-1, VlanTag.pop(truncated));
    }

    @Test
    void rejectsShortOrForeignTags() {
        ByteBuf frame = bufs.of(Golden.VLAN_TCP);
        int at = frame.readerIndex() + 12;
        VlanTag tag = new VlanTag();
        assertFalse(tag.wrapChecked(frame, at, 5));
        assertNull(VlanRepr.parse(frame, at, 5));

        // 802.1ad service tag (TPID 0x88a8) and a plain EtherType are not 802.1Q tags.
        ByteBuf qinq = bufs.of("88a8 0002 8100");
        assertFalse(tag.wrapChecked(qinq, qinq.readerIndex(), 6));
        assertNull(VlanRepr.parse(qinq, qinq.readerIndex(), 6));
        ByteBuf ipv4 = bufs.of(Golden.ARP_REQUEST);
        assertNull(VlanRepr.parse(ipv4, ipv4.readerIndex() + 12, 30));
    }

    @Test
    void reprRejectsOutOfRangeFields() {
        IllegalArgumentException pcp = assertThrows(IllegalArgumentException.class,
                () -> new VlanRepr(8, false, 1, EtherType.IPV4));
        assertTrue(pcp.getMessage().contains("priority 8"), pcp.getMessage());
        IllegalArgumentException vid = assertThrows(IllegalArgumentException.class,
                () -> new VlanRepr(0, false, 4096, EtherType.IPV4));
        assertTrue(vid.getMessage().contains("VLAN id 4096") && vid.getMessage().contains("0-4095"), vid.getMessage());
    }
}
