package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tutorials' pipelines at the host's prompt: docker and iptables output through sed, awk, cut, tr, sort, uniq, xargs. */
class HostTextToolsTest {
    private final TestHost host = new TestHost(7);

    @AfterEach
    void close() {
        host.close();
    }

    /** The host's printf is bash's (checked with bash 5.2.15 here): precision, width, flags, numbers and its error. */
    @Test
    void printfIsBashs() {
        assertEquals(List.of("aa"), host.ok("printf 'a%.0s' 1 2"));
        assertEquals(List.of("ab   |007|ff"), host.ok("printf '%-5s|%03d|%x\\n' ab 7 255"));
        dev.dockwire.tools.CommandResult bad = host.run("printf '%d\\n' abc");
        assertEquals(1, bad.status());
        assertEquals(List.of("bash: printf: abc: invalid number", "0"), bad.output());
    }

    @Test
    void iptablesThroughSed() {
        List<String> all = host.ok("iptables -t nat -L -n -v");
        assertEquals(all, host.ok("iptables -t nat -L -n -v | sed -n '1,200p'"));
        assertEquals(all.subList(0, 2), host.ok("iptables -t nat -L -n -v | sed 2q"));
        assertEquals(List.of("Chain PREROUTING", "Chain INPUT", "Chain OUTPUT", "Chain POSTROUTING", "Chain DOCKER"),
                host.ok("iptables -t nat -L -n -v | grep ^Chain | cut -d' ' -f1-2"));
    }

    @Test
    void ipOnelineThroughAwk() {
        // iproute2's -o: one line per address, the continuation after a backslash, no link lines.
        assertEquals(List.of("2: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\"
                + "       valid_lft forever preferred_lft forever"), host.ok("ip -o -4 addr show docker0"));
        assertEquals(List.of("127.0.0.1", "172.17.0.1"), host.ok("ip -o -4 addr | awk '{print $4}' | cut -d/ -f1 | grep -v ^192"));
        List<String> lo = host.ok("ip -o link show lo");
        assertEquals(1, lo.size(), lo.toString());
        assertTrue(lo.get(0).matches("1: lo: <LOOPBACK,UP,LOWER_UP> .*\\\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00"), lo.get(0));
    }

    @Test
    void dockerPsThroughAwkAndFriends() {
        host.ok("docker run -d --name web nginx:alpine");
        host.ok("docker run -d --name db redis:7");
        assertEquals(List.of("NAMES", "db", "web"), host.ok("docker ps | awk '{print $NF}' | sort"));
        assertEquals(List.of("db", "web"), host.ok("docker ps --format '{{.Names}}' | sort | xargs -n1"));
        assertEquals(List.of("2 containers"), host.ok("docker ps -q | wc -l | awk '{print $1 \" containers\"}'"));
        assertEquals(List.of("172.17.0.1"), host.ok("ip -4 addr show docker0 | awk '/inet / {print $2}' | cut -d/ -f1"));
        assertEquals(List.of("      2 db", "      2 web"),
                host.ok("docker ps --format '{{.Names}}' | awk '{for (i = 0; i < 2; i++) print | \"sort | uniq -c\"}'"));
        assertEquals(List.of("stop: db", "stop: web"),
                host.ok("docker ps --format '{{.Names}}' | sort | xargs -I{} echo stop: {}"));
    }

    @Test
    void filesAndUsageErrors() {
        host.ok("printf 'b\\na\\nb\\n' > /tmp/x");
        assertEquals(List.of("      2 b", "      1 a"), host.ok("sort /tmp/x | uniq -c | sort -rn"));
        host.ok("sed -i 's/b/B/' /tmp/x");
        assertEquals(List.of("B", "a", "B"), host.ok("cat /tmp/x"));
        assertEquals(List.of("B a"), host.ok("sort /tmp/x | uniq | tr '\\n' ' ' | sed 's/ $//'"));
        CommandResult r = host.run("echo x | sed 's/a'");
        assertEquals(1, r.status());
        assertEquals(List.of("sed: -e expression #1, char 3: unterminated `s' command"), r.output());
        r = host.run("cut -d: /etc/hostname");
        assertEquals(List.of("cut: you must specify a list of bytes, characters, or fields", "Try 'cut --help' for more information."),
                r.output());
        assertEquals(1, r.status());
        r = host.run("echo x | awk '{print $1'");
        assertEquals(2, r.status());
        assertTrue(host.ok("help").contains("  cat   grep   egrep   head   tail   wc   sort   uniq   cut   tr"));
    }
}
