package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the docker 28.2 client writes to stderr, so that a pipe or a redirection at the host's
 * prompt takes only its stdout: daemon errors, usage errors, {@code inspect}'s not-found line after
 * its {@code []}, and {@code docker logs}' entries from the container's stderr (as the 28.2 client
 * splits them against the reference engine here).
 */
class DockerStderrTest {
    private final TestHost host = new TestHost(5);

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void logsSplitTheContainersStreams() {
        host.ok("docker run -d --name ee alpine sh -c 'echo out; echo err >&2; sleep 100'");
        host.ok("sleep 1");
        assertEquals(List.of("out"), host.ok("docker logs ee 2>/dev/null"));
        CommandResult r = host.run("docker logs ee | wc -l");
        assertEquals(List.of("err", "1"), r.output());
        assertEquals(List.of("err"), r.errors());
        assertEquals(List.of("err"), host.ok("docker logs ee 2>&1 >/dev/null"));
    }

    @Test
    void errorsStayOnTheTerminal() {
        host.ok("docker run -d --name ee alpine sleep 100");
        CommandResult inspect = host.run("docker inspect nope 2>/dev/null");
        assertEquals(1, inspect.status());
        assertEquals(List.of("[]"), inspect.output());
        assertEquals(List.of("Error: No such object: nope"), host.run("docker inspect nope >/dev/null").output());
        CommandResult kill = host.run("docker kill nope ee | tr a-z A-Z");
        assertEquals(List.of("Error response from daemon: No such container: nope", "EE"),
                kill.output());
        assertEquals(List.of(), host.run("docker run --rm nosuchimage:zz 2>/dev/null").output());
        assertEquals(List.of("0"), host.ok("docker rm nope 2>/dev/null | wc -l"));
        assertEquals(List.of(), host.run("docker frobnicate 2>/dev/null").output());
    }

    @Test
    void programsSayTheirErrorsOnStderr() {
        // iputils ping on the host (Debian 12 here): the lookup's failure on stderr, nothing on stdout.
        CommandResult ping = host.run("ping -c 1 nosuchhost.invalid | wc -l");
        assertEquals(List.of("ping: nosuchhost.invalid: Name or service not known", "0"), ping.output());
        assertEquals(List.of("ping: nosuchhost.invalid: Name or service not known"), ping.errors());
        assertEquals(List.of(), host.run("ping -c 1 nosuchhost.invalid 2>/dev/null").output());
    }
}
