package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Container names in the files dockwire loads follow the daemon's rule (moby daemon/names.go,
 * {@code docker.ContainerName}): a topology's container keys and Compose's {@code container_name}
 * (compose-spec.json: {@code "pattern": "[a-zA-Z0-9][a-zA-Z0-9_.-]+"}) are refused at their line when
 * Docker would refuse them; one-character services, networks and hostnames stay valid.
 */
class ContainerNamesTest {

    private static String topologyError(String yaml) {
        return assertThrows(TopologyException.class, () -> TopologyLoader.parse("t.yml", "t", yaml)).getMessage();
    }

    private static String composeError(String yaml) {
        return assertThrows(TopologyException.class, () -> ComposeLoader.parse("compose.yml", yaml, Map.of(), "p", null))
                .getMessage();
    }

    @Test
    void aTopologyContainerOfOneCharacterIsRefusedAtItsKey() {
        assertEquals("t.yml:3: containers.a: invalid container name \"a\": Docker allows [a-zA-Z0-9][a-zA-Z0-9_.-]+, "
                + "two characters or more, like \"a1\"", topologyError("""
                containers:
                  web: {}
                  a: {}
                """));
        assertEquals("t.yml:2: containers._x: invalid container name \"_x\": Docker allows [a-zA-Z0-9][a-zA-Z0-9_.-]+, "
                + "two characters or more, like \"x1\"", topologyError("""
                containers:
                  _x: {}
                """));
    }

    @Test
    void oneCharacterNetworksAndTwoCharacterContainersLoad() {
        Topology t = TopologyLoader.parse("t.yml", "t", """
                networks:
                  n:
                containers:
                  c1: {networks: [n]}
                  db.2: {}
                """);
        assertEquals(List.of("c1", "db.2"), t.containers().stream().map(Topology.ContainerSpec::name).toList());
        assertEquals("n", t.networks().get(0).name());
    }

    @Test
    void composeContainerNameOfOneCharacterIsRefusedButAServiceMayBeNamedA() {
        assertEquals("compose.yml:4: services.web.container_name: invalid container name \"w\": Docker allows "
                + "[a-zA-Z0-9][a-zA-Z0-9_.-]+, two characters or more, like \"w1\"", composeError("""
                services:
                  web:
                    image: nginx
                    container_name: w
                """));
        ComposeProject p = ComposeLoader.parse("compose.yml", """
                services:
                  a:
                    image: alpine
                    hostname: h
                  b:
                    image: alpine
                    container_name: b2
                networks:
                  n:
                """, Map.of(), "p", null);
        assertEquals(List.of("a", "b"), p.services().stream().map(ComposeProject.Service::name).toList());
        assertEquals("b2", p.service("b").containerName());
    }
}
