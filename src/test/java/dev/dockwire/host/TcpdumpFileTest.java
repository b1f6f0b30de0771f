package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpdump -w FILE} writes a real pcap on the disk (relative to the working directory) and {@code -r FILE} reads it back. */
class TcpdumpFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenThenReadBackWithTheSameLinesAsALiveTcpdump() throws Exception {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.world.host().workingDirectory(dir);
            h.ok("docker network create -o com.docker.network.bridge.name=br-lab --subnet 172.20.0.0/16 lab");
            h.ok("docker run -d --name a1 --network lab alpine sleep 1d");
            h.ok("docker run -d --name b1 --network lab alpine sleep 1d");
            assertEquals(List.of("tcpdump: listening on br-lab, link-type EN10MB (Ethernet), snapshot length 262144 bytes"),
                    h.ok("sudo tcpdump -i br-lab -n -c 4 -w ping.pcap icmp &"));
            h.ok("docker exec a1 ping -c 2 b1");
            assertTrue(Files.size(dir.resolve("ping.pcap")) > 24 + 4 * 16, "four packets on the disk");
            List<String> read = h.ok("tcpdump -n -r ping.pcap");
            assertEquals("reading from file ping.pcap, link-type EN10MB (Ethernet), snapshot length 262144", read.get(0));
            assertEquals(5, read.size(), String.join("\n", read));
            assertTrue(read.get(1).matches("00:00:0\\d\\.\\d{6} IP 172\\.20\\.0\\.2 > 172\\.20\\.0\\.3: ICMP echo request, id \\d+, seq 0, length 64"),
                    read.get(1));
            assertEquals(List.of("reading from file ping.pcap, link-type EN10MB (Ethernet), snapshot length 262144"),
                    h.ok("tcpdump -n -r ping.pcap tcp"), "the filter applies to what is read");
            assertEquals(1, h.run("tcpdump -r missing.pcap").status());
        }
    }

    @Test
    void anyCapturesEveryInterfaceWithItsNameAndDirection() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create -o com.docker.network.bridge.name=br-lab --subnet 172.20.0.0/16 lab");
            h.ok("docker run -d --name a1 --network lab alpine sleep 1d");
            h.ok("docker run -d --name b1 --network lab alpine sleep 1d");
            assertEquals(List.of("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
                    "listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes"),
                    h.ok("tcpdump -i any -n -c 4 icmp &"));
            // As a real host prints it (tcpdump 4.99 on Docker 20.10's bridge): the any device is not
            // promiscuous, so the bridge shows nothing of what it forwards, and a port's frames for
            // another address are P (PACKET_OTHERHOST).
            assertFourLines(h.ok("docker exec a1 ping -c 1 b1"), "20");
        }
    }

    @Test
    void anyFollowsInterfacesThatAppearWhileItRuns() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("tcpdump -i any -n -c 4 icmp &");
            // The bridge and both containers' veths are made after tcpdump started.
            h.ok("docker network create -o com.docker.network.bridge.name=br-late --subnet 172.21.0.0/16 late");
            h.ok("docker run -d --name a1 --network late alpine sleep 1d");
            h.ok("docker run -d --name b1 --network late alpine sleep 1d");
            assertFourLines(h.ok("docker exec a1 ping -c 1 b1"), "21");
        }
    }

    @Test
    void noPromiscuousModeShowsABridgesOwnTrafficOnly() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create -o com.docker.network.bridge.name=br-lab --subnet 172.20.0.0/16 lab");
            h.ok("docker run -d --name a1 --network lab alpine sleep 1d");
            h.ok("docker run -d --name b1 --network lab alpine sleep 1d");
            h.ok("tcpdump -p -i br-lab -n -c 1 icmp &");
            assertTrue(h.ok("docker exec a1 ping -c 1 b1").stream().noneMatch(l -> l.contains(" IP ")), "forwarded: not seen");
            assertTrue(h.ok("docker exec a1 ping -c 1 172.20.0.1").stream()
                    .anyMatch(l -> l.matches("00:00:0\\d\\.\\d{6} IP 172\\.20\\.0\\.2 > 172\\.20\\.0\\.1: ICMP echo request.*")),
                    "to the bridge's own address: seen");
        }
    }

    /** a's echo request in by its veth, out by b's; b's reply back the same way. */
    private static void assertFourLines(List<String> out, String net) {
        List<String> dump = out.stream().filter(l -> l.contains(" IP 172." + net + ".")).toList();
        String a = "172\\." + net + "\\.0\\.2";
        String b = "172\\." + net + "\\.0\\.3";
        List<String> want = List.of("(veth\\w{7}) P   IP " + a + " > " + b + ": ICMP echo request.*",
                "(veth\\w{7}) Out IP " + a + " > " + b + ": ICMP echo request.*",
                "(veth\\w{7}) P   IP " + b + " > " + a + ": ICMP echo reply.*",
                "(veth\\w{7}) Out IP " + b + " > " + a + ": ICMP echo reply.*");
        assertEquals(4, dump.size(), String.join("\n", dump));
        for (int i = 0; i < 4; i++) {
            assertTrue(dump.get(i).matches("00:00:0\\d\\.\\d{6} " + want.get(i)), String.join("\n", dump));
        }
        String first = dump.get(0).split(" ")[1];
        String second = dump.get(1).split(" ")[1];
        assertTrue(!first.equals(second) && dump.get(2).contains(second) && dump.get(3).contains(first), String.join("\n", dump));
    }
}
