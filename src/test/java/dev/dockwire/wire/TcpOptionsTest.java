package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.emitted;
import static dev.dockwire.wire.TcpDnsFixtures.hex;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TcpOptionsTest {

    private static TcpOptions parsed(String hex, boolean expectOk) {
        return with(hex, buf -> {
            TcpOptions o = new TcpOptions();
            assertEquals(expectOk, o.parse(buf, 0, buf.readableBytes()), hex);
            return o;
        });
    }

    private static String emit(TcpOptions o) {
        return hex(emitted(o.length(), buf -> assertEquals(o.length(), o.emit(buf, 0))));
    }

    @Test
    void emitsALinuxSynLayout() {
        TcpOptions o = new TcpOptions().mss(1460).sackPermitted(true).timestamps(0x11223344, 0).windowScale(7);
        assertEquals("020405b4" + "0402080a" + "11223344" + "00000000" + "01030307", emit(o));
    }

    @Test
    void emitsNopsWhereLinuxDoes() {
        // no timestamps: SACK_PERM goes behind two NOPs (tcp_options_write)
        assertEquals("020405b4" + "01010402" + "01030307",
                emit(new TcpOptions().mss(1460).sackPermitted(true).windowScale(7)));
        // established segment with timestamps only
        assertEquals("0101080a" + "00000001" + "00000002", emit(new TcpOptions().timestamps(1, 2)));
        // timestamps and two SACK blocks
        assertEquals("0101080a0000000100000002" + "0101051200000064000000c8000001f4000003e8",
                emit(new TcpOptions().timestamps(1, 2).addSack(100, 200).addSack(500, 1000)));
        assertEquals("", emit(new TcpOptions()));
    }

    @Test
    void parsesWhatItEmits() {
        TcpOptions o = new TcpOptions().mss(536).sackPermitted(true).windowScale(14).addSack(1, 2).addSack(3, 4)
                .addSack(-5, -1);
        TcpOptions back = parsed(emit(o), true);
        assertEquals(536, back.mss());
        assertTrue(back.sackPermitted());
        assertEquals(14, back.windowScale());
        assertFalse(back.hasTimestamps());
        assertEquals(3, back.sackBlockCount());
        assertEquals(-5, back.sackLeft(2));
        assertEquals(-1, back.sackRight(2));
    }

    @Test
    void parsesFourSackBlocksAndOtherLayouts() {
        TcpOptions o = parsed("0101" + "0522" + "00000001000000020000000300000004000000050000000600000007000000080000", true);
        assertEquals(4, o.sackBlockCount());
        assertEquals(7, o.sackLeft(3));
        assertEquals(8, o.sackRight(3));
        // Windows-style SYN: MSS, NOP, WS, NOP, NOP, SACK_PERM
        o = parsed("020405b4010303080101" + "0402", true);
        assertEquals(1460, o.mss());
        assertEquals(8, o.windowScale());
        assertTrue(o.sackPermitted());
    }

    @Test
    void endOfListStopsParsing() {
        TcpOptions o = parsed("020405b4" + "00" + "ffffff", true);
        assertEquals(1460, o.mss());
    }

    @Test
    void skipsUnknownKindsAndIgnoresWrongLengthsLikeLinux() {
        TcpOptions o = parsed("1e0601020304" + "0203ff" + "020405b4", true); // kind 30 (MPTCP), then MSS with length 3
        assertEquals(1460, o.mss());
        o = parsed("0203ff" + "0101", true);
        assertEquals(-1, o.mss());
        o = parsed("050bffffffffffffffffff", true); // SACK length 11 is not 2 + 8n
        assertEquals(0, o.sackBlockCount());
    }

    @Test
    void malformedOptionsFailWithoutThrowing() {
        parsed("0200", false); // length 0
        parsed("0201", false); // length 1
        parsed("02", false); // kind without length byte
        parsed("020405", false); // MSS cut short
        parsed("0101080a00000001", false); // timestamps overrun the area
        parsed("08ff", false); // length far beyond the area
    }

    @Test
    void parseResetsPreviousState() {
        TcpOptions o = parsed("020405b40402080a00000001000000020103030a", true);
        with("0101", buf -> o.parse(buf, 0, 2));
        assertEquals(-1, o.mss());
        assertFalse(o.sackPermitted());
        assertFalse(o.hasTimestamps());
        assertEquals(-1, o.windowScale());
    }

    @Test
    void atMostFourSackBlocks() {
        TcpOptions o = new TcpOptions().addSack(1, 2).addSack(3, 4).addSack(5, 6).addSack(7, 8);
        assertThrows(IllegalStateException.class, () -> o.addSack(9, 10));
        assertEquals(36, o.length());
        o.mss(1460).timestamps(1, 2);
        assertEquals(4 + 12 + 4 + 16, o.length(), "only two blocks fit behind MSS and timestamps");
    }

    @Test
    void everyPrefixOfASynOptionAreaIsSafe() {
        byte[] area = bytes("020405b40402080a2646a4e2000000000103030a");
        for (int n = 0; n <= area.length; n++) {
            int len = n;
            with(area, buf -> new TcpOptions().parse(buf, 0, len));
        }
    }
}
