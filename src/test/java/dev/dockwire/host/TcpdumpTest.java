package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tcpdump on the host (in the background while other commands run) and inside a container. */
class TcpdumpTest {

    @Test
    void aBackgroundTcpdumpPrintsWhatCrossesTheBridgeWhileOtherCommandsRun() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create -o com.docker.network.bridge.name=br-lab --subnet 172.20.0.0/16 lab");
            h.ok("docker run -d --name a1 --network lab alpine sleep 1d");
            h.ok("docker run -d --name b1 --network lab alpine sleep 1d");
            assertEquals(List.of("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
                    "listening on br-lab, link-type EN10MB (Ethernet), snapshot length 262144 bytes"),
                    h.ok("tcpdump -i br-lab -n -c 4 icmp &"));
            assertEquals(1, h.ok("jobs").size());
            List<String> out = h.ok("docker exec a1 ping -c 2 b1");
            // Its lines where a terminal shows them, among ping's: the first request before ping's first reply.
            List<String> dump = out.stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*")
                    || l.matches("\\d+ packets (captured|received by filter|dropped by kernel)")).toList();
            assertEquals(4 + 3, dump.size(), String.join("\n", out));
            assertTrue(out.indexOf(dump.get(0)) < out.indexOf("64 bytes from 172.20.0.3: seq=0 ttl=64 time=0.000 ms"), String.join("\n", out));
            assertTrue(dump.get(0).matches("00:00:0\\d\\.\\d{6} IP 172\\.20\\.0\\.2 > 172\\.20\\.0\\.3: ICMP echo request, id \\d+, seq 0, length 64"),
                    dump.get(0));
            assertTrue(dump.get(1).contains("IP 172.20.0.3 > 172.20.0.2: ICMP echo reply"), dump.get(1));
            // As tcpdump 4.99 ends at -c (wire.out): no blank line, which it prints only when interrupted.
            assertEquals(List.of("4 packets captured", "4 packets received by filter", "0 packets dropped by kernel"),
                    dump.subList(4, 7));
            // A script's bash says a job ended only when asked (POSIX: jobs is the only way), once.
            assertEquals(List.of("[1]+  Done                    tcpdump -i br-lab -n -c 4 icmp"), h.ok("jobs"), "the job ended at -c 4");
            assertEquals(List.of(), h.ok("jobs"));
        }
    }

    @Test
    void killEndsAJobAndTheDnsItSawIsDecodedLikeTcpdump() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create lab");
            h.ok("docker run -d --name a1 --network lab alpine sleep 1d");
            h.ok("tcpdump -i eth0 -n -t udp port 53 &");
            List<String> out = h.ok("docker exec a1 nslookup example.com");
            assertTrue(out.stream().anyMatch(l -> l.matches("IP 192\\.168\\.1\\.10\\.\\d+ > 192\\.168\\.1\\.1\\.53: \\d+\\+ A\\? example\\.com\\. \\(29\\)")),
                    String.join("\n", out));
            assertTrue(out.stream().anyMatch(l -> l.matches("IP 192\\.168\\.1\\.1\\.53 > 192\\.168\\.1\\.10\\.\\d+: \\d+ 1/0/0 A 93\\.184\\.215\\.14 \\(45\\)")),
                    String.join("\n", out));
            List<String> killed = h.ok("kill %1");
            assertEquals("0 packets dropped by kernel", killed.get(killed.size() - 1));
            CommandResult none = h.run("kill %1");
            assertEquals(List.of("bash: kill: %1: no such job"), none.output());
        }
    }

    @Test
    void inAContainerAndItsErrors() {
        ExternalTools.assumeLibpcap();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("docker run -d --name b1 alpine sleep 1d");
            h.ok("tcpdump -i docker0 -c 2 arp &");
            List<String> arp = h.ok("docker exec a1 ping -c 1 172.17.0.3");
            assertTrue(arp.stream().anyMatch(l -> l.endsWith("ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28")),
                    String.join("\n", arp));
            // alpine has no tcpdump: netshoot's, in a's network namespace.
            h.ok("docker run -d --name a-tools --network container:a1 nicolaka/netshoot sleep 1d");
            assertEquals(List.of("tcpdump: eth7: No such device exists", "(SIOCGIFHWADDR: No such device)"),
                    h.run("docker exec a-tools tcpdump -i eth7").output());
            assertEquals(1, h.run("tcpdump -w").status(), "-w FILE writes a pcap now (TcpdumpFileTest); without FILE it is an error");
        }
    }
}
