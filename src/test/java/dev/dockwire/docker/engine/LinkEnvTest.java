package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.PortSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A legacy link's variables as moby 28's daemon/links/links.go ToEnv makes them (its
 * links_test.go TestLinkMultipleEnv: a run of three tcp ports gets _START/_END, udp ports
 * come after tcp); the reference engine is 20.10, whose ToEnv differs for port runs, so
 * tut-links-hosts.sh holds the single ports and this test the runs.
 */
class LinkEnvTest {
    @Test
    void aRunOfConsecutivePortsHasStartAndEnd() {
        List<PortSpec> ports = new ArrayList<>();
        for (String p : List.of("6382/udp", "6379/tcp", "6300/udp", "6381/tcp", "6380/tcp")) {
            ports.addAll(PortSpec.exposed(p));
        }
        List<String> env = new ArrayList<>(LinkEnv.toEnv("/db/docker", "172.0.17.2", List.of("PASSWORD=gordon", "PATH=/bin", "HOME=/root"), ports));
        env.sort(null);
        assertEquals(List.of(
                "DOCKER_ENV_PASSWORD=gordon",
                "DOCKER_NAME=/db/docker",
                "DOCKER_PORT=tcp://172.0.17.2:6379",
                "DOCKER_PORT_6300_UDP=udp://172.0.17.2:6300",
                "DOCKER_PORT_6300_UDP_ADDR=172.0.17.2",
                "DOCKER_PORT_6300_UDP_PORT=6300",
                "DOCKER_PORT_6300_UDP_PROTO=udp",
                "DOCKER_PORT_6379_TCP=tcp://172.0.17.2:6379",
                "DOCKER_PORT_6379_TCP_ADDR=172.0.17.2",
                "DOCKER_PORT_6379_TCP_END=tcp://172.0.17.2:6381",
                "DOCKER_PORT_6379_TCP_PORT=6379",
                "DOCKER_PORT_6379_TCP_PORT_END=6381",
                "DOCKER_PORT_6379_TCP_PORT_START=6379",
                "DOCKER_PORT_6379_TCP_PROTO=tcp",
                "DOCKER_PORT_6379_TCP_START=tcp://172.0.17.2:6379",
                "DOCKER_PORT_6380_TCP=tcp://172.0.17.2:6380",
                "DOCKER_PORT_6380_TCP_ADDR=172.0.17.2",
                "DOCKER_PORT_6380_TCP_PORT=6380",
                "DOCKER_PORT_6380_TCP_PROTO=tcp",
                "DOCKER_PORT_6381_TCP=tcp://172.0.17.2:6381",
                "DOCKER_PORT_6381_TCP_ADDR=172.0.17.2",
                "DOCKER_PORT_6381_TCP_PORT=6381",
                "DOCKER_PORT_6381_TCP_PROTO=tcp",
                "DOCKER_PORT_6382_UDP=udp://172.0.17.2:6382",
                "DOCKER_PORT_6382_UDP_ADDR=172.0.17.2",
                "DOCKER_PORT_6382_UDP_PORT=6382",
                "DOCKER_PORT_6382_UDP_PROTO=udp"), env);
    }

    @Test
    void anAliasWithADashIsAnUpperCaseNameWithAnUnderscore() {
        assertEquals(List.of("MY_DB_NAME=/web/my-db"), LinkEnv.toEnv("/web/my-db", "172.17.0.2", List.of(), List.of()));
    }
}
