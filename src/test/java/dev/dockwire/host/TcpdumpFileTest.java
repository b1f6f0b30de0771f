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
            h.ok("docker run -d --name a --network lab alpine sleep 1d");
            h.ok("docker run -d --name b --network lab alpine sleep 1d");
            assertEquals(List.of("tcpdump: listening on br-lab, link-type EN10MB (Ethernet), snapshot length 262144 bytes"),
                    h.ok("sudo tcpdump -i br-lab -n -c 4 -w ping.pcap icmp &"));
            h.ok("docker exec a ping -c 2 b");
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
            h.ok("docker run -d --name a --network lab alpine sleep 1d");
            h.ok("docker run -d --name b --network lab alpine sleep 1d");
            assertEquals(List.of("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
                    "listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes"),
                    h.ok("tcpdump -i any -n -c 3 icmp &"));
            List<String> out = h.ok("docker exec a ping -c 1 b");
            List<String> dump = out.subList(out.indexOf("round-trip min/avg/max = 0.000/0.000/0.000 ms") + 1, out.size());
            assertTrue(dump.get(0).matches("00:00:0\\d\\.\\d{6} (veth\\w{7}|br-lab) (In |Out) IP 172\\.20\\.0\\.2 > 172\\.20\\.0\\.3: ICMP echo request.*"),
                    String.join("\n", dump));
        }
    }
}
