package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    @Test
    void commandsContinuationsCommentsAndExpectations() {
        Script s = ScriptParser.parse("s.sh", "s", """
                #!/usr/bin/env bash
                # dockwire: seed 9
                # a comment

                docker network create \\
                  --subnet 10.0.0.0/24 n
                docker exec a ping -c 1 10.0.0.9
                # expect: status 1
                # expect: contains "100% packet loss"
                # expect: not-contains ttl=
                # expect: matches ^PING
                docker ps
                # expect: any
                """);
        assertEquals(9, s.seed());
        assertEquals(3, s.commands().size());
        Script.Command c0 = s.commands().get(0);
        assertEquals("docker network create    --subnet 10.0.0.0/24 n", c0.line());
        assertEquals(5, c0.lineNumber());
        Script.Command c1 = s.commands().get(1);
        assertEquals(7, c1.lineNumber());
        assertEquals(1, c1.status());
        assertEquals(List.of("100% packet loss"), c1.contains());
        assertEquals(List.of("ttl="), c1.notContains());
        assertEquals(List.of("^PING"), c1.matches());
        assertTrue(s.commands().get(2).anyStatus());
    }

    @Test
    void badDirectivesNameTheLine() {
        assertEquals("s.sh:2: expect: unknown expectation \"stauts\"; valid: status N, any, contains TEXT, not-contains TEXT, matches REGEX",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("s.sh", "s", "docker ps\n# expect: stauts 0\n")).getMessage());
        assertEquals("s.sh:1: expect: an expectation must follow a command",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("s.sh", "s", "# expect: status 0\n")).getMessage());
        assertEquals("s.sh:2: expect: status: expected an exit status 0-255, got \"x\"",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("s.sh", "s", "ls\n# expect: status x\n")).getMessage());
        assertEquals("s.sh:1: the last line ends with a continuation backslash",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("s.sh", "s", "docker ps \\")).getMessage());
    }

    @Test
    void captureDirectivesAddLoopbackHostAndInterfaces() {
        Script s = ScriptParser.parse("t.sh", "t", "# dockwire: capture loopback\n# dockwire: capture host br-x\ndocker ps\n");
        assertEquals(new Topology.CaptureSpec(true, true, true, List.of("br-x"), null), s.capture());
        assertEquals(new Topology.CaptureSpec(true, null), ScriptParser.parse("t.sh", "t", "docker ps\n").capture());
    }

    @Test
    void imageDirectivesDeclareWhatUnmodelledImagesRun() {
        Script s = ScriptParser.parse("s.sh", "s", "# dockwire: image nodeserver:1 http 8080 hostname\n"
                + "# dockwire: image greeter http 80 text hi there\ndocker ps\n");
        assertEquals(List.of(new Script.ImageDecl("nodeserver:1", 8080, null), new Script.ImageDecl("greeter", 80, "hi there")),
                s.images());
        assertEquals("s.sh:1: dockwire: image: invalid port \"x\"; expected: image NAME http PORT (hostname | text TEXT)",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("s.sh", "s", "# dockwire: image a http x hostname\n"))
                        .getMessage());
    }

    @Test
    void underlayDirectivesGiveEachHostsRealAddress() {
        Script s = ScriptParser.parse("o.sh", "o", "# dockwire: hosts 2\n# dockwire: underlay docker-host-1 127.0.0.1:47891\n"
                + "# dockwire: underlay docker-host-2 10.1.2.3:4789\ndocker ps\n");
        assertEquals(List.of("docker-host-1", "docker-host-2"), List.copyOf(s.daemon().underlay().keySet()));
        assertEquals(new Daemon.Underlay("10.1.2.3", 4789, 3), s.daemon().underlay().get("docker-host-2"));
        assertEquals("o.sh:1: dockwire: underlay: expected HOST ADDRESS:PORT like \"docker-host-2 127.0.0.1:47892\""
                        + " (HOST docker-host-N, an IPv4 address, a port 1-65535), got \"docker-host-2 127.0.0.1:70000\"",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("o.sh", "o",
                        "# dockwire: underlay docker-host-2 127.0.0.1:70000\n")).getMessage());
        assertEquals("o.sh:2: dockwire: underlay: no host docker-host-3 in a run of 2 host(s)"
                        + " (# dockwire: hosts N names docker-host-1 to docker-host-N)",
                assertThrows(TopologyException.class, () -> ScriptParser.parse("o.sh", "o",
                        "# dockwire: hosts 2\n# dockwire: underlay docker-host-3 127.0.0.1:1\n")).getMessage());
    }

    @Test
    void stepTimeoutDirectiveSetsHowLongAForegroundCommandMayRun() {
        assertEquals(Script.STEP_TIMEOUT_SECONDS, ScriptParser.parse("t.sh", "t", "docker ps\n").stepTimeoutSeconds());
        assertEquals(5, ScriptParser.parse("t.sh", "t", "# dockwire: step-timeout 5\ndocker ps\n").stepTimeoutSeconds());
        assertThrows(TopologyException.class, () -> ScriptParser.parse("t.sh", "t", "# dockwire: step-timeout soon\n"));
    }
}
