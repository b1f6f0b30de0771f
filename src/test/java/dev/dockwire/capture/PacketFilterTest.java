package dev.dockwire.capture;

import dev.dockwire.testing.ExternalTools;
import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacketFilterTest {
    private final TestFrames tf = new TestFrames();
    private final Map<String, ByteBuf> frames = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        ExternalTools.assumeLibpcap();
        frames.put("arp", tf.arpRequest(MAC1, IP1, IP2));
        frames.put("ping", tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56));
        frames.put("pong", tf.icmpEcho(false, MAC2, MAC1, IP2, IP1, 1, 1, 56));
        frames.put("dns", tf.udp(MAC1, MAC2, IP1, IP2, 40000, 53, 30));
        frames.put("udp", tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 20));
        frames.put("syn80", tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 80, 1, 0, 0x02, 64240, TestFrames.synOptions(1), 0));
        frames.put("ack443", tf.tcp(MAC2, MAC1, IP2, IP1, 443, 40000, 1, 1, 0x10, 502, new byte[0], 0));
        frames.put("vlanping", tf.vlanTagged(frames.get("ping"), 10, 0));
        frames.put("jumbo", tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 8950));
    }

    @AfterEach
    void tearDown() {
        frames.values().forEach(ByteBuf::release);
        tf.assertAllReleased();
    }

    private List<String> matching(String expression) {
        List<String> out = new ArrayList<>();
        try (PacketFilter f = PacketFilter.compile(expression)) {
            for (Map.Entry<String, ByteBuf> e : frames.entrySet()) {
                int r = e.getValue().readerIndex();
                if (f.matches(e.getValue())) {
                    out.add(e.getKey());
                }
                assertEquals(r, e.getValue().readerIndex());
            }
        }
        return out;
    }

    @Test
    void tcpdumpExpressions() {
        assertEquals(List.of("ping", "pong"), matching("icmp"));
        assertEquals(List.of("syn80"), matching("tcp port 80"));
        assertEquals(List.of("arp"), matching("arp"));
        assertEquals(List.of("udp", "jumbo"), matching("udp and not port 53"));
        // pcap-filter(7): "host" matches IPv4, ARP and RARP addresses.
        assertEquals(List.of("arp", "ping", "pong", "dns", "udp", "syn80", "ack443", "jumbo"),
                matching("host 172.18.0.3"));
        assertEquals(List.of("ping", "pong", "dns", "udp", "syn80", "ack443", "jumbo"), matching("ip host 172.18.0.3"));
        assertEquals(List.of("arp", "ping", "dns", "udp", "syn80", "jumbo"), matching("src host 172.18.0.2"));
        assertEquals(List.of("vlanping"), matching("vlan 10 and icmp"));
        assertEquals(List.of("ack443"), matching("tcp[tcpflags] & tcp-ack != 0"));
        assertEquals(List.of("jumbo"), matching("greater 1000"));
    }

    @Test
    void emptyExpressionMatchesEverythingWithoutBpf() {
        assertSame(PacketFilter.ALL, PacketFilter.compile(""));
        assertSame(PacketFilter.ALL, PacketFilter.compile("  "));
        assertSame(PacketFilter.ALL, PacketFilter.compile(null));
        assertTrue(PacketFilter.ALL.matchesAll());
        for (ByteBuf f : frames.values()) {
            assertTrue(PacketFilter.ALL.matches(f));
        }
        PacketFilter.ALL.close();
        assertTrue(PacketFilter.ALL.matches(frames.get("arp")));
    }

    @Test
    void badExpressionNamesItAndLibpcapsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PacketFilter.compile("tcp prot 80"));
        assertEquals("invalid capture filter \"tcp prot 80\": can't parse filter expression: syntax error", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PacketFilter.compile("host 999.1.1.1"));
        assertTrue(e.getMessage().startsWith("invalid capture filter \"host 999.1.1.1\": "), e.getMessage());
        assertTrue(e.getMessage().contains("999.1.1.1'"), e.getMessage());
    }

    @Test
    void closedFilterRejectsEverything() {
        PacketFilter f = PacketFilter.compile("icmp");
        assertEquals("icmp", f.expression());
        assertTrue(f.matches(frames.get("ping")));
        f.close();
        f.close();
        assertFalse(f.matches(frames.get("ping")));
    }
}
