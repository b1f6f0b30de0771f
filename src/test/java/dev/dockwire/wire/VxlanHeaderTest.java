package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VxlanHeaderTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final String HEADER = "0800 0000 0000 ff00";

    @Test
    void deconstructsCapturedHeader() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        int at = frame.readerIndex() + Golden.VX_HEADER;
        VxlanHeader vx = new VxlanHeader();
        assertTrue(vx.wrapChecked(frame, at, 106));
        assertEquals(at, vx.offset());
        assertEquals(VxlanHeader.FLAG_I, vx.flags());
        assertEquals(255, vx.vni());
        assertTrue(vx.reservedBitsClear());
        assertEquals(frame.readerIndex() + Golden.VX_INNER_ETH, vx.payloadOffset());

        EthernetFrame inner = new EthernetFrame().wrap(frame, vx.payloadOffset());
        assertEquals(0x003088010002L, inner.dst());
        assertEquals(EtherType.IPV4, inner.etherType());
    }

    @Test
    void setWritesCapturedHeader() {
        ByteBuf buf = bufs.of("ffff ffff ffff ffff");
        new VxlanHeader().wrap(buf, buf.readerIndex()).set(255);
        assertEquals(Bufs.norm(HEADER), Bufs.hex(buf));
    }

    /** The outer UDP header and the VXLAN header as vxlan_xmit_one pushes them: the captured 16 bytes. */
    @Test
    void writeWithUdpWritesCapturedHeaders() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        int udp = frame.readerIndex() + 34;
        String captured = Bufs.hex(frame, udp, 16);
        frame.setZero(udp, 16);
        VxlanHeader.writeWithUdp(frame, udp, 45149, VxlanHeader.UDP_PORT, 114, 255);
        assertEquals(captured, Bufs.hex(frame, udp, 16));
        assertEquals(Bufs.norm(Golden.VXLAN_ICMP), Bufs.hex(frame));

        ByteBuf buf = bufs.of("ffff ffff ffff ffff ffff ffff ffff ffff");
        VxlanHeader.writeWithUdp(buf, buf.readerIndex(), 60999, 4789, 0xffff, VxlanHeader.VNI_MAX);
        assertEquals("ee4712b5ffff000008000000ffffff00", Bufs.hex(buf));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf buf = bufs.of(HEADER);
        VxlanRepr repr = VxlanRepr.parse(buf, buf.readerIndex(), 8);
        assertEquals(new VxlanRepr(255), repr);
        ByteBuf out = bufs.zeroed(8);
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.norm(HEADER), Bufs.hex(out));

        new VxlanRepr(VxlanHeader.VNI_MAX).emit(out, out.readerIndex());
        assertEquals("08000000ffffff00", Bufs.hex(out));
        assertEquals(new VxlanRepr(0xffffff), VxlanRepr.parse(out, out.readerIndex(), 8));
    }

    @Test
    void overheadIsFiftyBytes() {
        assertEquals(50, VxlanHeader.encapsulatedOverhead());
        assertEquals(Bufs.bytes(Golden.VXLAN_ICMP).length - 98, VxlanHeader.encapsulatedOverhead());
        assertEquals(1450, 1500 - VxlanHeader.encapsulatedOverhead());
    }

    /**
     * Builds the captured frame the way a vxlan device does: the inner frame first, then the 50
     * outer bytes written into its headroom, without copying the inner frame.
     */
    @Test
    void encapsulationInHeadroomRebuildsCapturedFrame() {
        ByteBuf frame = bufs.track(Frames.allocate(98));
        frame.writeZero(98);
        int innerAt = frame.readerIndex();
        new EthernetRepr(MacAddress.parse("00:30:88:01:00:02"), MacAddress.parse("00:16:3e:37:f6:04"), EtherType.IPV4)
                .emit(frame, innerAt);
        new Ipv4Repr(0, 84, 0, true, false, 0, 64, IpProtocol.ICMP,
                Ipv4Address.parse("192.168.203.3"), Ipv4Address.parse("192.168.203.5")).emit(frame, innerAt + 14);
        IcmpRepr.echoRequest(1292, 1, Bufs.bytes(Golden.PING_DATA)).emit(frame, innerAt + 34);

        int at = Frames.prepend(frame, VxlanHeader.encapsulatedOverhead());
        assertEquals(innerAt - 50, at);
        new EthernetRepr(MacAddress.parse("00:16:3e:08:71:cf"), MacAddress.parse("36:dc:85:1e:b3:40"), EtherType.IPV4)
                .emit(frame, at);
        new Ipv4Repr(0, 134, 0xd2c0, true, false, 0, 64, IpProtocol.UDP,
                Ipv4Address.parse("192.168.203.1"), Ipv4Address.parse("192.168.202.1")).emit(frame, at + 14);
        // Checksum left at 0, as in the capture (Linux vxlan sends none over IPv4 by default).
        new UdpPacket().wrap(frame, at + 34).set(45149, VxlanHeader.UDP_PORT, 114);
        new VxlanRepr(255).emit(frame, at + 42);

        assertEquals(Bufs.norm(Golden.VXLAN_ICMP), Bufs.hex(frame));
    }

    @Test
    void rejectsShortHeader() {
        ByteBuf buf = bufs.of(HEADER);
        for (int available = 0; available < 8; available++) {
            assertFalse(new VxlanHeader().wrapChecked(buf, buf.readerIndex(), available));
            assertNull(VxlanRepr.parse(buf, buf.readerIndex(), available));
        }
    }

    @Test
    void rejectsHeaderWithoutIFlag() {
        ByteBuf buf = bufs.of("0000 0000 0000 ff00");
        assertFalse(new VxlanHeader().wrapChecked(buf, buf.readerIndex(), 8));
        assertNull(VxlanRepr.parse(buf, buf.readerIndex(), 8));
        ByteBuf gbpOnly = bufs.of("8000 0000 0000 ff00");
        assertNull(VxlanRepr.parse(gbpOnly, gbpOnly.readerIndex(), 8));
    }

    @Test
    void reservedBitsAreIgnoredButReported() {
        // G flag and a group policy id (VXLAN-GBP), and a set low reserved byte.
        ByteBuf gbp = bufs.of("8800 0309 0000 ff00");
        VxlanHeader vx = new VxlanHeader();
        assertTrue(vx.wrapChecked(gbp, gbp.readerIndex(), 8));
        assertEquals(255, vx.vni());
        assertFalse(vx.reservedBitsClear());

        ByteBuf tail = bufs.of("0800 0000 0000 ff01");
        assertTrue(vx.wrapChecked(tail, tail.readerIndex(), 8));
        assertEquals(255, vx.vni());
        assertFalse(vx.reservedBitsClear());
    }

    /** The static accessors the device's per-frame path uses agree with the flyweight on every header above. */
    @Test
    void staticAccessorsAgreeWithFlyweight() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        int at = frame.readerIndex() + Golden.VX_HEADER;
        assertTrue(VxlanHeader.valid(frame, at, 106));
        assertEquals(255, VxlanHeader.vni(frame, at));
        for (String header : new String[] {"0000 0000 0000 ff00", "8800 0309 0000 ff00", "0800 0000 0000 ff01",
                "0801 0000 0000 ff00", "0800 0000 abcd ef00"}) {
            ByteBuf buf = bufs.of(header);
            VxlanHeader vx = new VxlanHeader();
            boolean accepted = vx.wrapChecked(buf, buf.readerIndex(), 8) && vx.reservedBitsClear();
            assertEquals(accepted, VxlanHeader.valid(buf, buf.readerIndex(), 8), header);
            assertEquals(vx.wrap(buf, buf.readerIndex()).vni(), VxlanHeader.vni(buf, buf.readerIndex()), header);
        }
        ByteBuf good = bufs.of(HEADER);
        for (int available = 0; available < 8; available++) {
            assertFalse(VxlanHeader.valid(good, good.readerIndex(), available));
        }
        ByteBuf buf = bufs.of("ffff ffff ffff ffff");
        VxlanHeader.write(buf, buf.readerIndex(), 255);
        assertEquals(Bufs.norm(HEADER), Bufs.hex(buf));
        VxlanHeader.write(buf, buf.readerIndex(), VxlanHeader.VNI_MAX);
        assertEquals("08000000ffffff00", Bufs.hex(buf));
    }

    @Test
    void reprRejectsVniOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VxlanRepr(1 << 24));
        assertTrue(e.getMessage().contains("VNI 16777216") && e.getMessage().contains("0-16777215"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VxlanRepr(-1));
    }
}
