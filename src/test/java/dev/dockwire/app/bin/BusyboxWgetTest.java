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

/** BusyBox wget in alpine against nginx, line for line as the reference host printed it (notes/i18/wget.out). */
class BusyboxWgetTest {
    private static final String PROGRESS = "|********************************|   896  0:00:00 ETA";
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker network create wget-net");
        h.ok("docker run -d --name wget-web --network wget-net --network-alias web nginx:alpine");
        h.ok("docker run -d --name wget-c --network wget-net alpine sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private CommandResult run(String args) {
        return h.run("docker exec wget-c wget " + args);
    }

    private void assertRun(int status, List<String> lines, String args) {
        CommandResult r = run(args);
        assertEquals(lines, r.output(), args);
        assertEquals(status, r.status(), args);
    }

    @Test
    void quietToStdoutPrintsNginxsWelcomePage() {
        List<String> page = Responses.NGINX_WELCOME.lines().toList();
        assertEquals(896, Responses.NGINX_WELCOME.length());
        assertRun(0, page, "-qO- http://web");
        assertRun(0, page, "-q -O - http://web/");
        assertRun(0, page, "-qO- web");
        assertRun(0, List.of(), "-q -O /dev/null http://web");
    }

    @Test
    void savingToAFileShowsTheProgressMeterAndAPlainSecondRunFindsTheFile() {
        assertRun(0, List.of("Connecting to web (172.18.0.2:80)", "saving to '/tmp/index.html'",
                "index.html           100% " + PROGRESS, "'/tmp/index.html' saved"), "-O /tmp/index.html http://web");
        assertEquals(Responses.NGINX_WELCOME, String.join("\n", h.ok("docker exec wget-c cat /tmp/index.html")) + "\n");
        assertRun(0, List.of("Connecting to web (172.18.0.2:80)", "saving to 'index.html'",
                "index.html           100% " + PROGRESS, "'index.html' saved"), "http://web");
        assertRun(1, List.of("Connecting to web (172.18.0.2:80)", "wget: can't open 'index.html': File exists"), "http://web");
        assertRun(1, List.of("wget: can't open 'index.html': File exists"), "-q http://web");
        assertRun(0, List.of("Connecting to web (172.18.0.2:80)", "saving to 'index.html'",
                "index.html           100% " + PROGRESS, "'index.html' saved"), "-O index.html http://web");
    }

    @Test
    void spiderAndServerResponse() {
        assertRun(0, List.of("Connecting to web (172.18.0.2:80)", "remote file exists"), "--spider http://web");
        assertRun(0, List.of(), "-q --spider http://web");
        List<String> log = h.ok("docker logs wget-web");
        assertTrue(log.get(log.size() - 1).contains("\"GET / HTTP/1.1\" 200 896 \"-\" \"Wget\""), "--spider sends GET (wire.out): " + log);
        List<String> s = run("-S -O /dev/null http://web").output();
        assertEquals("Connecting to web (172.18.0.2:80)", s.get(0));
        assertEquals("  HTTP/1.1 200 OK", s.get(1));
        assertTrue(s.contains("  Content-Length: 896"), String.join("\n", s));
        assertEquals(List.of("  ", "saving to '/dev/null'", "null                 100% " + PROGRESS, "'/dev/null' saved"),
                s.subList(s.size() - 4, s.size()));
        assertRun(1, List.of("Connecting to web (172.18.0.2:80)", "  HTTP/1.1 404 Not Found",
                "wget: server returned error: HTTP/1.1 404 Not Found"), "-S http://web/nope");
    }

    @Test
    void errorsAreBusyboxsAndExitOne() {
        assertRun(1, List.of("wget: server returned error: HTTP/1.1 404 Not Found"), "-qO- http://web/nope");
        assertRun(1, List.of("Connecting to web (172.18.0.2:80)", "wget: server returned error: HTTP/1.1 404 Not Found"),
                "-O- http://web/nope");
        assertRun(1, List.of("Connecting to web (172.18.0.2:80)", "wget: server returned error: HTTP/1.1 404 Not Found"),
                "--spider http://web/nope");
        assertRun(1, List.of("wget: can't connect to remote host (172.18.0.2): Connection refused"), "-qO- http://web:81");
        assertRun(1, List.of("Connecting to web:81 (172.18.0.2:81)", "wget: can't connect to remote host (172.18.0.2): Connection refused"),
                "-O- http://web:81");
        assertRun(1, List.of("wget: can't connect to remote host (172.18.0.2): Connection refused"), "-qO- https://web");
        assertRun(1, List.of("wget: bad address 'nosuchhost'"), "-O- http://nosuchhost");
        assertRun(1, List.of("wget: not an http or ftp url: gopher://web/"), "gopher://web/");
    }

    @Test
    void timeoutEndsADownloadThatMakesNoProgress() {
        long t0 = h.world.emulation().loop().nanos();
        assertRun(1, List.of("Connecting to 10.255.255.1 (10.255.255.1:80)", "wget: download timed out"), "-T 2 -O- http://10.255.255.1");
        assertEquals(2_000_000_000L, h.world.emulation().loop().nanos() - t0);
        assertRun(1, List.of("wget: download timed out"), "-qO- -T 1 http://10.255.255.1/");
        assertRun(1, List.of("wget: invalid number 'x'"), "-T x http://web");
    }

    @Test
    void usageForNoUrlAndBadOptions() {
        List<String> usage = run("").output();
        assertEquals("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.", usage.get(0));
        assertEquals(List.of("", "Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]",
                "\t[--post-data STR | --post-file FILE] [-Y on/off]", "\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...",
                "", "Retrieve files via HTTP or FTP", ""), usage.subList(1, 8));
        assertEquals("\t-Y on/off\tUse proxy", usage.get(usage.size() - 1));
        assertEquals(1, run("").status());
        CommandResult bad = run("-Z http://web");
        assertEquals(1, bad.status());
        assertEquals("wget: unrecognized option: Z", bad.output().get(0));
        assertEquals(usage, bad.output().subList(1, bad.output().size()));
        assertEquals(List.of("wget: unrecognized option: nope"), run("--nope http://web").output().subList(0, 1));
        assertEquals(List.of("wget: option requires an argument: O"), run("http://web -O").output().subList(0, 1));
        assertEquals(0, run("--help").status());
    }

    @Test
    void longOptionsPrefixesDirectoryAndLogFile() {
        assertRun(0, List.of(), "--qui --output-document=/dev/null http://web");
        assertRun(0, List.of(), "-q -P /srv http://web/index.html");
        assertEquals(Responses.NGINX_WELCOME, String.join("\n", h.ok("docker exec wget-c cat /srv/index.html")) + "\n");
        assertRun(0, List.of(), "-o /tmp/log -O /dev/null http://web");
        assertEquals(List.of("Connecting to web (172.18.0.2:80)", "saving to '/dev/null'", "null                 100% " + PROGRESS,
                "'/dev/null' saved"), h.ok("docker exec wget-c cat /tmp/log"));
    }

    @Test
    void progressSizesAsSmartUlltoa5() {
        assertEquals("  896", Wget.size5(896));
        assertEquals("99999", Wget.size5(99999));
        assertEquals(" 120k", Wget.size5(123456));
        assertEquals("92.1M", Wget.size5(96_600_000L));
        assertEquals("-" + " ".repeat(24) + "0 --:--:-- ETA", Wget.progress("-", 0, 0));
        assertEquals("a-very-long-file-nam 100% " + PROGRESS, Wget.progress("a-very-long-file-name.html", 896, 896));
    }
}
