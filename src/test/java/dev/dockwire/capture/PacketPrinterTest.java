package dev.dockwire.capture;

import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What tcpdump's flags make of a packet, on frames built here (TcpdumpDifferentialTest compares the
 * same against the real tcpdump where it is installed): relative numbers after a conversation's
 * first ACK, the HTTP line, and the lines of /work/notes/i18/wire.out recorded on a real host.
 */
class PacketPrinterTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: web\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    final TestFrames tf = new TestFrames();

    private ByteBuf request() {
        ByteBuf f = tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, 1001, 500001, PSH | ACK, 502, new byte[0], GET.length);
        f.setBytes(f.writerIndex() - GET.length, GET);
        int p = TestFrames.ipOffset(f) + 20;
        int len = f.writerIndex() - p;
        f.setShort(p + 16, 0);
        long sum = Checksum.pseudoHeader(IP1.bits(), IP2.bits(), IpProtocol.TCP, len);
        f.setShort(p + 16, ~Checksum.fold(Checksum.sum(f, p, len, sum)) & 0xFFFF);
        return f;
    }

    private List<String> print(PrintOptions o, ByteBuf... frames) {
        PacketPrinter printer = new PacketPrinter(o);
        List<String> lines = new ArrayList<>();
        for (ByteBuf f : frames) {
            lines.addAll(List.of(printer.print(f, new StringBuilder()).toString().split("\n", -1)));
            f.release();
        }
        return lines;
    }

    private ByteBuf[] handshake() {
        return new ByteBuf[] {
            tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, 1000, 0, SYN, 64240, new byte[0], 0),
            tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40001, 500000, 1001, SYN | ACK, 65160, new byte[0], 0),
            tf.tcp(MAC1, MAC2, IP1, IP2, 40001, 80, 1001, 500001, ACK, 502, new byte[0], 0),
            request(),
            tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40001, 500001, 1030, ACK, 510, new byte[0], 0),
        };
    }

    @Test
    void sequenceNumbersAreRelativeAfterTheFirstAckAndAbsoluteWithS() {
        String c = "IP 172.18.0.2.40001 > 172.18.0.3.80: ";
        String s = "IP 172.18.0.3.80 > 172.18.0.2.40001: ";
        assertEquals(List.of(c + "Flags [S], seq 1000, win 64240, length 0",
                s + "Flags [S.], seq 500000, ack 1001, win 65160, length 0",
                c + "Flags [.], ack 1, win 502, length 0",
                c + "Flags [P.], seq 1:30, ack 1, win 502, length 29: HTTP: GET / HTTP/1.1",
                s + "Flags [.], ack 30, win 510, length 0"), print(PrintOptions.DEFAULT, handshake()));
        assertEquals(c + "Flags [P.], seq 1001:1030, ack 500001, win 502, length 29: HTTP: GET / HTTP/1.1",
                print(PrintOptions.ABSOLUTE, handshake()).get(3));
        tf.assertAllReleased();
    }

    @Test
    void asciiShowsThePayloadAfterTheLineAndVerboseEveryHttpLine() {
        List<String> ascii = print(new PrintOptions(true, 0, false, 1, 0), request());
        assertEquals(List.of("Host: web", "", ""), ascii.subList(ascii.size() - 3, ascii.size()));
        assertTrue(ascii.get(ascii.size() - 4).startsWith("E..E..@.@.") && ascii.get(ascii.size() - 4).endsWith("GET / HTTP/1.1"),
                ascii.get(ascii.size() - 4));
        List<String> verbose = print(new PrintOptions(true, 1, false, 0, 0), request());
        assertEquals(List.of("IP (tos 0x0, ttl 64, id N, offset 0, flags [DF], proto TCP (6), length 69)",
                "    172.18.0.2.40001 > 172.18.0.3.80: Flags [P.], cksum 0xCK (correct), seq 1001:1030,"
                        + " ack 500001, win 502, length 29: HTTP, length: 29",
                "\tGET / HTTP/1.1", "\tHost: web", "\t"), verbose.stream().map(l -> l.replaceAll("cksum 0x\\p{XDigit}{4}", "cksum 0xCK").replaceAll("id \\d+,", "id N,")).toList());
        tf.assertAllReleased();
    }

    /** wire.out: {@code tcpdump -v -X} of BusyBox's {@code ping -s 16} on the reference host's bridge. */
    @Test
    void verboseHexOfBusyboxPingAsOnTheReferenceHost() {
        byte[] ip = ByteBufUtil.decodeHexDump("4500002cf4ec400040013" + "02c0ada00030ada00020800167a000d0000e5fcfb7b"
                + "000000000000000000000000");
        ByteBuf frame = Unpooled.buffer();
        frame.writeBytes(MAC2.toBytes()).writeBytes(MAC1.toBytes()).writeShort(0x0800).writeBytes(ip);
        assertEquals(List.of("IP (tos 0x0, ttl 64, id 62700, offset 0, flags [DF], proto ICMP (1), length 44)",
                "    10.218.0.3 > 10.218.0.2: ICMP echo request, id 13, seq 0, length 24",
                "\t0x0000:  4500 002c f4ec 4000 4001 302c 0ada 0003  E..,..@.@.0,....",
                "\t0x0010:  0ada 0002 0800 167a 000d 0000 e5fc fb7b  .......z.......{",
                "\t0x0020:  0000 0000 0000 0000 0000 0000            ............"),
                print(new PrintOptions(false, 1, false, 0, 1), frame));
    }
}
