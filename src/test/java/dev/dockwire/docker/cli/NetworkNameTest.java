package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Network names as moby 28's daemon takes them: no pattern (daemon/network.go createNetwork),
 * predefined names and blank ones refused. The accepted names and the predefined refusals were
 * recorded on the reference engine (20.10 daemon, 28.2 client), whose checks 28 keeps.
 */
class NetworkNameTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void namesAContainerCouldNotHaveAreNetworks() {
        h.ok("docker network create _n");
        h.ok("docker network create .n");
        h.ok("docker network create -- -n");
        assertEquals(List.of("-n", ".n", "_n", "none"), h.ok("docker network ls --format '{{.Name}}' --filter name=n"));
        h.ok("docker run -d --name cl-under --network _n busybox sleep 1000");
        assertEquals(List.of("_n"), h.ok("docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}' cl-under"));
        h.ok("docker rm -f cl-under");
        assertEquals(List.of("_n", ".n"), h.ok("docker network rm _n .n"));
    }

    @Test
    void predefinedAndBlankNamesAreRefused() {
        for (String name : List.of("bridge", "host", "none", "default")) {
            CommandResult r = h.run("docker network create " + name);
            assertEquals(1, r.status());
            assertEquals(List.of("Error response from daemon: operation is not permitted on predefined " + name + " network"), r.output());
        }
        CommandResult blank = h.run("docker network create ' '");
        assertEquals(1, blank.status());
        assertEquals(List.of("Error response from daemon: invalid name: name is empty"), blank.output());
    }
}
