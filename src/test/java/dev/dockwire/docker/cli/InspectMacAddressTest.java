package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --mac-address} in {@code docker inspect} as moby 28 prints it: the endpoint's MacAddress,
 * and the deprecated Config.MacAddress daemon/inspect.go still fills from the main network's
 * requested MAC. With host, none or container: networking the 28.2 client sends the MAC as that
 * network's EndpointSettings.MacAddress and an API 1.44+ daemon does not refuse it (only
 * handleMACAddressBC for API < 1.44 says {@code conflicting options: mac-address and the network
 * mode}); a 20.10 daemon makes the 28.2 client refuse it first (recorded).
 */
class InspectMacAddressTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void configMacAddressIsTheMainNetworksRequestedMac() {
        h.ok("docker run -d --name cl-mac --mac-address 02:42:ac:11:00:99 busybox sleep 1000");
        assertEquals(List.of("02:42:ac:11:00:99 02:42:ac:11:00:99"),
                h.ok("docker inspect -f '{{.Config.MacAddress}} {{.NetworkSettings.Networks.bridge.MacAddress}}' cl-mac"));
        h.ok("docker network create cl-net");
        h.ok("docker create --name cl-user --network cl-net --mac-address 02:42:ac:11:00:98 busybox");
        assertEquals(List.of("02:42:ac:11:00:98"), h.ok("docker inspect -f '{{.Config.MacAddress}}' cl-user"));
        h.ok("docker run -d --name cl-plain busybox sleep 1000");
        // omitempty: no MAC asked for, no field.
        assertEquals(List.of("false"), h.ok("docker inspect -f '{{json .Config}}' cl-plain").stream()
                .map(s -> String.valueOf(s.contains("MacAddress"))).toList());
    }

    @Test
    void otherNetworkModesTakeTheMacWithoutEffect() {
        h.ok("docker run -d --name cl-host --network host --mac-address 02:42:ac:11:00:99 busybox sleep 1000");
        h.ok("docker run -d --name cl-none --network none --mac-address 02:42:ac:11:00:99 busybox sleep 1000");
        // Left out of the JSON (omitempty), the field of the client's container.Config reads "" (28.2 client, reference engine).
        assertEquals(List.of(""), h.ok("docker inspect -f '{{.Config.MacAddress}}' cl-host"));
        assertEquals(List.of(""), h.ok("docker inspect -f '{{.Config.MacAddress}}' cl-none"));
        assertEquals(List.of("|\"\"||<nil>|false"), h.ok("docker inspect -f '{{.Config.MacAddress}}|{{json .Config.MacAddress}}"
                + "|{{.Config.StopSignal}}|{{.Config.Healthcheck}}|{{.Config.ArgsEscaped}}' cl-host"));
    }
}
