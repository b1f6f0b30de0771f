package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dmesg} at the host's prompt (util-linux 2.38) and in containers, over the host's one kernel log. */
class DmesgTest {
    @Test
    void aLogRuleAndAPingWriteTheKernelsLine() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("iptables -I INPUT -p icmp -j LOG --log-prefix \"ping: \"");
            h.ok("docker exec a1 ping -c 1 172.17.0.1");
            List<String> log = h.ok("dmesg");
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).matches("\\[ +\\d+\\.\\d{6}] ping: IN=docker0 OUT= MAC=([0-9a-f]{2}:){13}[0-9a-f]{2} "
                    + "SRC=172\\.17\\.0\\.2 DST=172\\.17\\.0\\.1 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=\\d+ DF PROTO=ICMP "
                    + "TYPE=8 CODE=0 ID=\\d+ SEQ=0 "), log.get(0));
            assertTrue(h.ok("dmesg -T").get(0).matches("\\[\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}] ping: IN=docker0 .*"));
            assertEquals(List.of(log.get(0).substring(log.get(0).indexOf("] ") + 2)), h.ok("dmesg -t"));
            assertEquals(List.of("1"), h.ok("dmesg -c | wc -l"), "-c prints, then clears");
            assertEquals(List.of(), h.ok("dmesg"));
            h.ok("docker exec a1 ping -c 2 172.17.0.1");
            assertEquals(List.of("2"), h.ok("dmesg | grep -c 'ping: IN=docker0'"));
            assertEquals(List.of(), h.ok("dmesg -C"));
            assertEquals(List.of(), h.ok("dmesg"));
        }
    }

    @Test
    void aContainersLogRuleStaysOutOfTheHostsLog() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 --cap-add NET_ADMIN nicolaka/netshoot sleep 1d");
            h.ok("docker exec a1 iptables -A OUTPUT -j LOG");
            h.ok("docker exec a1 ping -c 1 172.17.0.1");
            assertEquals(List.of(), h.ok("dmesg"), "nf_log_all_netns is 0: LOG is silent outside the host's namespace");
        }
    }

    @Test
    void aFullConntrackTableDropsAndSaysSo() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name web nginx");
            h.ok("sysctl -w net.netfilter.nf_conntrack_max=2");
            h.ok("curl -s -o /dev/null 172.17.0.2");
            h.ok("curl -s -o /dev/null 172.17.0.2");
            CommandResult third = h.run("curl -s -m 3 -o /dev/null 172.17.0.2");
            assertEquals(28, third.status(), "its SYNs are dropped until curl's time is up");
            List<String> log = h.ok("dmesg");
            assertTrue(!log.isEmpty() && log.stream().allMatch(l -> l.matches(
                    "\\[ +\\d+\\.\\d{6}] nf_conntrack: nf_conntrack: table full, dropping packet")), log.toString());
        }
    }

    @Test
    void containersAreRefusedWithoutCapSyslog() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            assertEquals(new CommandResult(1, List.of("dmesg: klogctl: Operation not permitted")), h.run("docker exec a1 dmesg"));
            assertEquals(new CommandResult(1, List.of("dmesg: read kernel buffer failed: Operation not permitted")),
                    h.run("docker run --rm ubuntu dmesg"));
            h.ok("iptables -I INPUT -p icmp -j LOG --log-prefix \"in: \"");
            h.ok("docker exec a1 ping -c 1 172.17.0.1");
            assertEquals(1, h.ok("docker run --rm --privileged alpine dmesg").size(), "a privileged container reads the host's log");
        }
    }

    @Test
    void itsOptionsAndErrorsAreUtilLinuxs() {
        try (TestHost h = new TestHost(1)) {
            assertEquals(new CommandResult(1, List.of("dmesg: invalid option -- 'q'", "Try 'dmesg --help' for more information.")),
                    h.run("dmesg -q"));
            assertEquals(new CommandResult(1, List.of("dmesg: unrecognized option '--foo'", "Try 'dmesg --help' for more information.")),
                    h.run("dmesg --foo"));
            assertEquals(new CommandResult(1, List.of("dmesg: bad usage", "Try 'dmesg --help' for more information.")),
                    h.run("dmesg -T -C extra"));
            assertEquals(new CommandResult(1, List.of("dmesg: mutually exclusive arguments: --clear --console-off --console-on "
                    + "--read-clear --console-level --raw")), h.run("dmesg -c -C"));
            assertEquals(List.of("dmesg from util-linux 2.38.1"), h.ok("dmesg -V"));
            assertEquals(" dmesg [options]", h.ok("dmesg --help").get(2));
        }
    }

    @Test
    void followPrintsNewLinesUntilItsSignal() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("iptables -I INPUT -p icmp -j LOG --log-prefix \"in: \"");
            assertEquals(List.of(), h.ok("dmesg -W &"));
            List<String> out = h.ok("docker exec a1 ping -c 1 172.17.0.1");
            assertTrue(out.stream().anyMatch(l -> l.contains("] in: IN=docker0 OUT= ")), out.toString());
            assertEquals(List.of(), h.ok("kill %1"), "dmesg prints nothing as it ends");
            assertEquals(124, h.run("timeout 2 dmesg -w").status());
        }
    }
}
