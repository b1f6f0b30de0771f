package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run --init} as the reference engine shows it (tini as PID 1 with argv
 * {@code /sbin/docker-init -- CMD}, the command a child of it, pid 7 there): ps inside, docker top's
 * parent pids, and the signals tini forwards (docker stop's SIGTERM ends a sleep that as PID 1 would ignore it).
 */
class DockerInitTest {
    private DockerHost h;

    @BeforeEach
    void setUp() {
        h = new World(1, EngineProfile.DOCKER_28).host();
    }

    private List<String> ok(String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Test
    void psShowsDockerInitAsPid1AndTheCommandAsItsChild() {
        ok("docker pull -q alpine");
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 /sbin/docker-init -- ps", "    7 root      0:00 ps"),
                ok("docker run --rm --init alpine ps"));
        ok("docker run -d --name ti --init alpine sleep 300");
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 /sbin/docker-init -- sleep 300",
                "    7 root      0:00 sleep 300", "    8 root      0:00 ps"), ok("docker exec ti ps"));
        List<String> top = ok("docker top ti -o pid,ppid,args");
        String tini = top.get(1).trim().split("\\s+")[0];
        assertEquals(tini, top.get(2).trim().split("\\s+")[1], "sleep's parent is docker-init: " + top);
    }

    @Test
    void tiniForwardsSignalsAndExitsWithTheCommandsStatus() {
        ok("docker run -d --name ti --init alpine sleep 300");
        ok("docker kill -s USR1 ti");
        assertEquals(List.of("exited 138"), ok("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ti"));
        CommandResult r = h.run("docker run --init --rm alpine sh -c 'exit 3'");
        assertEquals(3, r.status());
    }
}
