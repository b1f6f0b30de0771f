package dev.dockwire.app.bin.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.bin.ping.PingRig.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 16-bit ICMP sequence wraps after 65,535 on the virtual clock: each request's slot in the
 * table of replies (MAX_DUP_CHK: iputils 0x10000, BusyBox 1024) is cleared when it is sent, so a
 * reply after the wrap is neither a duplicate nor lost, and its time is its own request's.
 */
class PingSequenceWrapTest {
    @Test
    void busyboxCountsFromZeroAndWrapsToZero() {
        PingRig r = new PingRig(Peer.REPLIES).run(new BusyboxPing(), "-c", "65540", "-i", "0.01", "web");
        List<String> out = r.stdout();
        assertEquals("64 bytes from 172.18.0.2: seq=65535 ttl=64 time=0.147 ms", out.get(65536));
        assertEquals("64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.147 ms", out.get(65537));
        assertEquals("64 bytes from 172.18.0.2: seq=3 ttl=64 time=0.147 ms", out.get(65540));
        assertTrue(out.stream().noneMatch(l -> l.contains("DUP")), "no duplicate");
        assertEquals("65540 packets transmitted, 65540 packets received, 0% packet loss", out.get(out.size() - 2));
        assertEquals("round-trip min/avg/max = 0.147/0.147/0.147 ms", out.get(out.size() - 1));
        assertEquals(0, r.status);
    }

    @Test
    void iputilsCountsFromOneAndWrapsToZero() {
        PingRig r = new PingRig(Peer.REPLIES).run(new IputilsPing(), "-c", "65540", "-i", "0.01", "172.18.0.2");
        List<String> out = r.stdout();
        assertEquals("64 bytes from 172.18.0.2: icmp_seq=65535 ttl=64 time=0.147 ms", out.get(65535));
        assertEquals("64 bytes from 172.18.0.2: icmp_seq=0 ttl=64 time=0.147 ms", out.get(65536));
        assertEquals("64 bytes from 172.18.0.2: icmp_seq=4 ttl=64 time=0.147 ms", out.get(65540));
        assertTrue(out.stream().noneMatch(l -> l.contains("DUP")), "no duplicate");
        assertTrue(out.get(out.size() - 2).startsWith("65540 packets transmitted, 65540 received, 0% packet loss"),
                out.get(out.size() - 2));
        assertEquals(0, r.status);
    }

    @Test
    void eachFamilyTracksAsManySequencesAsItsTable() {
        assertEquals(1024, new BusyboxPing().dupTableSize());
        assertEquals(0x10000, new IputilsPing().dupTableSize());
    }
}
