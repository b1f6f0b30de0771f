package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    private static List<String> hosts(String cidr) {
        List<String> out = new ArrayList<>();
        for (Ipv4Address a : Cidr.parse(cidr).hosts()) {
            out.add(a.toString());
        }
        return out;
    }

    @Test
    void parseKeepsHostBitsAndFormats() {
        Cidr c = Cidr.parse("172.18.0.1/16");
        assertEquals("172.18.0.1/16", c.toString());
        assertEquals(Ipv4Address.parse("172.18.0.1"), c.address());
        assertEquals(16, c.prefixLength());
        assertEquals(0xffff0000, c.maskBits());
        assertEquals("172.18.0.0/16", c.network().toString());
        assertEquals(Ipv4Address.parse("172.18.0.0").bits(), c.networkBits());
        assertEquals(Ipv4Address.parse("172.18.255.255").bits(), c.broadcastBits());
        assertEquals(c, Cidr.of(Ipv4Address.parse("172.18.0.1"), 16));
    }

    @Test
    void bareAddressIsSlash32() {
        Cidr c = Cidr.parse("10.0.0.7");
        assertEquals(32, c.prefixLength());
        assertEquals("10.0.0.7/32", c.toString());
        assertEquals(1, c.size());
    }

    @Test
    void masks() {
        assertEquals(0, Cidr.mask(0));
        assertEquals(0x80000000, Cidr.mask(1));
        assertEquals(0xffffff00, Cidr.mask(24));
        assertEquals(0xfffffffe, Cidr.mask(31));
        assertEquals(0xffffffff, Cidr.mask(32));
        assertEquals(1L << 32, Cidr.parse("0.0.0.0/0").size());
        assertEquals(256, Cidr.parse("192.168.1.0/24").size());
    }

    @Test
    void contains() {
        Cidr net = Cidr.parse("172.17.0.0/16");
        assertTrue(net.contains(Ipv4Address.parse("172.17.0.0")));
        assertTrue(net.contains(Ipv4Address.parse("172.17.255.255")));
        assertFalse(net.contains(Ipv4Address.parse("172.18.0.0")));
        assertFalse(net.contains(Ipv4Address.parse("172.16.255.255")));
        assertTrue(Cidr.parse("172.17.0.1/16").contains(Ipv4Address.parse("172.17.3.4")), "host bits ignored");
        assertTrue(Cidr.parse("0.0.0.0/0").contains(Ipv4Address.parse("255.255.255.255")));
        assertTrue(Cidr.parse("10.0.0.5/32").contains(Ipv4Address.parse("10.0.0.5")));
        assertFalse(Cidr.parse("10.0.0.5/32").contains(Ipv4Address.parse("10.0.0.4")));
        assertTrue(Cidr.parse("128.0.0.0/1").contains(Ipv4Address.parse("255.1.2.3")));
        assertFalse(Cidr.parse("128.0.0.0/1").contains(Ipv4Address.parse("127.255.255.255")));
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "172.17.0.0/16,  172.17.5.0/24,   true",
        "172.17.0.0/16,  172.18.0.0/16,   false",
        "10.0.0.0/8,     10.255.255.255,  true",
        "192.168.0.0/24, 192.168.1.0/24,  false",
        "192.168.0.0/23, 192.168.1.0/24,  true",
        "0.0.0.0/0,      203.0.113.9/32,  true",
        "10.0.0.4/31,    10.0.0.5/32,     true",
        "10.0.0.4/31,    10.0.0.6/31,     false",
        "172.20.0.1/16,  172.20.9.9/16,   true",
    })
    void overlapsIsSymmetric(String a, String b, boolean expected) {
        assertEquals(expected, Cidr.parse(a).overlaps(Cidr.parse(b)));
        assertEquals(expected, Cidr.parse(b).overlaps(Cidr.parse(a)));
    }

    @Test
    void hostsSkipNetworkAndBroadcast() {
        assertEquals(List.of("192.168.1.1", "192.168.1.2"), hosts("192.168.1.0/30"));
        assertEquals(6, hosts("192.168.1.8/29").size());
        List<String> slash24 = hosts("172.18.0.77/24");
        assertEquals(254, slash24.size());
        assertEquals("172.18.0.1", slash24.get(0));
        assertEquals("172.18.0.254", slash24.get(253));
    }

    @Test
    void hostsOfSlash31AndSlash32() {
        // RFC 3021: both addresses of a /31 are hosts; a /32 is its one address.
        assertEquals(List.of("10.0.0.4", "10.0.0.5"), hosts("10.0.0.5/31"));
        assertEquals(List.of("10.0.0.5"), hosts("10.0.0.5/32"));
        assertEquals(List.of("255.255.255.254", "255.255.255.255"), hosts("255.255.255.254/31"));
        assertEquals(List.of("255.255.255.255"), hosts("255.255.255.255/32"));
        assertEquals(List.of("0.0.0.0"), hosts("0.0.0.0/32"));
    }

    @Test
    void hostsAtTopOfAddressSpaceDoNotWrap() {
        assertEquals(List.of("255.255.255.253", "255.255.255.254"), hosts("255.255.255.252/30"));
    }

    @Test
    void hostsOfSlash0StartAtOne() {
        Iterator<Ipv4Address> it = Cidr.parse("0.0.0.0/0").hosts().iterator();
        assertEquals("0.0.0.1", it.next().toString());
        assertEquals("0.0.0.2", it.next().toString());
    }

    @Test
    void hostsIteratorEnds() {
        Iterator<Ipv4Address> it = Cidr.parse("10.0.0.5/32").hosts().iterator();
        assertTrue(it.hasNext());
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void valueSemantics() {
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.of(0x0a000000, 8));
        assertEquals(Cidr.parse("10.0.0.0/8").hashCode(), Cidr.of(0x0a000000, 8).hashCode());
        assertNotEquals(Cidr.parse("10.0.0.1/8"), Cidr.parse("10.0.0.0/8"));
        assertNotEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("10.0.0.0/9"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "172.18.0.0/33  | invalid CIDR \"172.18.0.0/33\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "172.18.0.0/    | invalid CIDR \"172.18.0.0/\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "172.18.0.0/-1  | invalid CIDR \"172.18.0.0/-1\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "172.18.0.0/1a  | invalid CIDR \"172.18.0.0/1a\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "172.18.0.0/100 | invalid CIDR \"172.18.0.0/100\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "172.18.0.0/16/8 | invalid CIDR \"172.18.0.0/16/8\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)",
        "300.1.1.1/8    | invalid CIDR \"300.1.1.1/8\": \"300.1.1.1\" is not an IPv4 address (expected e.g. 172.18.0.0/16)",
        "/16            | invalid CIDR \"/16\": \"\" is not an IPv4 address (expected e.g. 172.18.0.0/16)",
        "docker0        | invalid CIDR \"docker0\": \"docker0\" is not an IPv4 address (expected e.g. 172.18.0.0/16)",
    })
    void rejectsBadTextWithClearMessage(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsNullAndBadPrefixLength() {
        assertEquals("invalid CIDR: null",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse(null)).getMessage());
        assertEquals("invalid prefix length 33: expected 0-32",
                assertThrows(IllegalArgumentException.class, () -> Cidr.of(0, 33)).getMessage());
        assertEquals("invalid prefix length -1: expected 0-32",
                assertThrows(IllegalArgumentException.class, () -> Cidr.of(Ipv4Address.ANY, -1)).getMessage());
    }
}
