package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bind9's nslookup (netshoot's, and the host's) against the embedded DNS, as the real one (bind9
 * 9.18, Debian's bind9-dnsutils) printed it in a container's namespace on the reference host.
 */
class BindNslookupTest {
    private static final List<String> SERVER = List.of("Server:\t\t127.0.0.11", "Address:\t127.0.0.11#53", "");
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker network create --subnet 172.28.0.0/16 nsx");
        h.ok("docker run -d --name nsa --network nsx nicolaka/netshoot sleep 600");
        h.ok("docker run -d --name nsweb --network nsx alpine sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void assertRun(int status, List<String> lines, String args) {
        CommandResult r = h.run("docker exec nsa nslookup " + args);
        assertEquals(lines, r.output(), args);
        assertEquals(status, r.status(), args);
    }

    private static List<String> withServer(String... lines) {
        List<String> out = new java.util.ArrayList<>(SERVER);
        out.addAll(List.of(lines));
        return out;
    }

    @Test
    void aNameItsAddressAndNothingForTheEmptyAaaa() {
        List<String> web = withServer("Non-authoritative answer:", "Name:\tnsweb", "Address: 172.28.0.3", "");
        assertRun(0, web, "nsweb 127.0.0.11");
        assertRun(0, web, "-type=a nsweb 127.0.0.11");
        assertRun(0, web, "nsweb");
    }

    @Test
    void anAddressIsLookedUpInReverseWithoutTheServerLines() {
        assertRun(0, List.of("3.0.28.172.in-addr.arpa\tname = nsweb.nsx.", "", "Authoritative answers can be found from:", ""),
                "172.28.0.3 127.0.0.11");
    }

    @Test
    void anExplicitTypeWithoutAnswerAndAnUnknownName() {
        assertRun(0, withServer("*** Can't find nsweb: No answer", ""), "-type=aaaa nsweb");
        assertRun(1, withServer("** server can't find nope.invalid: NXDOMAIN", ""), "nope.invalid");
    }
}
