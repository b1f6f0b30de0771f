package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ADD where dockwire's builds part from the legacy builder's recordings (build-add-tar.sh, build-copy-missing.sh):
 * BuildKit unpacks a local archive as the legacy builder does (dockerfile2llb's AttemptUnpack: the content decides),
 * and ADD of a URL, which BuildKit's llb.HTTP source and the legacy builder's downloadSource fetch, is refused with
 * dockwire's own words: the emulated host has no outside network.
 */
class DockerBuildAddTest {
    private final TestHost h = new TestHost(26);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void buildkitUnpacksALocalArchiveWithItsMembersModesAndOwners() {
        h.ok("docker run --name tar-src alpine sh -c 'mkdir /t && echo hi > /t/a && chown 1000:2000 /t/a && chmod 600 /t/a'");
        h.run("mkdir -p /a");
        h.ok("docker cp tar-src:/t - > /a/t.tar");
        h.run("printf 'FROM alpine\\nADD t.tar /x/\\nCOPY t.tar /y/\\n' > /a/Dockerfile");
        CommandResult b = h.run("docker build -t a:1 /a");
        assertEquals(0, b.status(), String.join("\n", b.output()));
        assertEquals(List.of("600 1000:2000 /x/t/a", "644 0:0 /y/t.tar"), h.ok("docker run --rm a:1 stat -c '%a %u:%g %n' /x/t/a /y/t.tar"));
        assertEquals(List.of("hi"), h.ok("docker run --rm a:1 cat /x/t/a"));
    }

    @Test
    void aUrlIsRefusedByBothBuilders() {
        h.run("mkdir -p /u && printf 'FROM alpine\\nADD https://example.com/x /x\\n' > /u/Dockerfile");
        CommandResult b = h.run("docker build /u");
        assertEquals(1, b.status());
        assertEquals("ERROR: failed to solve: failed to load cache key: Get \"https://example.com/x\": dockwire: ADD of a URL is not modelled:"
                + " the emulated host has no outside network", b.output().get(b.output().size() - 1));
        assertEquals(List.of("Step 2/2 : ADD https://example.com/x /x",
                "Get \"https://example.com/x\": dockwire: ADD of a URL is not modelled: the emulated host has no outside network"),
                h.run("DOCKER_BUILDKIT=0 docker build /u 2>&1 | tail -n 2").output());
    }
}
