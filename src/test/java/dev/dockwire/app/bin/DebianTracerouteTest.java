package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's traceroute 2.1.2 on the Docker host, end to end on what it prints: the lines measured
 * with the real one between two network namespaces (notes s7/tr), over the emulated routers.
 */
class DebianTracerouteTest {
    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private List<String> run(String line, int status) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @BeforeEach
    void network() {
        run("docker run -d --name web nginx:alpine", 0);
    }

    @Test
    void oneHopToAContainer() {
        System.out.println(run("traceroute 172.17.0.2", 0));
        System.out.println(run("traceroute -n 172.17.0.2", 0));
        System.out.println(run("traceroute -I -n -q 1 172.17.0.2", 0));
        System.out.println(run("traceroute -n -m 2 -q 2 -w 1 10.255.255.1", 0));
        System.out.println(run("traceroute -n -m 2 -q 2 -w 1 172.17.0.9; sleep 5", 0));
        System.out.println(run("traceroute -n -m 2 -q 2 172.17.0.9; sleep 5", 0));
        System.out.println(run("traceroute nosuch", 2));
        System.out.println(run("traceroute -x 1.2.3.4", 2));
        System.out.println(run("traceroute -q x 1.2.3.4", 2));
        System.out.println(run("traceroute -q 11 1.2.3.4", 2));
        System.out.println(run("traceroute -m 300 1.2.3.4", 2));
        System.out.println(run("traceroute -V", 0));
        System.out.println(run("traceroute 2>&1 | head -3", 0));
        System.out.println(run("docker exec web traceroute -n 172.17.0.1", 0));
    }
}
