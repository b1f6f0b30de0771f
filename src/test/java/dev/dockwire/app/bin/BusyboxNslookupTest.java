package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BusyBox nslookup in alpine against the embedded DNS, as the reference host printed it (notes/i18/dns.out). */
class BusyboxNslookupTest {
    private static final List<String> SERVER = List.of("Server:\t\t127.0.0.11", "Address:\t127.0.0.11:53", "");
    private static final List<String> USAGE = List.of("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.", "",
            "Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]", "", "Query DNS about HOST", "",
            "QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any");
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker network create dns-net");
        h.ok("docker run -d --name dns-web --network dns-net --network-alias web alpine sleep 600");
        h.ok("docker run -d --name dns-c --network dns-net alpine sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void assertRun(int status, List<String> lines, String args) {
        CommandResult r = h.run("docker exec dns-c nslookup " + args);
        assertEquals(lines, r.output(), args);
        assertEquals(status, r.status(), args);
    }

    private static List<String> server(String... lines) {
        List<String> all = new java.util.ArrayList<>(SERVER);
        all.addAll(List.of(lines));
        return all;
    }

    @Test
    void aNameGetsTheABlockThenAnEmptyAaaaBlock() {
        List<String> web = server("Non-authoritative answer:", "Name:\tweb", "Address: 172.18.0.2", "", "Non-authoritative answer:", "");
        assertRun(0, web, "web");
        assertRun(0, web, "web 127.0.0.11");
        assertRun(0, server("Non-authoritative answer:", "Name:\tdns-web", "Address: 172.18.0.2", "", "Non-authoritative answer:", ""),
                "dns-web");
        assertRun(0, server("Non-authoritative answer:", "Name:\tweb", "Address: 172.18.0.2", "", "Non-authoritative answer:", ""),
                "web.");
        assertEquals(List.of("rc=0"), h.ok("docker exec dns-c sh -c 'nslookup web >/dev/null; echo \"rc=$?\"'"));
    }

    @Test
    void typeOptionAsksForThatTypeOnly() {
        List<String> a = server("Non-authoritative answer:", "Name:\tweb", "Address: 172.18.0.2", "");
        assertRun(0, a, "-type=a web");
        assertRun(0, a, "-type=A web");
        assertRun(0, a, "-q=a web");
        assertRun(0, server("Non-authoritative answer:", ""), "-type=aaaa web");
        assertRun(0, server("Non-authoritative answer:", "Name:\tweb.dns-net", "Address: 172.18.0.2", ""), "-type=a web.dns-net");
        assertRun(1, List.of("nslookup: invalid query type \"bogus\""), "-type=bogus web");
    }

    @Test
    void anAddressIsAPtrQuery() {
        assertRun(0, server("Non-authoritative answer:", "2.0.18.172.in-addr.arpa\tname = dns-web.dns-net", ""), "172.18.0.2");
    }

    @Test
    void anUnknownNameIsNxdomainOncePerQueryType() {
        assertRun(1, server("** server can't find nosuchhost.invalid: NXDOMAIN", "", "** server can't find nosuchhost.invalid: NXDOMAIN", ""),
                "nosuchhost.invalid");
        assertRun(1, server("** server can't find nosuchhost.invalid: NXDOMAIN", ""), "-type=a nosuchhost.invalid");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterFiveSeconds() {
        long t0 = h.world.emulation().loop().nanos();
        assertRun(1, List.of(";; connection timed out; no servers could be reached", ""), "web 10.255.255.1");
        assertEquals(5_000_000_000L, h.world.emulation().loop().nanos() - t0);
    }

    @Test
    void noRouteToTheServerIsConnectsError() {
        h.ok("docker run -d --name dns-none --network none alpine sleep 600");
        CommandResult r = h.run("docker exec dns-none nslookup web 192.168.1.1");
        assertEquals(List.of("nslookup: can't connect to remote host (192.168.1.1): Network is unreachable"), r.output());
        assertEquals(1, r.status());
    }

    @Test
    void usageForNoHostBadOptionsAndTooManyArguments() {
        assertRun(1, USAGE, "");
        assertRun(1, USAGE, "-x web");
        assertRun(1, USAGE, "web 127.0.0.11 extra");
        assertRun(1, USAGE, "-t=2");
        assertRun(0, USAGE, "--help");
        assertRun(1, List.of("nslookup: invalid number 'x'"), "-port=x web");
        assertEquals(5, Nslookup.option("t"));
        assertEquals(1, Nslookup.option("q"));
        assertEquals(-1, Nslookup.option("ty-"));
    }
}
