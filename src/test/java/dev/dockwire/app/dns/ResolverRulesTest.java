package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.testing.TestHost;
import dev.dockwire.wire.IpProtocol;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Docker's DOCKER_OUTPUT/DOCKER_POSTROUTING rules in a container's nat table (libnetwork's
 * resolver_unix.go) and queries to 127.0.0.11:53 reaching the resolver's random ports through them.
 */
class ResolverRulesTest {
    private static final Pattern DNAT = Pattern.compile(
            "-A DOCKER_OUTPUT -d 127\\.0\\.0\\.11/32 -p (tcp|udp) -m \\1 --dport 53 -j DNAT --to-destination 127\\.0\\.0\\.11:(\\d+)");
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker network create mynet");
        // iptables and dig are netshoot's; alpine has neither.
        h.ok("docker run -d --name web --cap-add NET_ADMIN --network mynet nicolaka/netshoot sleep infinity");
        h.ok("docker run -d --name client --cap-add NET_ADMIN --network mynet nicolaka/netshoot sleep infinity");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** The DNAT port for {@code proto} in the container's rules. */
    private int port(String container, String proto) {
        for (String line : h.ok("docker exec " + container + " iptables -t nat -S")) {
            Matcher m = DNAT.matcher(line);
            if (m.matches() && m.group(1).equals(proto)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("no " + proto + " DNAT rule in " + container);
    }

    @Test
    void theContainersNatTableHoldsDockersRulesForTheResolversRandomPorts() {
        int tcp = port("client", "tcp");
        int udp = port("client", "udp");
        assertEquals(List.of(
                "-P PREROUTING ACCEPT",
                "-P INPUT ACCEPT",
                "-P OUTPUT ACCEPT",
                "-P POSTROUTING ACCEPT",
                "-N DOCKER_OUTPUT",
                "-N DOCKER_POSTROUTING",
                "-A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT",
                "-A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING",
                "-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:" + tcp,
                "-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:" + udp,
                "-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport " + tcp + " -j SNAT --to-source :53",
                "-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport " + udp + " -j SNAT --to-source :53"),
                h.ok("docker exec client iptables -t nat -S"));
        // Ephemeral ports as the kernel hands them out (ip_local_port_range 32768 60999), per container.
        for (int p : new int[] {tcp, udp, port("web", "udp")}) {
            assertTrue(p >= 32768 && p <= 60999, "ephemeral: " + p);
        }
        assertNotEquals(udp, port("web", "udp"), "each container's resolver gets its own random port");
        // The host's nat table is untouched by them.
        assertTrue(h.ok("iptables -t nat -S").stream().noneMatch(l -> l.contains("DOCKER_OUTPUT")));
    }

    @Test
    void aQueryToPort53IsDnattedToTheResolverAndTheReplyComesBackFrom53() {
        int udp = port("client", "udp");
        // BusyBox's nslookup from alpine, in the client's namespace (netshoot's nslookup is bind9's).
        h.ok("docker run -d --name busybox-client --network container:client alpine sleep infinity");
        assertEquals(List.of("Server:\t\t127.0.0.11", "Address:\t127.0.0.11:53", "", "Non-authoritative answer:",
                "Name:\tweb", "Address: 172.18.0.2", "", "Non-authoritative answer:", ""),
                h.ok("docker exec busybox-client nslookup web 127.0.0.11"));
        String ns = h.world.engine().container("client").netns();
        List<ConntrackInfo> flows = h.world.hostKernel().conntrack(ns);
        // BusyBox sends A and AAAA from one connected socket (nslookup.c send_queries): one flow.
        assertEquals(1, flows.size(), "A and AAAA, one socket: " + flows);
        for (ConntrackInfo c : flows) {
            assertEquals(IpProtocol.UDP, c.protocol());
            assertEquals(53, c.original().dstPort());
            assertEquals(udp, c.reply().srcPort(), "replied by the resolver's port, de-NATted to 53 for the client");
            assertEquals(c.original().srcPort(), c.reply().dstPort());
            assertTrue(c.seenReply());
        }
        List<String> nat = h.ok("docker exec client iptables -t nat -L DOCKER_OUTPUT -n -v");
        assertTrue(nat.stream().anyMatch(l -> l.matches("\\s+1\\s+\\d+ DNAT .*udp dpt:53 to:127\\.0\\.0\\.11:" + udp)),
                String.join("\n", nat));
    }

    @Test
    void aRestartedContainerGetsAFreshNamespaceWithFreshRules() {
        int before = port("client", "udp");
        h.ok("docker restart client");
        List<String> rules = h.ok("docker exec client iptables -t nat -S");
        assertEquals(12, rules.size(), String.join("\n", rules));
        assertNotEquals(before, port("client", "udp"));
        assertEquals(List.of("172.18.0.2"), h.ok("docker exec client dig +short web"));
    }
}
