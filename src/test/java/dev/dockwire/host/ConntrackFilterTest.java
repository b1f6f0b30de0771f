package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code conntrack -L}/{@code -D} with the filters tutorials type: the tuples' addresses, the protocol's ports and TCP
 * state after {@code -p}, NAT done; the errors as conntrack 1.4.7 words them (checked against the real tool in a
 * namespace of its own).
 */
class ConntrackFilterTest {
    private static final String SHOWN = "conntrack v1.4.7 (conntrack-tools): %d flow entries have been shown.";
    private static final String TRY = "Try `conntrack -h' or 'conntrack --help' for more information.";

    @Test
    void filtersPickTheFlowsOfATupleAPortAStateOrANat() {
        // no docker-proxy: the host reaches the published port through DNAT
        try (TestHost h = new TestHost(1, EngineProfile.DOCKER_28, false)) {
            h.ok("docker run -d --name web -p 8080:80 nginx");
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("ping -c 1 172.17.0.3");
            h.ok("curl -s -o /dev/null 172.17.0.2");
            h.ok("curl -s -o /dev/null 172.17.0.1:8080"); // the published port through the OUTPUT chain's DNAT
            List<String> all = h.ok("conntrack -L");
            int flows = all.size() - 1;
            assertTrue(flows >= 2, String.join("\n", all));

            List<String> tcp80 = h.ok("conntrack -L -p tcp --dport 80");
            assertTrue(tcp80.size() == 2 && tcp80.subList(0, tcp80.size() - 1).stream().allMatch(l -> l.contains(" dport=80 ")),
                    String.join("\n", tcp80));
            assertEquals(String.format(SHOWN, tcp80.size() - 1), tcp80.get(tcp80.size() - 1));

            List<String> icmp = h.ok("conntrack -L -d 172.17.0.3");
            assertEquals(2, icmp.size(), String.join("\n", icmp));
            assertTrue(icmp.get(0).startsWith("icmp     1 "), icmp.get(0));
            assertEquals(icmp, h.ok("conntrack -L -d 172.17.0.0/24 -p icmp --icmp-type 8"));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -d 172.17.0.3 -p icmp --icmp-type 0"));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -s 10.0.0.0/8"));

            List<String> timeWait = h.ok("conntrack -L -p tcp --state TIME_WAIT");
            assertEquals(2, timeWait.size() - 1, String.join("\n", timeWait));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -p tcp --state ESTABLISHED"));

            // the host's connection to the published port was DNATed to web: its replies come from 172.17.0.2
            List<String> dnat = h.ok("conntrack -L -g");
            assertEquals(2, dnat.size(), String.join("\n", dnat));
            assertTrue(dnat.get(0).matches("tcp      6 120 TIME_WAIT src=172\\.17\\.0\\.1 dst=172\\.17\\.0\\.1 sport=\\d+ dport=8080 "
                    + "src=172\\.17\\.0\\.2 dst=172\\.17\\.0\\.1 sport=80 dport=\\d+ \\[ASSURED\\] mark=0 use=1"), dnat.get(0));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -n"));
            assertEquals(dnat, h.ok("conntrack -L --dst-nat 172.17.0.2"));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -g 172.17.0.9"));

            CommandResult deleted = h.run("conntrack -D -p icmp");
            assertEquals(0, deleted.status());
            assertEquals("conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.", deleted.output().get(1));
            assertEquals(List.of(String.format(SHOWN, 0)), h.ok("conntrack -L -d 172.17.0.3"));
        }
    }

    @Test
    void itsErrorsAreConntracks() {
        try (TestHost h = new TestHost(1)) {
            assertEquals(fail("unknown option `--dport'"), h.run("conntrack -L --dport 80"));
            assertEquals(fail("unknown option `--state'"), h.run("conntrack -L -p udp --state ESTABLISHED"));
            assertEquals(fail("unknown TCP state `established'"), h.run("conntrack -L -p tcp --state established"));
            assertEquals(fail("Invalid IP address `foo'"), h.run("conntrack -L -s foo"));
            assertEquals(fail("Invalid netmask"), h.run("conntrack -L -s 1.2.3.4/33"));
            assertEquals(fail("option `-s' requires an argument"), h.run("conntrack -L -s"));
            assertEquals(fail("option `--dport' requires an argument"), h.run("conntrack -L -p tcp --dport"));
            assertEquals(fail("Illegal option `--src' with this command"), h.run("conntrack -F -s 1.2.3.4"));
            assertEquals(fail("Illegal option `--protonum' with this command"), h.run("conntrack -C -p tcp"));
            assertEquals(List.of("0"), h.ok("conntrack -C"));
        }
    }

    private static CommandResult fail(String what) {
        return new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): " + what, TRY));
    }
}
