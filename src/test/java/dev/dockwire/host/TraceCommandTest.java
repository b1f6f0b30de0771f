package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dockwire trace}: the journeys of a probe and its answer, end to end at the host's prompt. */
class TraceCommandTest {
    private TestHost h;

    @BeforeEach
    void twoNetworks() {
        h = new TestHost(7);
        h.ok("docker network create frontnet");
        h.ok("docker network create backnet");
        h.ok("docker run -d --name web --network frontnet nginx");
        h.ok("docker run -d --name probe --network frontnet alpine sleep 1000");
        h.ok("docker run -d --name db --network backnet -e POSTGRES_PASSWORD=secret postgres");
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static String text(CommandResult r) {
        return String.join("\n", r.output());
    }

    private static int indexOf(List<String> lines, String part, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with \"" + part + "\" after line " + from + " in:\n" + String.join("\n", lines));
    }

    @Test
    void onOneNetworkTheSynIsDeliveredAndTheSynAckComesBack() {
        CommandResult r = h.run("dockwire trace probe web:80/tcp");
        List<String> out = r.output();
        assertEquals(0, r.status(), text(r));
        assertEquals("dockwire trace: probe → web (172.18.0.2) 80/tcp", out.get(0));
        int syn = indexOf(out, "TCP 172.18.0.3:", 0);
        assertTrue(out.get(syn).endsWith("> 172.18.0.2:80 [S]"), out.get(syn));
        int fdb = indexOf(out, "bridge FDB:", syn);
        assertTrue(out.get(fdb).startsWith("  host br-"), out.get(fdb));
        // The process holding the listening socket, by its host pid (the image's PID 1 execs nginx from its entrypoint).
        int delivered = indexOf(out, "  => delivered: web eth0: delivered to the TCP socket on port 80 of nginx (pid ", fdb);
        assertTrue(out.get(delivered).endsWith(") (listening)"), out.get(delivered));
        int synAck = indexOf(out, "TCP 172.18.0.2:80 > 172.18.0.3:", delivered);
        assertTrue(out.get(synAck).endsWith("[S.]"), out.get(synAck));
        indexOf(out, "  => delivered: probe eth0: delivered to the TCP socket on port", synAck);
        assertEquals("verdict: answered: SYN-ACK (connection established, then closed)", out.get(out.size() - 1));
    }

    @Test
    void acrossNetworksTheIsolationRuleAndTheDropAreNamed() {
        CommandResult r = h.run("dockwire trace probe db:5432/tcp");
        List<String> out = r.output();
        assertEquals(1, r.status(), text(r));
        assertEquals("db did not resolve from here (NXDOMAIN)", out.get(1), text(r));
        assertTrue(out.get(2).startsWith("db is container db at 172.19.0.2, on networks backnet that probe is not on"), out.get(2));
        int rule = indexOf(out, "netfilter FORWARD: filter DOCKER-ISOLATION-STAGE-2: rule 1 `-A DOCKER-ISOLATION-STAGE-2 -o br-", 0);
        assertTrue(out.get(rule).endsWith(" -j DROP` (1 packets, 60 bytes) → DROP"), out.get(rule));
        indexOf(out, "dropped: NETFILTER_DROP", rule);
        assertEquals("why: containers on different networks are isolated: DOCKER-ISOLATION-STAGE-2 drops frontnet → backnet"
                + " (connect both to one network: docker network connect)", out.get(out.size() - 1));
        assertEquals("verdict: no answer within 1000 ms", out.get(out.size() - 2));
    }

    @Test
    void fromTheLanAPublishedPortShowsTheDnatWithItsRule() {
        h.ok("docker run -d --name pub -p 8080:80 nginx");
        CommandResult r = h.run("dockwire trace lan 192.168.1.10:8080");
        List<String> out = r.output();
        assertEquals(0, r.status(), text(r));
        int dnatRule = indexOf(out, "host eth0: netfilter PREROUTING: nat DOCKER: rule", 0);
        assertTrue(out.get(dnatRule).contains("`-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80`"),
                out.get(dnatRule));
        int dnat = indexOf(out, "host eth0: netfilter PREROUTING: conntrack NEW; DNAT 192.168.1.10:8080 → 172.17.0.2:80", dnatRule);
        indexOf(out, "  => delivered: pub eth0: delivered to the TCP socket on port 80 of nginx (pid ", dnat);
        int back = indexOf(out, "TCP 172.17.0.2:80 > 192.168.1.1:", dnat);
        indexOf(out, "SNAT 172.17.0.2:80 → 192.168.1.10:8080", back);
    }

    @Test
    void aClosedPortIsRefusedWithTheKernelsReset() {
        CommandResult r = h.run("dockwire trace probe web:81");
        List<String> out = r.output();
        assertEquals(1, r.status(), text(r));
        int drop = indexOf(out, "  => dropped: web eth0: dropped: NO_SOCKET", 0);
        int rst = indexOf(out, "TCP 172.18.0.2:81 > 172.18.0.3:", drop);
        assertTrue(out.get(rst).endsWith("[R.]"), out.get(rst));
        assertEquals("verdict: refused: RST", out.get(out.size() - 2));
        assertEquals("why: nothing listens on 81/tcp at 172.18.0.2: the kernel answered with RST", out.get(out.size() - 1));
    }

    @Test
    void anEchoIsAnsweredByTheKernel() {
        CommandResult r = h.run("dockwire trace probe web");
        assertEquals(0, r.status(), text(r));
        indexOf(r.output(), "  => delivered: web eth0: echo request: answered by the kernel (icmp_echo)", 0);
        indexOf(r.output(), "ICMP 172.18.0.2 > 172.18.0.3 echo reply", 0);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(List.of(TraceCommand.USAGE), h.run("dockwire trace probe").output());
        assertEquals(2, h.run("dockwire trace nope web").status());
        assertEquals("dockwire trace: nope: not a running container, 'host' or 'lan'", h.run("dockwire trace nope web").output().get(0));
        assertEquals(2, h.run("dockwire trace probe web:99999").status());
        assertEquals(2, h.run("dockwire trace probe web/sctp").status());
    }
}
