package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Dockerfile's {@code # dockwire: http PORT ...} comment: the program dockwire cannot run
 * ({@code node server.js}) serves what the comment says in every container of the built image;
 * without it the program runs and listens on nothing; a malformed comment fails the build at its line.
 */
class ServeCommentTest {
    private final TestHost h = new TestHost(29);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void client() {
        h.ok("docker network create shop");
        h.ok("docker run -d --name client --network shop nicolaka/netshoot sleep 3600");
    }

    @Test
    void theCommentSaysWhatTheProgramServes() {
        h.run("mkdir -p /n && printf 'FROM node:20\\nWORKDIR /app\\n# dockwire: http 3000 text hello from node\\nEXPOSE 3000\\nCMD [\"node\", \"server.js\"]\\n' > /n/Dockerfile");
        h.ok("docker build -q -t api:1 /n");
        client();
        h.ok("docker run -d --name api --network shop api:1");
        assertEquals(List.of("hello from node"), h.ok("docker exec client curl -s http://api:3000/"));
        assertEquals(List.of("[node server.js]"), h.ok("docker inspect -f '{{.Config.Cmd}}' api"));
        assertEquals(List.of("hi"), h.ok("docker run --rm api:1 echo hi"), "a command dockwire runs replaces the declared program");
        assertEquals(List.of("/app"), h.ok("docker run --rm api:1 sh -c pwd"));
        h.ok("docker run -d --name api2 --network shop api:1 npm start");
        assertEquals(List.of("hello from node"), h.ok("docker exec client curl -s http://api2:3000/"), "npm start is the application");
    }

    @Test
    void hostnameAnswersWithTheContainersHostname() {
        h.run("mkdir -p /p && printf 'FROM python:3.12-slim\\n#dockwire: http 8000 hostname\\nCMD [\"python\", \"app.py\"]\\n' > /p/Dockerfile");
        h.ok("docker build -q -t py:1 /p");
        client();
        h.ok("docker run -d --name py --hostname pyhost --network shop py:1");
        assertEquals(List.of("pyhost"), h.ok("docker exec client curl -s http://py:8000/"));
    }

    @Test
    void withoutTheCommentNothingListens() {
        h.run("mkdir -p /m && printf 'FROM node:20\\nEXPOSE 3000\\nCMD [\"node\", \"server.js\"]\\n' > /m/Dockerfile");
        h.ok("docker build -q -t quiet:1 /m");
        client();
        h.ok("docker run -d --name quiet --network shop quiet:1");
        CommandResult curl = h.run("docker exec client curl -s http://quiet:3000/");
        assertEquals(7, curl.status(), String.join("\n", curl.output()));
        assertEquals(List.of("running"), h.ok("docker inspect -f '{{.State.Status}}' quiet"));
        assertEquals(List.of("dockwire: node server.js: a program dockwire cannot run; it runs and listens on nothing"
                + " (say what it serves with '# dockwire: http PORT (hostname | text TEXT)' in its Dockerfile)"), h.ok("docker logs quiet"));
        h.ok("docker stop quiet");
        assertEquals(List.of("143"), h.ok("docker inspect -f '{{.State.ExitCode}}' quiet"), "it ends on SIGTERM, as its runtime would");
    }

    @Test
    void aProgramASkippedRunWouldHaveInstalledSaysSoToo() {
        // Compose's getting-started: pip installs flask (a RUN dockwire skips), then CMD runs it.
        h.run("mkdir -p /f && printf 'FROM python:3.10-alpine\\nWORKDIR /code\\nRUN pip install flask redis\\nCMD [\"flask\", \"run\", \"--debug\"]\\n' > /f/Dockerfile");
        h.ok("docker build -q -t flaskapp:1 /f");
        h.ok("docker run -d --name web flaskapp:1");
        h.ok("sleep 1"); // the program's first line, as it starts
        assertEquals(List.of("running"), h.ok("docker inspect -f '{{.State.Status}}' web"));
        assertEquals(List.of("dockwire: flask run --debug: a program dockwire cannot run; it runs and listens on nothing"
                + " (say what it serves with '# dockwire: http PORT (hostname | text TEXT)' in its Dockerfile)"), h.ok("docker logs web"));
    }

    @Test
    void aMalformedCommentFailsTheBuildAtItsLine() {
        h.run("mkdir -p /x && printf 'FROM alpine\\n# dockwire: http eighty hostname\\n' > /x/Dockerfile");
        CommandResult r = h.run("docker build -t bad:1 /x");
        assertEquals(1, r.status());
        List<String> out = r.output();
        assertEquals("ERROR: failed to solve: Dockerfile:2: dockwire: invalid port \"eighty\" (1-65535);"
                + " expected '# dockwire: http PORT (hostname | text TEXT)'", out.get(out.size() - 1));
        assertTrue(out.contains("   2 | >>> # dockwire: http eighty hostname"), String.join("\n", out));
        assertEquals(1, h.run("docker image inspect bad:1").status(), "nothing is tagged");
    }
}
