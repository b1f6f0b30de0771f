package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthernetFrameTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final String HEADER = "00163e0871cf 36dc851eb340 0800";

    @Test
    void deconstructsCapturedHeader() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        EthernetFrame eth = new EthernetFrame();
        assertTrue(eth.wrapChecked(frame));
        assertEquals(frame.readerIndex(), eth.offset());
        assertEquals(0x00163e0871cfL, eth.dst());
        assertEquals(0x36dc851eb340L, eth.src());
        assertEquals(EtherType.IPV4, eth.etherType());
        assertEquals(frame.readerIndex() + 14, eth.payloadOffset());
        assertEquals(0x00163e0871cfL, EthernetFrame.dst(frame, frame.readerIndex()));
        assertEquals(0x36dc851eb340L, EthernetFrame.src(frame, frame.readerIndex()));
        assertEquals(EtherType.IPV4, EthernetFrame.etherType(frame, frame.readerIndex()));
    }

    @Test
    void settersWriteCapturedHeader() {
        ByteBuf buf = bufs.zeroed(EthernetFrame.HEADER_LENGTH);
        new EthernetFrame().wrap(buf, buf.readerIndex())
                .dst(0x00163e0871cfL).src(0x36dc851eb340L).etherType(EtherType.IPV4);
        assertEquals(Bufs.norm(HEADER), Bufs.hex(buf));
    }

    /** The static write stores the header as three words: the same bytes in a frame's array and in a direct buffer. */
    @Test
    void staticWriteWritesCapturedHeader() {
        ByteBuf heap = bufs.of("ffff ffff ffff ffff ffff ffff ffff ff");
        EthernetFrame.write(heap, heap.readerIndex(), 0x00163e0871cfL, 0x36dc851eb340L, EtherType.IPV4);
        assertEquals(Bufs.norm(HEADER) + "ff", Bufs.hex(heap));
        ByteBuf direct = bufs.track(io.netty.buffer.Unpooled.directBuffer(15).writeZero(15));
        EthernetFrame.write(direct, 1, 0xffffffffffffL, 0x808182838485L, EtherType.ARP);
        assertEquals("00ffffffffffff8081828384850806", Bufs.hex(direct));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.ARP_REQUEST);
        EthernetRepr repr = EthernetRepr.parse(frame);
        assertEquals(new EthernetRepr(MacAddress.BROADCAST, MacAddress.parse("aa:c1:ab:ff:be:2f"), EtherType.ARP), repr);

        ByteBuf out = bufs.zeroed(EthernetFrame.HEADER_LENGTH);
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.hex(frame, frame.readerIndex(), 14), Bufs.hex(out));
    }

    @Test
    void multicastBitOfDestination() {
        ByteBuf frame = bufs.of(Golden.ARP_REQUEST);
        EthernetFrame eth = new EthernetFrame();
        assertTrue(eth.wrapChecked(frame));
        assertTrue(MacAddress.isMulticast(eth.dst()));
        assertFalse(MacAddress.isMulticast(eth.src()));
    }

    @Test
    void rejectsFrameShorterThanHeader() {
        ByteBuf runt = bufs.of("ffffffffffff aac1abffbe2f 08");
        assertFalse(new EthernetFrame().wrapChecked(runt));
        assertNull(EthernetRepr.parse(runt));
        assertNull(EthernetRepr.parse(bufs.zeroed(0)));
    }

    @Test
    void honoursReaderIndex() {
        ByteBuf frame = bufs.of("0000 " + HEADER);
        frame.skipBytes(2);
        EthernetRepr repr = EthernetRepr.parse(frame);
        assertEquals(MacAddress.parse("00:16:3e:08:71:cf"), repr.dst());
        assertEquals(EtherType.IPV4, repr.etherType());
    }
}
