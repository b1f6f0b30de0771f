package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacAddressTest {

    @Test
    void parsesAndFormats() {
        MacAddress mac = MacAddress.parse("02:42:ac:11:00:02");
        assertEquals(0x0242ac110002L, mac.bits());
        assertEquals("02:42:ac:11:00:02", mac.toString());
        assertEquals(mac, MacAddress.parse("02-42-AC-11-00-02"));
        assertEquals(mac, MacAddress.parse(" 2:42:ac:11:0:2 "));
        assertEquals("ff:ff:ff:ff:ff:ff", MacAddress.BROADCAST.toString());
        assertEquals("00:00:00:00:00:00", MacAddress.format(0));
        assertArrayEquals(new byte[] {0x02, 0x42, (byte) 0xac, 0x11, 0x00, 0x02}, mac.toBytes());
    }

    @Test
    void keepsOnly48Bits() {
        assertEquals(MacAddress.BROADCAST, MacAddress.of(-1L));
        assertEquals(0x0242ac110002L, MacAddress.of(0x7f00_0242_ac11_0002L).bits());
    }

    @Test
    void groupAndBroadcastBits() {
        assertTrue(MacAddress.BROADCAST.isBroadcast());
        assertTrue(MacAddress.BROADCAST.isMulticast());
        assertTrue(MacAddress.parse("01:00:5e:00:00:fb").isMulticast());
        assertFalse(MacAddress.parse("01:00:5e:00:00:fb").isBroadcast());
        assertFalse(MacAddress.parse("02:42:ac:11:00:02").isMulticast());
        assertFalse(MacAddress.ZERO.isMulticast());
    }

    @Test
    void randomLocalIsUnicastLocallyAdministeredAndReproducible() {
        SeededRandom a = new SeededRandom(42);
        SeededRandom b = new SeededRandom(42);
        for (int i = 0; i < 1000; i++) {
            MacAddress mac = MacAddress.randomLocal(a);
            assertFalse(mac.isMulticast(), mac.toString());
            assertEquals(0x02, (mac.bits() >>> 40) & 0x03, mac.toString());
            assertEquals(mac, MacAddress.randomLocal(b));
        }
    }

    @Test
    void valueSemantics() {
        MacAddress a = MacAddress.parse("02:42:ac:11:00:02");
        assertEquals(a, MacAddress.of(0x0242ac110002L));
        assertEquals(a.hashCode(), MacAddress.of(0x0242ac110002L).hashCode());
        assertNotEquals(a, MacAddress.parse("02:42:ac:11:00:03"));
        assertTrue(a.compareTo(MacAddress.parse("02:42:ac:11:00:03")) < 0);
        assertTrue(MacAddress.BROADCAST.compareTo(a) > 0);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "02:42:ac:11:00       | expected six hex octets like 02:42:ac:11:00:02",
        "02:42:ac:11:00:02:03 | expected six hex octets like 02:42:ac:11:00:02",
        "02:42:ac:11:00:002   | expected six hex octets like 02:42:ac:11:00:02",
        "02:42:ac:11::02      | expected six hex octets like 02:42:ac:11:00:02",
        "''                   | expected six hex octets like 02:42:ac:11:00:02",
        "0242.ac11.0002       | expected six hex octets like 02:42:ac:11:00:02",
        "02:42:ac:11:00:0g    | \"0g\" is not a hex octet",
        "+2:42:ac:11:00:02    | \"+2\" is not a hex octet",
        "02:42:ac:11:00: 2    | \" 2\" is not a hex octet",
    })
    void rejectsBadTextWithClearMessage(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertEquals("invalid MAC address \"" + text + "\": " + reason, e.getMessage());
    }

    @Test
    void rejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(null));
        assertEquals("invalid MAC address: null", e.getMessage());
    }

    @Test
    void rejectsNonAsciiDigits() {
        // FULLWIDTH DIGIT TWO: Integer.parseInt would have read it as 2.
        String text = "\uff12:42:ac:11:00:02";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().contains("is not a hex octet"), e.getMessage());
    }
}
