package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {

    @Test
    void parsesAndFormats() {
        Ipv4Address a = Ipv4Address.parse("172.17.0.2");
        assertEquals(0xac110002, a.bits());
        assertEquals("172.17.0.2", a.toString());
        assertEquals(a, Ipv4Address.of(172, 17, 0, 2));
        assertEquals("255.255.255.255", Ipv4Address.BROADCAST.toString());
        assertEquals("0.0.0.0", Ipv4Address.ANY.toString());
        assertEquals("127.0.0.1", Ipv4Address.LOOPBACK.toString());
        assertEquals("0.0.0.0", Ipv4Address.parse("0.0.0.0").toString());
        assertArrayEquals(new byte[] {(byte) 172, 17, 0, 2}, a.toBytes());
    }

    @Test
    void formatIsUnsigned() {
        assertEquals("224.0.0.251", Ipv4Address.format(0xe00000fb));
        assertEquals("255.0.0.1", Ipv4Address.format(0xff000001));
    }

    @Test
    void classifies() {
        assertTrue(Ipv4Address.parse("127.0.0.11").isLoopback());
        assertFalse(Ipv4Address.parse("128.0.0.1").isLoopback());
        assertTrue(Ipv4Address.parse("224.0.0.251").isMulticast());
        assertTrue(Ipv4Address.parse("239.255.255.250").isMulticast());
        assertFalse(Ipv4Address.parse("240.0.0.1").isMulticast());
        assertFalse(Ipv4Address.parse("223.255.255.255").isMulticast());
    }

    @Test
    void ordersUnsigned() {
        assertTrue(Ipv4Address.parse("10.0.0.1").compareTo(Ipv4Address.parse("192.168.0.1")) < 0);
        assertTrue(Ipv4Address.parse("255.0.0.0").compareTo(Ipv4Address.parse("1.0.0.0")) > 0);
        assertEquals(0, Ipv4Address.parse("1.2.3.4").compareTo(Ipv4Address.of(1, 2, 3, 4)));
    }

    @Test
    void valueSemantics() {
        assertEquals(Ipv4Address.parse("172.17.0.1").hashCode(), Ipv4Address.of(0xac110001).hashCode());
        assertNotEquals(Ipv4Address.parse("172.17.0.1"), Ipv4Address.parse("172.17.0.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "a.b.c.d", "", " 1.2.3.4",
        "1.2.3.4 ", "1..2.3", "-1.2.3.4", "+1.2.3.4", "1.2.3.1000", "172.17.0.0/16", "\uff11.2.3.4"})
    void rejectsBadTextWithClearMessage(String text) {
        assertNull(Ipv4Address.tryParse(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(text));
        assertEquals("invalid IPv4 address \"" + text + "\": expected four decimal octets 0-255 like 172.17.0.2",
                e.getMessage());
    }

    @Test
    void rejectsNull() {
        assertNull(Ipv4Address.tryParse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(null));
        assertTrue(e.getMessage().startsWith("invalid IPv4 address"), e.getMessage());
    }
}
