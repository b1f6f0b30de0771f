package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code conntrack -E} at the host's prompt: in the background, under {@code timeout}, its filters and errors. */
class ConntrackEventsTest {
    private static final String SUMMARY = "conntrack v1.4.7 (conntrack-tools): %d flow events have been shown.";

    @Test
    void inTheBackgroundItPrintsTheEventsOfAPublishedPortUntilKill() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name web -p 8080:80 nginx");
            assertEquals(List.of(), h.ok("conntrack -E -p tcp &"));
            List<String> out = h.ok("curl -s -o /dev/null 172.17.0.2");
            String events = String.join("\n", out);
            assertTrue(out.stream().anyMatch(l -> l.matches("    \\[NEW\\] tcp      6 120 SYN_SENT src=172\\.17\\.0\\.1 dst=172\\.17\\.0\\.2 "
                    + "sport=\\d+ dport=80 \\[UNREPLIED\\] src=172\\.17\\.0\\.2 dst=172\\.17\\.0\\.1 sport=80 dport=\\d+")), events);
            assertTrue(out.stream().anyMatch(l -> l.matches(" \\[UPDATE\\] tcp      6 60 SYN_RECV src=172\\.17\\.0\\.1 .* sport=80 dport=\\d+")), events);
            assertTrue(out.stream().anyMatch(l -> l.matches(" \\[UPDATE\\] tcp      6 432000 ESTABLISHED .* \\[ASSURED\\]")), events);
            assertTrue(out.stream().anyMatch(l -> l.matches(" \\[UPDATE\\] tcp      6 120 TIME_WAIT .* \\[ASSURED\\]")), events);
            List<String> flushed = h.ok("conntrack -F");
            // The listener's DESTROY is written as the kernel flushes, before conntrack -F hears the kernel's answer.
            assertEquals("conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.", flushed.get(1));
            assertTrue(flushed.get(0).matches("\\[DESTROY\\] tcp      6 \\d+ TIME_WAIT .* \\[ASSURED\\] \\[USERSPACE\\] portid=\\d+ "
                    + "progname=conntrack"), String.join("\n", flushed));
            List<String> killed = h.ok("kill %1");
            long shown = out.stream().filter(l -> l.contains("] tcp ")).count() + 1;
            assertEquals(List.of(String.format(SUMMARY, shown)), killed);
            assertEquals(List.of("[1]+  Done                    conntrack -E -p tcp"), h.ok("jobs"), "it ended on TERM, status 0");
            assertEquals(List.of(), h.ok("jobs"));
        }
    }

    @Test
    void underTimeoutItEndsWith124AndItsFiltersHold() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 alpine sleep 1d");
            h.ok("docker run -d --name web -p 8080:80 nginx");
            CommandResult quiet = h.run("timeout 2 conntrack -E");
            assertEquals(124, quiet.status());
            assertEquals(List.of(String.format(SUMMARY, 0)), quiet.output());
            h.ok("conntrack -E -e NEW -o timestamp &");
            List<String> ping = h.ok("ping -c 1 172.17.0.3");
            String event = ping.stream().filter(l -> l.contains("[NEW]")).findFirst().orElse(String.join("\n", ping));
            assertTrue(event.matches("\\[\\d{10}\\.\\d{6}\\]\t    \\[NEW\\] icmp     1 30 src=172\\.17\\.0\\.1 dst=172\\.17\\.0\\.3 "
                    + "type=8 code=0 id=\\d+ \\[UNREPLIED\\] src=172\\.17\\.0\\.3 dst=172\\.17\\.0\\.1 type=0 code=0 id=\\d+"), event);
            assertEquals(List.of(String.format(SUMMARY, 1)), h.ok("kill %1"), "-e NEW: the reply's UPDATE is not shown");
            assertEquals(0, h.run("timeout --preserve-status 1 conntrack -E").status());
            assertEquals(0, h.run("timeout 5 sleep 1").status());
            assertEquals(124, h.run("timeout 1 sleep 5").status());
        }
    }

    @Test
    void itsErrorsAreConntracks() {
        try (TestHost h = new TestHost(1)) {
            String tryHelp = "Try `conntrack -h' or 'conntrack --help' for more information.";
            assertEquals(new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): Bad parameter `FOO'", tryHelp)),
                    h.run("conntrack -E -e NEW,FOO"));
            assertEquals(new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): `foo' unsupported protocol", tryHelp)),
                    h.run("conntrack -E -p foo"));
            assertEquals(new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): option `-e' requires an argument", tryHelp)),
                    h.run("conntrack -E -e"));
            assertEquals(new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): Illegal option `--event-mask' with this command",
                    tryHelp)), h.run("conntrack -L -e NEW"));
            assertEquals(new CommandResult(2, List.of("conntrack v1.4.7 (conntrack-tools): Invalid commands combination", tryHelp)),
                    h.run("conntrack -E -L"));
            assertEquals(new CommandResult(125, List.of("timeout: invalid time interval '1x'", "Try 'timeout --help' for more information.")),
                    h.run("timeout 1x conntrack -E"));
        }
    }

    @Test
    void deleteTakesTheMatchingConnectionsAndPrintsThem() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name web nginx");
            h.ok("ping -c 1 172.17.0.2");
            h.ok("curl -s -o /dev/null 172.17.0.2");
            CommandResult deleted = h.run("conntrack -D -p icmp");
            assertEquals(0, deleted.status());
            assertEquals(2, deleted.output().size(), String.join("\n", deleted.output()));
            assertTrue(deleted.output().get(0).matches("icmp     1 30 src=172\\.17\\.0\\.1 dst=172\\.17\\.0\\.2 type=8 code=0 id=\\d+ "
                    + "src=172\\.17\\.0\\.2 dst=172\\.17\\.0\\.1 type=0 code=0 id=\\d+ mark=0 use=1"), deleted.output().get(0));
            assertEquals("conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.", deleted.output().get(1));
            assertEquals(new CommandResult(1, List.of("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.")),
                    h.run("conntrack -D -p icmp"));
            assertEquals(List.of("1"), h.ok("conntrack -C"), "the TCP connection stays");
        }
    }
}
