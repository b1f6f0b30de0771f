package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid input that was refused (issue 21 item 10), end to end at the host's prompt, each as the
 * reference engine (Docker 20.10, the 28.2 client), iptables-nft 1.8.9 or BIND dig 9.18 printed it
 * here; and {@code --scale SERVICE=-1}, which was accepted.
 */
class AcceptedInputsTest {
    private TestHost host;

    @BeforeEach
    void up() {
        host = new TestHost(21);
    }

    @AfterEach
    void down() {
        host.close();
    }

    @Test
    void auxAddressesAreReservedInIpamAndShownByInspect() {
        host.ok("docker network create --subnet 10.191.0.0/24 --aux-address host1=10.191.0.2 --aux-address host2=10.191.0.3 rmaux");
        // moby 28 (daemon/network.go buildIPAMResources) shows the user's IpamConf: no --gateway, no Gateway
        // (the recorded tut-alpine-net.out, 20.10, says the same); AuxiliaryAddresses as recorded.
        assertEquals(List.of("{\"Driver\":\"default\",\"Options\":{},\"Config\":[{\"Subnet\":\"10.191.0.0/24\","
                + "\"AuxiliaryAddresses\":{\"host1\":\"10.191.0.2\",\"host2\":\"10.191.0.3\"}}]}"),
                host.ok("docker network inspect -f '{{json .IPAM}}' rmaux"));
        host.ok("docker run -d --name rmauxc --network rmaux alpine sleep 100");
        assertEquals(List.of("10.191.0.4"), host.ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' rmauxc"));
        CommandResult taken = host.run("docker run -d --name rmauxd --network rmaux --ip 10.191.0.2 alpine sleep 100");
        assertEquals(125, taken.status());
        assertTrue(String.join("\n", taken.output()).contains("Address already in use"), taken.output().toString());
        String pretty = String.join("\n", host.ok("docker network inspect rmaux"));
        assertTrue(pretty.replaceAll("\\s+", " ").contains(
                "\"Subnet\": \"10.191.0.0/24\", \"AuxiliaryAddresses\": { \"host1\": \"10.191.0.2\", \"host2\": \"10.191.0.3\" } }"), pretty);
    }

    @Test
    void sctpPortsArePublishedWithSctpRules() {
        host.ok("docker run -d --name rmsctp -p 5000:5000/sctp alpine sleep 100");
        assertEquals(List.of("rmsctp 0.0.0.0:5000->5000/sctp, [::]:5000->5000/sctp"),
                host.ok("docker ps --format '{{.Names}} {{.Ports}}' --filter name=rmsctp"));
        assertEquals(List.of("5000/sctp -> 0.0.0.0:5000", "5000/sctp -> [::]:5000"), host.ok("docker port rmsctp"));
        List<String> save = host.ok("iptables-save");
        assertTrue(save.contains("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p sctp -m sctp --dport 5000 -j ACCEPT"), save.toString());
        assertTrue(save.contains("-A DOCKER ! -i docker0 -p sctp -m sctp --dport 5000 -j DNAT --to-destination 172.17.0.2:5000"), save.toString());
        host.ok("docker run -d --name rmsctp2 --expose 5000/sctp alpine sleep 100");
        assertEquals(List.of("rmsctp2 5000/sctp"), host.ok("docker ps --format '{{.Names}} {{.Ports}}' --filter name=rmsctp2"));
    }

    /** As iptables-nft 1.8.9 printed the same two rules in a namespace of its own. */
    @Test
    void sctpMatchesAsIptablesPrintsThem() {
        host.ok("iptables -A INPUT -p sctp --dport 9 -j ACCEPT");
        host.ok("iptables -A INPUT -p sctp -m sctp --sport 10:20 -j DROP");
        assertEquals(List.of("-P INPUT ACCEPT", "-A INPUT -p sctp -m sctp --dport 9 -j ACCEPT",
                "-A INPUT -p sctp -m sctp --sport 10:20 -j DROP"), host.ok("iptables -S INPUT"));
        assertEquals(List.of("Chain INPUT (policy ACCEPT)",
                "target     prot opt source               destination         ",
                "ACCEPT     sctp --  anywhere             anywhere             sctp dpt:9",
                "DROP       sctp --  anywhere             anywhere             sctp spts:10:20"), host.ok("iptables -L INPUT"));
        assertEquals(List.of("Chain INPUT (policy ACCEPT)",
                "target     prot opt source               destination         ",
                "ACCEPT     132  --  0.0.0.0/0            0.0.0.0/0            sctp dpt:9",
                "DROP       132  --  0.0.0.0/0            0.0.0.0/0            sctp spts:10:20"), host.ok("iptables -L INPUT -n"));
    }

    @Test
    void digAsksThePortGivenWithMinusP() {
        host.ok("docker network create rmdig");
        host.ok("docker run -d --name rmweb --network rmdig nginx");
        List<String> out = host.ok("docker run --rm --network rmdig nicolaka/netshoot dig -p 53 rmweb");
        assertTrue(out.contains("; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> -p 53 rmweb"), out.toString());
        assertTrue(out.contains(";; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.matches("rmweb\\.\\s+600\\s+IN\\s+A\\s+172\\.18\\.0\\.2")), out.toString());
        assertEquals(List.of("172.18.0.2"), host.ok("docker run --rm --network rmdig nicolaka/netshoot dig @127.0.0.11 -p53 rmweb +short"));
        CommandResult refused = host.run("docker run --rm --network rmdig nicolaka/netshoot dig -p 5353 +tcp rmweb");
        assertEquals(9, refused.status());
        assertEquals(";; communications error to 127.0.0.11#5353: connection refused", refused.output().get(0));
        // Over UDP (BIND 9.18.49's dig here, at a closed port of 127.0.0.1): the ICMP port unreachable
        // refuses each of the three tries at once, on stdout; exit 9.
        long before = host.world.emulation().loop().nanos();
        CommandResult udp = host.run("docker run --rm --network rmdig nicolaka/netshoot dig -p 5353 rmweb");
        assertEquals(9, udp.status());
        String refusedLine = ";; communications error to 127.0.0.11#5353: connection refused";
        assertEquals(List.of(refusedLine, refusedLine, refusedLine, "", "; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> -p 5353 rmweb",
                ";; global options: +cmd", ";; no servers could be reached"), udp.output());
        assertTrue(host.world.emulation().loop().nanos() - before < 1_000_000_000L, "refused at once, not after timeouts");
    }

    @Test
    void aNegativeScaleIsRefusedBeforeAnythingIsMade(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, "name: rmscale\nservices:\n  web:\n    image: nginx\n");
        CliRun run = CliRun.of("run", file.toString(), "--no-capture", "--scale", "web=-1");
        assertEquals(2, run.status(), run.out() + run.err());
        assertEquals("dockwire: --scale web=-1: a service runs 0 or more containers\n", run.err());
        assertEquals("", run.out());
    }
}
