package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockwire.testing.TestHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker inspect's JSON as moby 28 writes it: NetworkSettings with every field of
 * api/types/container.NetworkSettings in declaration order (the deprecated ones 28 still prints),
 * and Go maps (Networks, Ports, a network's Containers) with their keys sorted as encoding/json sorts them.
 */
class InspectFieldsTest {
    private final TestHost h = new TestHost(5);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        h.close();
    }

    private JsonNode inspect(String what) throws Exception {
        return json.readTree(String.join("\n", h.ok("docker inspect " + what))).get(0);
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void networkSettingsHasTheFieldsOfDocker28InTheirOrder() throws Exception {
        h.ok("docker network create zeta");
        h.ok("docker network create alpha");
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("docker network connect zeta web");
        h.ok("docker network connect alpha web");
        JsonNode ns = inspect("web").get("NetworkSettings");
        assertEquals(List.of("Bridge", "SandboxID", "SandboxKey", "Ports", "HairpinMode", "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen",
                "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID", "Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen",
                "IPAddress", "IPPrefixLen", "IPv6Gateway", "MacAddress", "Networks"), keys(ns));
        assertEquals(List.of("alpha", "bridge", "zeta"), keys(ns.get("Networks")), "a Go map: keys sorted");
        String sandbox = ns.get("SandboxID").asText();
        assertTrue(sandbox.matches("[0-9a-f]{64}"), sandbox);
        assertEquals("/var/run/docker/netns/" + sandbox.substring(0, 12), ns.get("SandboxKey").asText());
        assertEquals(ns.get("Networks").get("bridge").get("EndpointID"), ns.get("EndpointID"));
        assertEquals("172.17.0.2", ns.get("IPAddress").asText());
        assertEquals(16, ns.get("IPPrefixLen").asInt());
        assertTrue(ns.get("SecondaryIPAddresses").isNull());
        assertEquals("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"},{\"HostIp\":\"::\",\"HostPort\":\"8080\"}]}",
                h.ok("docker inspect -f '{{json .NetworkSettings.Ports}}' web").get(0));
        assertEquals(List.of("172.19.0.2 172.17.0.2 172.18.0.2 "),
                h.ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' web"), "range over a map: key order");
    }

    @Test
    void exposedPortsOfARunningContainerAreListedUnbound() {
        h.ok("docker run -d --name sql -p 3306:3306 -e MYSQL_ROOT_PASSWORD=secret mysql");
        assertEquals(List.of("{\"3306/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"3306\"},{\"HostIp\":\"::\",\"HostPort\":\"3306\"}],\"33060/tcp\":null}"),
                h.ok("docker inspect -f '{{json .NetworkSettings.Ports}}' sql"));
    }

    @Test
    void aNetworksContainersAreKeyedByIdInOrder() throws Exception {
        h.ok("docker network create n");
        for (String name : List.of("c1", "c2", "c3", "c4")) {
            h.ok("docker run -d --name " + name + " --network n busybox sleep 600");
        }
        List<String> ids = keys(json.readTree(String.join("\n", h.ok("docker network inspect n"))).get(0).get("Containers"));
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        assertEquals(4, ids.size());
    }

    /**
     * Recorded on the reference engine with the 28.2 client (alpine; its Env differs: a BusyBox stand-in): the client decodes
     * into Go structs, so an omitempty string the daemon left out reads "" and a slice or pointer null.
     */
    @Test
    void anEmptyStringFieldIsAnEmptyStringInATemplate() {
        h.ok("docker create --name s10b-c alpine sleep 1");
        assertEquals(List.of("\"\"|\"\"|null|\"\"||\"\""), h.ok("docker inspect -f '{{json .Config.WorkingDir}}|{{json .Config.User}}"
                + "|{{json .Config.Entrypoint}}|{{json .Config.Domainname}}|{{.Config.User}}|{{json .Config.StopSignal}}' s10b-c"));
        assertEquals(List.of("\"\"|\"\"|null|null||\"\"|null"), h.ok("docker image inspect -f '{{json .Config.WorkingDir}}|{{json .Config.User}}"
                + "|{{json .Config.Entrypoint}}|{{json .Config.ExposedPorts}}|{{.Config.User}}|{{json .Config.StopSignal}}"
                + "|{{json .Config.Healthcheck}}' alpine"));
        assertEquals(List.of("\"\"|\"\""), h.ok("docker inspect -f '{{json .Config.WorkingDir}}|{{json .Config.User}}' alpine"));
        assertFalse(h.ok("docker image inspect -f '{{json .Config}}' alpine").get(0).contains("User"), "what the daemon sent: omitempty");
        // A nil slice, map or pointer of the struct, printed by fmt (same recording).
        assertEquals(List.of("[]|map[]|[]|map[]|<nil>"), h.ok("docker inspect -f '{{.Config.Entrypoint}}|{{.Config.Volumes}}"
                + "|{{.Config.OnBuild}}|{{.Config.ExposedPorts}}|{{.Config.Healthcheck}}' s10b-c"));
        assertEquals(List.of("[]|map[]|[]|map[]|map[]"), h.ok("docker image inspect -f '{{.Config.Entrypoint}}|{{.Config.Volumes}}"
                + "|{{.Config.OnBuild}}|{{.Config.ExposedPorts}}|{{.Config.Labels}}' alpine"));
        assertEquals(List.of("none 0"), h.ok("docker image inspect -f '{{if .Config.Healthcheck}}some{{else}}none{{end}} {{len .Config.Entrypoint}}' alpine"),
                "a typed nil is false and empty");
    }
}
