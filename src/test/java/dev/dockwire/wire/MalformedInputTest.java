package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every decoder must answer false or null for bytes it cannot make sense of, never throw. The
 * bytes are put in buffers of exactly their length, so a read past what the length checks
 * allowed fails with an IndexOutOfBoundsException instead of reading stale memory.
 */
class MalformedInputTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final List<String> FRAMES = List.of(Golden.VXLAN_ICMP, Golden.DNS_UDP, Golden.VLAN_TCP,
            Golden.VLAN_ARP, Golden.ARP_REQUEST, Golden.DOUBLE_TAGGED_ARP);

    private final EthernetFrame eth = new EthernetFrame();
    private final VlanTag vlan = new VlanTag();
    private final Ipv4Packet ip = new Ipv4Packet();
    private final UdpPacket udp = new UdpPacket();
    private final VxlanHeader vxlan = new VxlanHeader();

    private ByteBuf exact(byte[] bytes) {
        return bufs.track(Unpooled.wrappedBuffer(bytes));
    }

    /** Decodes as far as the checks allow; returns the number of layers that decoded. */
    private int decode(ByteBuf frame) {
        if (!eth.wrapChecked(frame) || EthernetRepr.parse(frame) == null) {
            return 0;
        }
        int layers = 1;
        int end = frame.writerIndex();
        int at = eth.offset() + VlanTag.FRAME_OFFSET;
        while (vlan.wrapChecked(frame, at, end - at)) {
            VlanRepr.parse(frame, at, end - at);
            layers++;
            at += VlanTag.TAG_LENGTH;
        }
        int type = frame.getUnsignedShort(at);
        at += 2;
        if (type == EtherType.ARP) {
            return ArpRepr.parse(frame, at, end - at) != null ? layers + 1 : layers;
        }
        if (type != EtherType.IPV4 || !ip.wrapChecked(frame, at, end - at)) {
            return layers;
        }
        Ipv4Repr.parse(frame, at, end - at);
        ip.verifyChecksum();
        layers++;
        int src = ip.src();
        int dst = ip.dst();
        int l4 = ip.payloadOffset();
        int l4Length = ip.payloadLength();
        if (ip.protocol() == IpProtocol.ICMP) {
            return IcmpRepr.parse(frame, l4, l4Length) != null ? layers + 1 : layers;
        }
        if (ip.protocol() != IpProtocol.UDP || !udp.wrapChecked(frame, l4, l4Length)) {
            return layers;
        }
        UdpRepr.parse(frame, l4, l4Length, src, dst);
        udp.verifyChecksum(src, dst);
        layers++;
        int vxAt = udp.payloadOffset();
        int vxLength = udp.payloadLength();
        if (udp.dstPort() != VxlanHeader.UDP_PORT || !vxlan.wrapChecked(frame, vxAt, vxLength)) {
            return layers;
        }
        VxlanRepr.parse(frame, vxAt, vxLength);
        layers++;
        ByteBuf inner = frame.slice(vxlan.payloadOffset(), vxLength - VxlanHeader.HEADER_LENGTH);
        return layers + decode(inner);
    }

    @Test
    void capturedFramesDecodeCompletely() {
        assertEquals(7, decode(exact(Bufs.bytes(Golden.VXLAN_ICMP))));
        assertEquals(3, decode(exact(Bufs.bytes(Golden.DNS_UDP))));
        assertEquals(3, decode(exact(Bufs.bytes(Golden.VLAN_TCP))));
        assertEquals(3, decode(exact(Bufs.bytes(Golden.VLAN_ARP))));
        assertEquals(2, decode(exact(Bufs.bytes(Golden.ARP_REQUEST))));
        assertEquals(4, decode(exact(Bufs.bytes(Golden.DOUBLE_TAGGED_ARP))));
    }

    @Test
    void everyTruncationIsRejectedWithoutException() {
        for (String hex : FRAMES) {
            byte[] full = Bufs.bytes(hex);
            int complete = decode(exact(full));
            for (int length = 0; length < full.length; length++) {
                ByteBuf cut = exact(Arrays.copyOf(full, length));
                int layers = decode(cut); // must not throw
                if (layers > complete) {
                    throw new AssertionError("truncated frame decoded further than the whole one");
                }
            }
        }
    }

    @Test
    void mutatedFramesNeverThrow() {
        SplittableRandom random = new SplittableRandom(7348);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = Bufs.bytes(FRAMES.get(random.nextInt(FRAMES.size())));
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            decode(exact(Arrays.copyOf(bytes, length)));
        }
    }

    @Test
    void randomBytesNeverThrow() {
        SplittableRandom random = new SplittableRandom(826);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(100)];
            random.nextBytes(bytes);
            if (bytes.length > 14 && random.nextBoolean()) {
                bytes[12] = (byte) 0x08; // steer half of them into the IPv4 decoder
                bytes[13] = 0x00;
                bytes[14] = 0x45;
            }
            decode(exact(bytes));
        }
    }
}
