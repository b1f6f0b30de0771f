package dev.dockwire.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A packet's identity and one-line description, from golden bytes, whether the buffer starts at Ethernet or at IPv4. */
class PacketKeyTest {
    /** 02:42:ac:12:00:03 → 02:42:ac:12:00:02, IPv4 172.18.0.2 → 172.18.0.3, id 0x1c46, TCP 40000 → 80 SYN. */
    private static final String ETH = "0242ac1200030242ac1200020800";
    private static final String IP = "4500003c1c4640004006c64cac120002ac120003";
    private static final String TCP = "9c400050000000000000000050022000" + "00000000";

    private static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }

    @Test
    void anIpv4PacketIsTheSameWithAndWithoutItsEthernetHeader() {
        ByteBuf frame = buf(ETH + IP + TCP);
        ByteBuf packet = buf(IP + TCP);
        PacketKey k = PacketKey.of(frame);
        assertEquals(k, PacketKey.of(packet));
        assertEquals(new PacketKey(0x0800, 6 << 16 | 0x1c46, 0xac120002, 0xac120003), k);
        assertEquals("TCP 172.18.0.2:40000 > 172.18.0.3:80 [S]", PacketKey.describe(frame));
        assertEquals(40000 << 16 | 80, PacketKey.ports(packet));
    }

    @Test
    void theKeyAsTwoLongsIsKindAndIdentificationThenTheAddresses() {
        ByteBuf packet = buf(IP + TCP);
        PacketKey k = PacketKey.of(packet);
        assertEquals(0x0800L << 32 | k.a(), PacketKey.hi(packet, PacketKey.l3(packet)));
        assertEquals(0xac120002ac120003L, PacketKey.lo(packet, PacketKey.l3(packet)));
        assertEquals(k.hi(), PacketKey.hi(packet, 0));
        assertEquals(k.lo(), PacketKey.lo(packet, 0));
        // NAT's rewrite keeps kind and identification (hi) and changes the addresses (lo)
        assertEquals(0xc0a8010aac120003L, PacketKey.addresses(0xc0a8010a, 0xac120003));
    }

    @Test
    void anArpRequestIsKeyedByItsSenderAndTarget() {
        ByteBuf arp = buf("ffffffffffff0242ac1200030806" + "0001080006040001" + "0242ac120003ac120003" + "000000000000ac120002");
        assertEquals(new PacketKey(0x0806, 1, 0xac120003, 0xac120002), PacketKey.of(arp));
        assertEquals("ARP who-has 172.18.0.2 tell 172.18.0.3", PacketKey.describe(arp));
    }

    @Test
    void aHeaderWithABadChecksumOrAnotherTypeIsNoPacket() {
        assertNull(PacketKey.of(buf(IP.replace("c64c", "0000") + TCP)));
        assertNull(PacketKey.of(buf("0242ac1200030242ac12000286dd" + IP + TCP)));
    }

    @Test
    void theBytesKeptWhenAJourneyBeginsDescribeThePacketAsTheWholeFrameDoes() {
        ByteBuf frame = buf(ETH + IP + TCP + "00".repeat(200));
        assertEquals("TCP 172.18.0.2:40000 > 172.18.0.3:80 [S]", PacketKey.describe(frame.slice(0, PacketKey.DESCRIBED), frame.readableBytes()));
        assertEquals("frame of 300 bytes", PacketKey.describe(buf("00".repeat(PacketKey.DESCRIBED)), 300));
    }
}
