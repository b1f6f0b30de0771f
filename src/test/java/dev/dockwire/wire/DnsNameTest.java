package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.emitted;
import static dev.dockwire.wire.TcpDnsFixtures.hex;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsNameTest {

    /** Reads the name at {@code at} of the message {@code hex}; returns "name@next" or "fail". */
    private static String read(String hex, int at) {
        return with(hex, buf -> {
            StringBuilder sb = new StringBuilder();
            int next = DnsName.read(buf, 0, buf.readableBytes(), at, sb);
            assertEquals(next, DnsName.skip(buf, 0, buf.readableBytes(), at));
            return next < 0 ? "fail" + (sb.length() == 0 ? "" : " with leftovers " + sb) : sb + "@" + next;
        });
    }

    private static final String HEADER = "000000000000000000000000";

    @Test
    void readsPlainAndCompressedNames() {
        String msg = HEADER + "076578616d706c6503636f6d00" + "03777777c00c" + "c019";
        assertEquals("example.com@25", read(msg, 12));
        assertEquals("www.example.com@31", read(msg, 25));
        assertEquals("www.example.com@33", read(msg, 31), "pointer to a name ending in a pointer");
        assertEquals("com@25", read(msg, 20));
        assertEquals("@13", read(HEADER + "00", 12), "root");
    }

    @Test
    void refusesPointerLoopsAndForwardPointers() {
        assertEquals("fail", read(HEADER + "c00c", 12), "pointer to itself");
        assertEquals("fail", read(HEADER + "c00e" + "c00c", 12), "forward pointer");
        assertEquals("fail", read(HEADER + "0161c00c", 12), "pointer back to the start of its own name");
        assertEquals("fail", read(HEADER + "0161c00d", 12), "pointer into its own name");
        assertEquals("fail", read(HEADER + "0161c00e" + "0162c00c", 16), "two names pointing at each other");
        assertEquals("fail", read(HEADER + "c0ff", 12), "pointer beyond the message");
        assertEquals("fail", read(HEADER + "c0", 12), "pointer cut in half");
    }

    @Test
    void boundsThePointerChain() {
        // pointer i sits at 13 + 2i and points at pointer i - 1; pointer 0 points at the root at 12
        StringBuilder msg = new StringBuilder(HEADER + "00");
        for (int i = 0; i < 200; i++) {
            msg.append(String.format("%04x", 0xC000 | (i == 0 ? 12 : 13 + 2 * (i - 1))));
        }
        int last = DnsName.MAX_POINTERS - 1;
        assertEquals("@" + (13 + 2 * last + 2), read(msg.toString(), 13 + 2 * last), "128 pointers are followed");
        assertEquals("fail", read(msg.toString(), 13 + 2 * (last + 1)), "129 are not");
        assertEquals("fail", read(msg.toString(), 13 + 2 * 199), "200 are not");
    }

    @Test
    void refusesBadLabels() {
        assertEquals("fail", read(HEADER + "40" + "61".repeat(64) + "00", 12), "label length 64 (top bits 01)");
        assertEquals("fail", read(HEADER + "8161" + "00", 12), "top bits 10");
        assertEquals("fail", read(HEADER + "056162", 12), "label runs past the end");
        assertEquals("fail", read(HEADER + "036162" + "63", 12), "no terminating zero");
        assertEquals("fail", read(HEADER, 12), "nothing there");
        assertEquals("fail", read(HEADER + "00", 13), "offset past the end");
    }

    @Test
    void refusesNamesLongerThan255Octets() {
        String label63 = "3f" + "61".repeat(63);
        String label61 = "3d" + "61".repeat(61);
        String exactly255 = label63 + label63 + label63 + label61 + "00"; // 64*3 + 62 + 1
        assertEquals(255, bytes(exactly255).length);
        assertTrue(read(HEADER + exactly255, 12).endsWith("@" + (12 + 255)));
        String label62 = "3e" + "61".repeat(62);
        assertEquals("fail", read(HEADER + label63 + label63 + label63 + label62 + "00", 12), "256 octets");
        // the same overrun reached through a pointer
        String viaPointer = HEADER + label63 + label63 + "00" + label63 + label62 + "c00c";
        assertEquals("fail", read(viaPointer, 12 + 129));
    }

    @Test
    void escapesOctetsThatAreNotPlainText() {
        String msg = HEADER + "05612e625c63" + "0420ff4100" + "00";
        assertEquals("a\\.b\\\\c.\\032\\255A\\000@24", read(msg, 12));
        List<byte[]> labels = DnsName.labels("a\\.b\\\\c.\\032\\255A\\000");
        assertEquals("612e625c63", hex(labels.get(0)));
        assertEquals("20ff4100", hex(labels.get(1)));
    }

    @Test
    void parsesPresentationText() {
        assertEquals(2, DnsName.labels("example.com").size());
        assertEquals(2, DnsName.labels("example.com.").size());
        assertEquals(0, DnsName.labels("").size());
        assertEquals(0, DnsName.labels(".").size());
        assertEquals("612e", hex(DnsName.labels("a\\.").get(0)), "escaped final dot is part of the label");
        for (String bad : List.of("a..b", ".com", "..", "a\\", "a\\25", "a\\256", "é\u0100.com", "a".repeat(64) + ".com",
                ("a".repeat(63) + ".").repeat(4))) {
            assertThrows(IllegalArgumentException.class, () -> DnsName.labels(bad), bad);
            assertFalse(DnsName.isValid(bad), bad);
        }
        assertTrue(DnsName.isValid("_http._tcp.example.com"));
        assertTrue(DnsName.isValid(("a".repeat(63) + ".").repeat(3) + "a".repeat(61)), "255 octets on the wire");
    }

    @Test
    void comparesWithoutCase() {
        assertTrue(DnsName.equalsIgnoreCase("Example.COM.", "example.com"));
        assertFalse(DnsName.equalsIgnoreCase("example.com", "example.org"));
        assertEquals("a\\.", DnsName.lowerCase("A\\."), "escaped dot is kept");
        assertEquals("a\\\\", DnsName.lowerCase("A\\\\."), "escaped backslash, then the trailing dot");
    }

    @Test
    void compressorPointsAtEarlierSuffixesKeepingCase() {
        byte[] out = emitted(80, buf -> {
            DnsNameCompressor c = new DnsNameCompressor(0);
            int at = 12;
            at += c.write(buf, at, "example.com", true);
            at += c.write(buf, at, "www.example.com", true);
            at += c.write(buf, at, "mail.example.com", false);
            at += c.write(buf, at, "example.com.", true);
            at += c.write(buf, at, "", true);
            at += c.write(buf, at, "ftp.Example.com", true);
            assertEquals(12 + 13 + 6 + 18 + 2 + 1 + 14, at);
        });
        assertEquals(HEADER + "076578616d706c6503636f6d00" + "03777777c00c" + "046d61696c076578616d706c6503636f6d00"
                + "c00c" + "00" + "03667470074578616d706c65c014" + "00".repeat(80 - 66), hex(out));
    }

    @Test
    void compressorMeasuresWithoutABuffer() {
        DnsNameCompressor c = new DnsNameCompressor(100);
        assertEquals(13, c.write(null, 112, "example.com", true));
        assertEquals(6, c.write(null, 125, "www.example.com", true));
    }

    @Test
    void offsetsBeyondPointerRangeAreNotRemembered() {
        ByteBuf buf = Unpooled.buffer(0x4100);
        try {
            DnsNameCompressor c = new DnsNameCompressor(0);
            assertEquals(13, c.write(buf, 0x4000, "example.com", true));
            assertEquals(13, c.write(buf, 0x4010, "example.com", true), "0x4000 cannot be pointed at");
        } finally {
            buf.release();
        }
    }

    @Test
    void readsNamesThatTheCompressorWrote() {
        String hex = hex(emitted(40, buf -> {
            DnsNameCompressor c = new DnsNameCompressor(0);
            c.write(buf, 12, "a.b.c", true);
            c.write(buf, 19, "x.b.c", true);
            c.write(buf, 23, "x.B.C", true);
        }));
        assertEquals("a.b.c@19", read(hex, 12));
        assertEquals("x.b.c@23", read(hex, 19));
        assertEquals("x.B.C@30", read(hex, 23), "case kept: B.C is not b.c");
    }

    @Test
    void readDoesNotThrowOnArbitraryBytes() {
        byte[] junk = bytes("c0c1c2c3ffff3f3f3f01020300c00c0000");
        for (int at = 0; at < junk.length + 2; at++) {
            int a = at;
            with(junk, buf -> DnsName.read(buf, 0, junk.length, a, new StringBuilder()));
        }
    }
}
