package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IcmpPacketTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final byte[] DATA = Bufs.bytes(Golden.PING_DATA);
    /** The echo request of {@link Golden#VXLAN_ICMP}. */
    private static final String REQUEST = "0800 f6f2 050c 0001" + Golden.PING_DATA;
    /**
     * The reply a host sends back for {@link #REQUEST}: type 0, same id, sequence and data, so the
     * checksum rises by the 0x0800 the type word lost (f6f2 + 0800 = fef2).
     */
    private static final String REPLY = "0000 fef2 050c 0001" + Golden.PING_DATA;

    private IcmpPacket wrapCaptured(ByteBuf frame) {
        IcmpPacket icmp = new IcmpPacket();
        assertTrue(icmp.wrapChecked(frame, frame.readerIndex() + Golden.VX_ICMP, 64));
        return icmp;
    }

    @Test
    void deconstructsCapturedEchoRequest() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        IcmpPacket icmp = wrapCaptured(frame);
        assertEquals(64, icmp.length());
        assertEquals(IcmpPacket.TYPE_ECHO_REQUEST, icmp.type());
        assertEquals(0, icmp.code());
        assertEquals(0xf6f2, icmp.checksum());
        assertEquals(1292, icmp.ident());
        assertEquals(1, icmp.sequence());
        assertEquals(frame.readerIndex() + Golden.VX_ICMP + 8, icmp.dataOffset());
        assertEquals(56, icmp.dataLength());
        assertFalse(icmp.isError());
        assertTrue(icmp.verifyChecksum());
    }

    @Test
    void settersWriteCapturedEchoRequest() {
        ByteBuf buf = bufs.zeroed(64);
        IcmpPacket icmp = new IcmpPacket().wrap(buf, buf.readerIndex(), 64)
                .type(IcmpPacket.TYPE_ECHO_REQUEST).code(0).restOfHeader(1292, 1);
        buf.setBytes(icmp.dataOffset(), DATA);
        icmp.fillChecksum();
        assertEquals(Bufs.norm(REQUEST), Bufs.hex(buf));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        IcmpRepr repr = IcmpRepr.parse(frame, frame.readerIndex() + Golden.VX_ICMP, 64);
        assertEquals(IcmpRepr.echoRequest(1292, 1, DATA.clone()), repr);
        assertEquals(IcmpRepr.echoRequest(1292, 1, DATA.clone()).hashCode(), repr.hashCode());
        assertArrayEquals(DATA, repr.data());
        assertEquals(64, repr.length());

        ByteBuf out = bufs.zeroed(repr.length());
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.norm(REQUEST), Bufs.hex(out));
    }

    @Test
    void echoReplyMirrorsRequest() {
        ByteBuf out = bufs.zeroed(64);
        IcmpRepr.echoReply(1292, 1, DATA).emit(out, out.readerIndex());
        assertEquals(Bufs.norm(REPLY), Bufs.hex(out));
        assertEquals(0xfef2, Checksum.update16(0xf6f2, 0x0800, 0x0000));
        assertEquals(IcmpPacket.TYPE_ECHO_REPLY, IcmpRepr.parse(out, out.readerIndex(), 64).type());
    }

    @Test
    void fragNeededCarriesNextHopMtuAndQuotedHeader() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        // RFC 792/1191: the offending IP header and the first 8 bytes of its payload.
        byte[] quoted = new byte[28];
        frame.getBytes(frame.readerIndex() + Golden.VX_INNER_IP, quoted);
        IcmpRepr repr = IcmpRepr.fragNeeded(1450, quoted);
        ByteBuf out = bufs.zeroed(repr.length());
        repr.emit(out, out.readerIndex());
        assertEquals("0304", Bufs.hex(out, out.readerIndex(), 2));
        assertEquals("000005aa", Bufs.hex(out, out.readerIndex() + 4, 4));

        IcmpPacket p = new IcmpPacket();
        assertTrue(p.wrapChecked(out, out.readerIndex(), repr.length()));
        assertTrue(p.isError());
        assertEquals(IcmpPacket.CODE_FRAG_NEEDED, p.code());
        assertEquals(1450, p.nextHopMtu());
        assertTrue(p.verifyChecksum());
        Ipv4Packet inner = new Ipv4Packet().wrap(out, p.dataOffset());
        assertEquals(Ipv4Address.parse("192.168.203.5").bits(), inner.dst());
        assertEquals(repr, IcmpRepr.parse(out, out.readerIndex(), repr.length()));
    }

    @Test
    void timeExceededIsAnError() {
        ByteBuf buf = bufs.zeroed(36);
        new IcmpRepr(IcmpPacket.TYPE_TIME_EXCEEDED, IcmpPacket.CODE_TTL_EXCEEDED, 0, 0, new byte[28])
                .emit(buf, buf.readerIndex());
        IcmpPacket p = new IcmpPacket();
        assertTrue(p.wrapChecked(buf, buf.readerIndex(), 36));
        assertTrue(p.isError());
        assertTrue(p.verifyChecksum());
    }

    @Test
    void oddLengthDataIsPaddedForTheChecksum() {
        ByteBuf buf = bufs.zeroed(11);
        IcmpRepr repr = IcmpRepr.echoRequest(7, 9, new byte[] {1, 2, 3});
        repr.emit(buf, buf.readerIndex());
        // ~(0x0800 + 0x0007 + 0x0009 + 0x0102 + 0x0300) = ~0x0c12
        assertEquals("0800f3ed00070009010203", Bufs.hex(buf));
        assertEquals(repr, IcmpRepr.parse(buf, buf.readerIndex(), 11));
    }

    @Test
    void rejectsShortMessage() {
        ByteBuf buf = bufs.of(REQUEST);
        for (int length = 0; length < 8; length++) {
            assertFalse(new IcmpPacket().wrapChecked(buf, buf.readerIndex(), length));
            assertNull(IcmpRepr.parse(buf, buf.readerIndex(), length));
        }
    }

    @Test
    void rejectsBadChecksumAndTruncatedData() {
        ByteBuf buf = bufs.of(REQUEST);
        assertNull(IcmpRepr.parse(buf, buf.readerIndex(), 63)); // checksum covers the whole message
        buf.setByte(buf.readerIndex() + 20, 0x55);
        assertNull(IcmpRepr.parse(buf, buf.readerIndex(), 64));
        assertNotEquals(IcmpRepr.echoRequest(1, 1, new byte[] {1}), IcmpRepr.echoRequest(1, 1, new byte[] {2}));
    }
}
