package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.http.Responses;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GNU wget in python (buildpack-deps) against nginx: the lines Debian's wget 1.21.3 printed
 * against busybox httpd in a namespace (LANG unset), dates and rates masked.
 */
class GnuWgetTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker network create gw-net");
        h.ok("docker run -d --name gw-web --network gw-net --network-alias web nginx");
        h.ok("docker run -d --name gw-c --network gw-net python sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private CommandResult run(String args) {
        return h.run("docker exec gw-c wget " + args);
    }

    /** The output with wget's clock and rates replaced by D and R. */
    private static List<String> masked(CommandResult r) {
        return r.output().stream()
                .map(l -> l.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "D")
                        .replaceAll("\\(\\d+(\\.\\d+)? [KMGT]?B/s\\)", "(R)")
                        .replaceAll("100% +\\d+(\\.\\d+)?[KMGT]?=\\S+$", "100% R"))
                .toList();
    }

    private void assertRun(int status, List<String> lines, String args) {
        CommandResult r = run(args);
        assertEquals(lines, masked(r), args);
        assertEquals(status, r.status(), args);
    }

    private static final String CONNECT = "Connecting to web (web)|172.18.0.2|:80... connected.";
    private static final String DOTS = "     0K" + " ".repeat(55) + "100% R";

    @Test
    void quietToStdoutIsThePage() {
        assertRun(0, Responses.NGINX_WELCOME.lines().toList(), "-qO- http://web/");
        assertRun(0, List.of(), "-q -O /dev/null web");
    }

    @Test
    void savingPrintsTheBlockAndASecondRunPicksTheNextName() {
        List<String> first = List.of("--D--  http://web/", "Resolving web (web)... 172.18.0.2", CONNECT,
                "HTTP request sent, awaiting response... 200 OK", "Length: 896 [text/html]", "Saving to: 'index.html'",
                "", DOTS, "", "D (R) - 'index.html' saved [896/896]", "");
        assertRun(0, first, "http://web/");
        assertEquals(Responses.NGINX_WELCOME, String.join("\n", h.ok("docker exec gw-c cat /index.html")) + "\n");
        CommandResult again = run("web");
        assertEquals("Saving to: 'index.html.1'", masked(again).get(5));
        CommandResult file = run("-O f.html http://web/");
        assertEquals("D (R) - 'f.html' saved [896/896]", masked(file).get(9));
        CommandResult out = run("-O - http://web/");
        assertTrue(masked(out).contains("Saving to: 'STDOUT'"), out.output().toString());
        assertTrue(masked(out).contains("D (R) - written to stdout [896/896]"), out.output().toString());
    }

    @Test
    void spiderAndServerResponse() {
        assertRun(0, List.of("Spider mode enabled. Check if remote file exists.", "--D--  http://web/",
                "Resolving web (web)... 172.18.0.2", CONNECT, "HTTP request sent, awaiting response... 200 OK",
                "Length: 896 [text/html]", "Remote file exists and could contain further links,",
                "but recursion is disabled -- not retrieving.", ""), "--spider http://web/");
        assertRun(8, List.of("Spider mode enabled. Check if remote file exists.", "--D--  http://web/nope",
                "Resolving web (web)... 172.18.0.2", CONNECT, "HTTP request sent, awaiting response... 404 Not Found",
                "Remote file does not exist -- broken link!!!", ""), "--spider http://web/nope");
        assertRun(8, List.of(), "-q --spider http://web/nope");
        List<String> s = masked(run("-S -O /dev/null http://web/x"));
        assertEquals("HTTP request sent, awaiting response... ", s.get(3));
        assertEquals("  HTTP/1.1 404 Not Found", s.get(4));
        assertEquals(List.of("D ERROR 404: Not Found.", ""), s.subList(s.size() - 2, s.size()));
    }

    @Test
    void networkFailuresExitFour() {
        assertRun(4, List.of("--D--  http://web:81/", "Resolving web (web)... 172.18.0.2",
                "Connecting to web (web)|172.18.0.2|:81... failed: Connection refused."), "http://web:81/");
        assertRun(4, List.of("--D--  http://nosuch/", "Resolving nosuch (nosuch)... failed: Name or service not known.",
                "wget: unable to resolve host address 'nosuch'"), "http://nosuch/");
        assertRun(4, List.of("wget: unable to resolve host address 'nosuch'"), "-q http://nosuch/");
        assertRun(8, List.of("--D--  http://web/missing", "Resolving web (web)... 172.18.0.2", CONNECT,
                "HTTP request sent, awaiting response... 404 Not Found", "D ERROR 404: Not Found.", ""), "-T 1 http://web/missing");
    }

    @Test
    void usageErrors() {
        List<String> usage = List.of("Usage: wget [OPTION]... [URL]...", "", "Try `wget --help' for more options.");
        CommandResult none = h.run("docker exec gw-c wget");
        assertEquals(1, none.status());
        assertEquals("wget: missing URL", none.output().get(0));
        assertEquals(usage, none.output().subList(1, 4));
        CommandResult bogus = run("--bogus");
        assertEquals(2, bogus.status());
        assertEquals("wget: unrecognized option '--bogus'", bogus.output().get(0));
        assertRun(2, List.of("wget: --timeout: Invalid time period 'x'"), "-T x http://a");
    }

    @Test
    void progressRowsAndSizes() {
        assertEquals(List.of("     0K .......... .......... .......... .......... .......... 73% 48.8M 0s",
                        "    50K .......... ........                                   100% 48.8M=0.001s"),
                GnuWgetProgress.dots(70000, 70000, 0.001367));
        assertEquals("68K", GnuWgetProgress.human(70000));
        assertEquals("2.9K", GnuWgetProgress.human(3000));
        assertEquals("30.2 MB/s", GnuWgetProgress.summaryRate(615, 615 / (30.2 * 1048576)));
        assertEquals("0", GnuWgetProgress.decimal(0.0001));
    }

    @Test
    void alpineKeepsBusyboxWget() {
        h.ok("docker run -d --name gw-a --network gw-net alpine sleep 600");
        assertEquals(List.of("Connecting to web (172.18.0.2:80)", "remote file exists"),
                h.run("docker exec gw-a wget --spider http://web/").output());
    }
}
