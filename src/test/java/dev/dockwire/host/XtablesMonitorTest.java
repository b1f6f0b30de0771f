package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TRACE target and {@code xtables-monitor --trace} at the host's prompt, against transcripts
 * of Debian 12's iptables 1.8.9 (nf_tables) on a 6.x kernel in a namespace of their own (the trace
 * ids, IP ids and MAC addresses are the run's own).
 */
class XtablesMonitorTest {
    private static final String ID = "[0-9a-f]{8}";

    @Test
    void aTracedPingFromAContainerShowsEveryChainItWalks() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("iptables -t raw -A PREROUTING -p icmp -j TRACE");
            h.ok("iptables -N MINE");
            h.ok("iptables -A MINE -p udp -j ACCEPT");
            h.ok("iptables -A INPUT -j MINE");
            h.ok("iptables -A INPUT -p icmp -j ACCEPT");
            assertEquals(List.of(), h.ok("xtables-monitor --trace &"));
            List<String> out = h.ok("docker exec a1 ping -c 1 172.17.0.1");
            List<String> trace = out.stream().filter(l -> l.startsWith("PACKET: ") || l.startsWith(" TRACE: ")).toList();
            String packet = "PACKET: 2 (" + ID + ") IN=docker0 MACSRC=[0-9a-f:]+ MACDST=[0-9a-f:]+ MACPROTO=0800 SRC=172\\.17\\.0\\.2 "
                    + "DST=172\\.17\\.0\\.1 LEN=84 TOS=0x0 TTL=64 ID=\\d+ DF ";
            assertTrue(trace.get(0).matches(packet), trace.get(0));
            String id = trace.get(0).split(" ")[2];
            List<String> rules = trace.stream().filter(l -> l.startsWith(" TRACE: 2 " + id + " ")).map(l -> l.substring(19)).toList();
            assertEquals(List.of("raw:PREROUTING:rule:0x2:CONTINUE  -4 -t raw -A PREROUTING -p icmp -j TRACE",
                    "raw:PREROUTING:policy:ACCEPT ",
                    "nat:PREROUTING:rule:0x3:JUMP:DOCKER  -4 -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
                    "nat:DOCKER:rule:0x8:0xfffffffb  -4 -t nat -A DOCKER -i docker0 -j RETURN",
                    "nat:PREROUTING:policy:ACCEPT "), rules.subList(0, 5));
            assertTrue(rules.get(5).matches("filter:INPUT:rule:0x[0-9a-f]+:JUMP:MINE  -4 -t filter -A INPUT -j MINE"), rules.get(5));
            assertTrue(rules.get(6).matches("filter:INPUT:rule:0x[0-9a-f]+:ACCEPT  -4 -t filter -A INPUT -p icmp -j ACCEPT"), rules.get(6));
            assertEquals(7, rules.size(), "the implicit return of MINE is not reported; the echo reply is not marked");
            assertEquals(3, trace.stream().filter(l -> l.startsWith("PACKET: ")).count(), "one PACKET line per table walked");
            assertEquals(List.of(), h.ok("kill %1"), "it prints nothing as it ends");
            assertEquals(List.of("TRACE      1    --  0.0.0.0/0            0.0.0.0/0           "),
                    h.ok("iptables -t raw -L PREROUTING -n").subList(2, 3));
        }
    }

    @Test
    void restoredRulesAreNumberedAsNftDoesAndGotoAndReturnAreShown() {
        try (TestHost h = new TestHost(1)) {
            String rules = "*raw\\n:PREROUTING ACCEPT\\n:OUTPUT ACCEPT\\n-A PREROUTING -p icmp -j TRACE\\nCOMMIT\\n*filter\\n"
                    + ":INPUT ACCEPT\\n:FORWARD ACCEPT\\n:OUTPUT ACCEPT\\n:ZED - [0:0]\\n:ALPHA - [0:0]\\n-A INPUT -j ZED\\n"
                    + "-A ZED -j ALPHA\\n-A ALPHA -p icmp -j RETURN\\n-A ZED -p icmp -g ALPHA\\nCOMMIT\\n";
            h.ok("printf '" + rules + "' | iptables-restore");
            h.ok("printf '" + rules + "' | iptables-restore");
            h.ok("iptables -A INPUT -p icmp -j ACCEPT");
            h.ok("xtables-monitor --trace &");
            List<String> out = h.ok("ping -c 1 127.0.0.1");
            List<String> trace = out.stream().filter(l -> l.startsWith(" TRACE: ") && !l.contains(" nat:"))
                    .map(l -> l.replaceFirst(ID, "ID")).toList();
            // What Debian 12's xtables-monitor printed for the echo request and then the reply, both on lo.
            List<String> packet = List.of(" TRACE: 2 ID raw:PREROUTING:rule:0x3:CONTINUE  -4 -t raw -A PREROUTING -p icmp -j TRACE",
                    " TRACE: 2 ID raw:PREROUTING:policy:ACCEPT ",
                    " TRACE: 2 ID filter:INPUT:rule:0x6:JUMP:ZED  -4 -t filter -A INPUT -j ZED",
                    " TRACE: 2 ID filter:ZED:rule:0x7:JUMP:ALPHA  -4 -t filter -A ZED -j ALPHA",
                    " TRACE: 2 ID filter:ALPHA:rule:0x8:0xfffffffb  -4 -t filter -A ALPHA -p icmp -j RETURN",
                    " TRACE: 2 ID filter:ZED:rule:0x9:GOTO:ALPHA  -4 -t filter -A ZED -p icmp -g ALPHA",
                    " TRACE: 2 ID filter:ALPHA:rule:0x8:0xfffffffb  -4 -t filter -A ALPHA -p icmp -j RETURN",
                    " TRACE: 2 ID filter:INPUT:rule:0xa:ACCEPT  -4 -t filter -A INPUT -p icmp -j ACCEPT");
            List<String> both = new java.util.ArrayList<>(packet);
            both.addAll(packet);
            assertEquals(both, trace);
            assertTrue(out.stream().anyMatch(l -> l.matches("PACKET: 2 " + ID + " IN=lo LOOPBACK SRC=127\\.0\\.0\\.1 DST=127\\.0\\.0\\.1 "
                    + "LEN=84 TOS=0x0 TTL=64 ID=\\d+ DF ")), String.join("\n", out));
        }
    }

    @Test
    void itsUsageVersionAndErrorsAreIptables189s() {
        try (TestHost h = new TestHost(1)) {
            CommandResult usage = h.run("xtables-monitor");
            assertEquals(1, usage.status());
            assertEquals(List.of("xtables-monitor 1.8.9 (nf_tables)", "Usage: xtables-monitor [ -t | -e ]"), usage.output().subList(0, 2));
            assertEquals("\t--counters -c    show counters in rules", usage.output().get(7));
            assertEquals(new CommandResult(2, List.of("xtables-monitor 1.8.9: Bad argument.", "Try `xtables-monitor -h' for more information.")),
                    h.run("xtables-monitor -x"));
            assertEquals(new CommandResult(0, List.of("xtables-monitor 1.8.9")), h.run("xtables-monitor -V"));
            assertEquals(0, h.run("iptables -A INPUT -j TRACE").status(), "iptables-nft takes TRACE in any table");
            assertEquals(List.of("-A INPUT -j TRACE"), h.ok("iptables -S INPUT | grep TRACE"));
            assertEquals(124, h.run("timeout 2 xtables-monitor --trace").status());
        }
    }
}
