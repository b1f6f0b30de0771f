package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 6's acceptance examples: what programs in containers see of Docker's service discovery. */
class ServiceDiscoveryTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(5);
        h.ok("docker network create mynet1");
        // curl and dig are netshoot's; alpine has neither.
        h.ok("docker run -d --name client --network mynet1 nicolaka/netshoot sleep infinity");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<String> ok(String line) {
        return h.ok(line);
    }

    private long upstreamQueries() {
        return h.world.dns().queries();
    }

    @Test
    void threeReplicasOfAnAliasAnswerNslookupWithThreeAddressesInVaryingOrder() {
        for (int i = 1; i <= 3; i++) {
            ok("docker run -d --name iotd-" + i + " --network mynet1 --network-alias iotd alpine sleep 3600");
        }
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            List<String> out = ok("docker exec client nslookup iotd");
            List<String> addresses = out.stream().filter(l -> l.startsWith("Address: ")).map(l -> l.substring(9)).toList();
            assertEquals(Set.of("172.18.0.3", "172.18.0.4", "172.18.0.5"), new HashSet<>(addresses), String.join("\n", out));
            assertEquals(3, addresses.size());
            orders.add(addresses);
        }
        assertTrue(orders.size() > 1, "shuffled from the seeded source: " + orders);
        assertEquals(0, upstreamQueries(), "answered locally");
    }

    @Test
    void curlReachesAContainerByNameAndByNameDotNetwork() {
        ok("docker run -d --name nodeserver-container --network mynet1 hashicorp/http-echo -text=hello -listen=:8080");
        assertEquals(List.of("hello"), ok("docker exec client curl -s nodeserver-container:8080"));
        assertEquals(List.of("hello"), ok("docker exec client curl -s http://nodeserver-container.mynet1:8080/"));
        CommandResult other = h.run("docker exec client curl -s nodeserver-container.othernet:8080");
        assertEquals(6, other.status(), "name.network only for a network the container is on");
    }

    @Test
    void anUnknownNameGivesNxdomainInEachToolsOwnWords() {
        // BusyBox's words come from alpine (netshoot's nslookup is bind9's).
        ok("docker run -d --name busybox --network mynet1 alpine sleep infinity");
        CommandResult ns = h.run("docker exec busybox nslookup nope.invalid");
        assertEquals(1, ns.status());
        assertEquals(List.of("Server:\t\t127.0.0.11", "Address:\t127.0.0.11:53", "",
                "** server can't find nope.invalid: NXDOMAIN", "", "** server can't find nope.invalid: NXDOMAIN", ""), ns.output());
        List<String> dig = ok("docker exec client dig nope.invalid");
        assertTrue(dig.get(4).matches(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: \\d+"), dig.get(4));
        assertEquals(";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0", dig.get(5));
        assertEquals(";nope.invalid.\t\t\tIN\tA", dig.get(8));
        assertEquals(List.of(), ok("docker exec client dig +short nope.invalid"));
        CommandResult curl = h.run("docker exec client curl http://nope.invalid/");
        assertEquals(6, curl.status());
        assertEquals(List.of("curl: (6) Could not resolve host: nope.invalid"), curl.output());
        assertTrue(upstreamQueries() >= 3, "each was forwarded to the LAN's server, which said NXDOMAIN");
    }

    @Test
    void aRestartedContainerKeepsResolvingByNameToItsNewAddress() {
        ok("docker run -d --name web --network mynet1 nicolaka/netshoot sleep infinity");
        assertEquals(List.of("172.18.0.3"), ok("docker exec client dig +short web"));
        ok("docker stop web");
        ok("docker run -d --name squatter --network mynet1 alpine sleep 3600"); // takes .3
        ok("docker start web");
        List<String> now = ok("docker exec client dig +short web");
        assertEquals(List.of("172.18.0.4"), now);
        assertEquals(List.of("172.18.0.3"), ok("docker exec client dig +short squatter"));
        assertEquals(List.of("web.mynet1."), ok("docker exec client dig +short -x 172.18.0.4"));
        // and the restarted container resolves others through its own new resolver
        assertEquals(List.of("172.18.0.2"), ok("docker exec web dig +short client"));
    }

    @Test
    void aContainerInAnothersNamespaceHasItsResolvConfHostsAndHostname() {
        ok("docker run -d --name web --network mynet1 --hostname webhost --add-host db.local:10.8.0.99 alpine sleep 3600");
        ok("docker run -d --name web-tools --network container:web nicolaka/netshoot sleep infinity");
        for (String f : List.of("/etc/resolv.conf", "/etc/hosts", "/etc/hostname")) {
            assertEquals(ok("docker exec web cat " + f), ok("docker exec web-tools cat " + f), f);
        }
        assertTrue(ok("docker exec web-tools cat /etc/resolv.conf").contains("nameserver 127.0.0.11"));
        assertEquals(List.of("webhost"), ok("docker exec web-tools hostname"));
        assertEquals(List.of("172.18.0.2"), ok("docker exec web-tools dig +short client"), "through web's embedded resolver");
        ok("docker network create mynet2");
        ok("docker network connect mynet2 web");
        assertEquals(ok("docker exec web cat /etc/hosts"), ok("docker exec web-tools cat /etc/hosts"), "web's files, rewritten");
    }

    @Test
    void dnsOverridesTheHostsServersAndTheNextOneIsTriedWhenTheFirstFails() {
        ok("docker run -d --name custom --network mynet1 --dns 192.168.1.200 --dns 192.168.1.1 nicolaka/netshoot sleep infinity");
        List<String> resolv = ok("docker exec custom cat /etc/resolv.conf");
        assertTrue(resolv.contains("# ExtServers: [host(192.168.1.200) host(192.168.1.1)]"), String.join("\n", resolv));
        long t0 = h.world.emulation().loop().nanos();
        assertEquals(List.of("93.184.215.14"), ok("docker exec custom dig +short example.com"));
        long waited = h.world.emulation().loop().nanos() - t0;
        // Nobody has 192.168.1.200 on the LAN: ARP gives up after 3 probes a second apart and the
        // connected socket reports EHOSTUNREACH, before the resolver's 4 s timeout.
        assertEquals(3_000_000_000L, waited, "192.168.1.200 was tried first");
        assertEquals(1, upstreamQueries());
    }

    @Test
    void anInternalNetworkResolvesItsNamesButForwardsNothing() {
        ok("docker network create --internal priv");
        ok("docker run -d --name vault --network priv alpine sleep 3600");
        ok("docker run -d --name app --network priv nicolaka/netshoot sleep infinity");
        assertEquals(List.of("172.19.0.2"), ok("docker exec app dig +short vault"));
        CommandResult r = h.run("docker exec app nslookup example.com");
        assertEquals(1, r.status());
        assertTrue(r.output().contains("** server can't find example.com: SERVFAIL"), String.join("\n", r.output()));
        assertEquals(0, upstreamQueries());
    }

    @Test
    void aaaaAndMxOfALocalNameAreEmptyNoerrorWhileSrvAndOtherTypesGoUpstream() {
        List<String> aaaa = ok("docker exec client dig AAAA client");
        assertTrue(aaaa.get(4).contains("status: NOERROR"), aaaa.get(4));
        assertTrue(aaaa.get(5).contains("ANSWER: 0,"), aaaa.get(5));
        List<String> mx = ok("docker exec client dig MX client");
        assertTrue(mx.get(4).contains("status: NOERROR"), mx.get(4));
        assertEquals(0, upstreamQueries(), "AAAA and MX of a local name are answered locally");
        // Only swarm services have service records: Docker forwards SRV for a container name.
        List<String> srv = ok("docker exec client dig SRV _http._tcp.client");
        assertTrue(srv.get(4).contains("status: NXDOMAIN"), srv.get(4));
        assertEquals(1, upstreamQueries());
        List<String> txt = ok("docker exec client dig client TXT");
        assertTrue(txt.get(4).contains("status: NXDOMAIN"), txt.get(4));
        assertEquals(2, upstreamQueries());
        assertNotEquals(0, ok("docker exec client dig +short client").size());
    }
}
