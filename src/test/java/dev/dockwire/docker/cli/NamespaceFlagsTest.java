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
 * {@code --pid}, {@code --ipc}, {@code --uts} and {@code --oom-kill-disable} where moby 28 differs from the
 * 20.10 reference engine (daemon_unix.go's lower-case "invalid IPC mode", oci_linux.go/container_operations_unix.go's
 * "failed to join ... namespace" at start, IpcMode "private" by default, a cgroup v2 daemon's OomKillDisable warning).
 */
class NamespaceFlagsTest {
    private static final String HELP = "Run 'docker run --help' for more information";
    private DockerHost h;

    @BeforeEach
    void setUp() {
        h = new World(1, EngineProfile.DOCKER_28).host();
    }

    private List<String> run(String line, int status) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Test
    void theDaemonRefusesAnUnknownIpcModeAndAJoinAtStartInMoby28sWords() {
        assertEquals(List.of("docker: Error response from daemon: invalid IPC mode: foo", "", HELP),
                run("docker run --rm --ipc foo alpine true", 125));
        String id = run("docker run -d --name donor alpine sleep 300", 0).get(0);
        assertEquals(List.of("docker: Error response from daemon: failed to join IPC namespace: container " + id
                + ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)", "", HELP),
                run("docker run --rm --ipc container:donor alpine true", 125));
        run("docker create --name stopped alpine true", 0);
        String stopped = run("docker inspect -f '{{.Id}}' stopped", 0).get(0);
        assertEquals(List.of("docker: Error response from daemon: failed to join PID namespace: container " + stopped
                + " is not running", "", HELP), run("docker run --rm --pid container:stopped alpine true", 125));
        assertEquals(List.of("docker: Error response from daemon: failed to join IPC namespace: invalid name or ID supplied: \"\"", "",
                HELP), run("docker run --rm --ipc container: alpine true", 125));
    }

    @Test
    void inspectShowsTheModesWithTheJoinedContainersIdAndPrivateIpcByDefault() {
        String id = run("docker run -d --name target alpine sleep 300", 0).get(0);
        run("docker create --name plain alpine true", 0);
        run("docker create --name joined --pid container:target --ipc none --uts host alpine true", 0);
        String fields = "docker inspect -f '{{.HostConfig.PidMode}}|{{.HostConfig.IpcMode}}|{{.HostConfig.UTSMode}}' ";
        assertEquals(List.of("|private|"), run(fields + "plain", 0));
        assertEquals(List.of("container:" + id + "|none|host"), run(fields + "joined", 0));
        assertEquals(List.of(run("hostname", 0).get(0)), run("docker run --rm --uts host alpine hostname", 0));
    }

    @Test
    void aCgroupV2DaemonDiscardsOomKillDisableWithAWarning() {
        assertEquals(List.of("WARNING: Your kernel does not support OomKillDisable. OomKillDisable discarded."),
                run("docker run --name oom --oom-kill-disable alpine true", 0));
        assertEquals(List.of("false"), run("docker inspect -f '{{.HostConfig.OomKillDisable}}' oom", 0));
    }

    /** {@code --pid container:X}: the sidecar sees X's processes; stopping it leaves X, X's end kills it (137). */
    @Test
    void aSidecarInAnotherContainersPidNamespaceSeesItsProcesses() {
        run("docker run -d --name target alpine sleep 300", 0);
        List<String> ps = run("docker run --rm --pid container:target alpine ps", 0);
        assertEquals("    1 root      0:00 sleep 300", ps.get(1));
        run("docker run -d --name sidecar --pid container:target alpine sleep 200", 0);
        run("docker stop -t 1 sidecar", 0);
        assertEquals(List.of("running 0", "exited 143"), run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' target sidecar", 0));
        run("docker start sidecar", 0);
        run("docker kill target", 0);
        assertEquals(List.of("exited 137", "exited 137"), run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' target sidecar", 0));
    }
}
