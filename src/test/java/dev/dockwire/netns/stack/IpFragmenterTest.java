package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.PcapWriter;
import dev.dockwire.link.Frames;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fragments of a known datagram (ip_do_fragment): golden header bytes, and tshark's reading of them. */
class IpFragmenterTest {

    /** UDP 10.0.0.2 → 10.0.0.3, id 0x1c46, 100 payload bytes 0..99 (an 8-byte UDP header included). */
    private static ByteBuf datagram() {
        ByteBuf b = Frames.allocate(120);
        b.writerIndex(b.readerIndex() + 20);
        b.writeShort(40000).writeShort(9).writeShort(100).writeShort(0); // UDP, checksum 0 (none)
        for (int i = 8; i < 100; i++) {
            b.writeByte(i);
        }
        new Ipv4Packet().wrap(b, b.readerIndex()).set(0, 120, 0x1c46, 0, 64, IpProtocol.UDP, 0x0A000002, 0x0A000003)
                .fillChecksum();
        return b;
    }

    private static List<ByteBuf> fragments(int mtu) {
        List<ByteBuf> out = new ArrayList<>();
        IpFragmenter.fragment(datagram(), mtu, false, out::add);
        return out;
    }

    @Test
    void anMtuOf60MakesThreeFragmentsWithEightByteAlignedOffsets() {
        List<ByteBuf> f = fragments(60);
        try {
            // Headers computed independently (Python struct + RFC 1071 sum): length, MF|offset, checksum.
            List<String> golden = List.of(
                    "4500003c1c46200040112a670a0000020a000003",
                    "4500003c1c46200540112a620a0000020a000003",
                    "450000281c46000a40114a710a0000020a000003");
            List<String> got = new ArrayList<>();
            for (ByteBuf b : f) {
                got.add(ByteBufUtil.hexDump(b, b.readerIndex(), 20));
            }
            assertEquals(golden, got);
            // Payloads: 40, 40 and 20 bytes, in order.
            assertEquals(0x9c40, f.get(0).getUnsignedShort(f.get(0).readerIndex() + 20), "UDP header in the first");
            assertEquals(40, f.get(1).getUnsignedByte(f.get(1).readerIndex() + 20));
            assertEquals(80, f.get(2).getUnsignedByte(f.get(2).readerIndex() + 20));
        } finally {
            f.forEach(ByteBuf::release);
        }
    }

    @Test
    void aFragmentOfAFragmentKeepsMfAndItsOffset() {
        List<ByteBuf> first = fragments(60);
        List<ByteBuf> again = new ArrayList<>();
        IpFragmenter.fragment(first.get(1), 44, false, again::add);
        try {
            assertEquals(2, again.size());
            Ipv4Packet p = new Ipv4Packet();
            p.wrap(again.get(0), again.get(0).readerIndex());
            assertEquals(40, p.fragmentOffset());
            assertEquals(true, p.moreFragments());
            p.wrap(again.get(1), again.get(1).readerIndex());
            assertEquals(64, p.fragmentOffset());
            assertEquals(true, p.moreFragments(), "the original fragment was not the last");
            assertEquals(36, p.totalLength());
        } finally {
            first.get(0).release();
            first.get(2).release();
            again.forEach(ByteBuf::release);
        }
    }

    @Test
    void uncopiedOptionsBecomeNoopsAfterTheFirstFragment() {
        // Header with a record-route option (type 7, copied bit clear) and a security-like copied option (0x82).
        ByteBuf b = Frames.allocate(64);
        b.writeZero(20);
        b.writeBytes(new byte[] {7, 7, 4, 0, 0, 0, 0, (byte) 0x82, 4, 1, 2, 0});
        IpFragmenter.blankUncopiedOptions(b, b.readerIndex(), 32);
        assertEquals("010101010101018204010200", ByteBufUtil.hexDump(b, b.readerIndex() + 20, 12));
        b.release();
    }

    @Test
    void tsharkReadsTheFragmentsAndReassemblesTheUdpDatagram(@TempDir Path dir) throws Exception {
        ExternalTools.assumeTool("tshark");
        Path pcap = dir.resolve("frags.pcap");
        List<ByteBuf> f = fragments(60);
        try (PcapWriter w = PcapWriter.create(pcap)) {
            int iface = w.addInterface("eth0", null);
            long t = 0;
            for (ByteBuf b : f) {
                int at = Frames.prepend(b, EthernetFrame.HEADER_LENGTH);
                new EthernetFrame().wrap(b, at).dst(0x02_42_0a_00_00_03L).src(0x02_42_0a_00_00_02L).etherType(EtherType.IPV4);
                w.write(iface, t += 1000, b, CaptureFile.Direction.OUTBOUND);
            }
        } finally {
            f.forEach(ByteBuf::release);
        }
        List<String> lines = ExternalTools.run("tshark", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                "-T", "fields", "-e", "ip.flags.mf", "-e", "ip.frag_offset", "-e", "ip.len", "-e", "ip.checksum.status",
                "-e", "udp.length");
        // This tshark shows the offset in 8-byte units and checksum status 1 (good); the last fragment
        // carries the reassembled UDP datagram's length.
        assertEquals(List.of("1\t0\t60\t1\t", "1\t5\t60\t1\t", "0\t10\t40\t1\t100"), lines, String.join("\n", lines));
    }
}
