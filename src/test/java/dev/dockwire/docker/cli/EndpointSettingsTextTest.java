package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * moby 28's refusals of an endpoint's settings: at create wrapped per network by
 * validateNetworkingConfig (daemon/create.go), at connect as validateEndpointSettings
 * (daemon/container_operations.go) words them, several reasons joined as internal/multierror does.
 */
class EndpointSettingsTextTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void fails(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        assertEquals(List.of(lines), r.output(), line);
    }

    @Test
    void runWrapsTheReasonInTheNetworkItNamed() {
        h.ok("docker network create cl-plain");
        fails("docker run -d --network cl-plain --ip 10.9.0.5 busybox sleep 1", 125,
                "docker: Error response from daemon: invalid config for network cl-plain: invalid endpoint settings:",
                "user specified IP address is supported only when connecting to networks with user configured subnets",
                "", "Run 'docker run --help' for more information");
        fails("docker create --network cl-plain --ip 10.9.0.5 busybox", 1,
                "Error response from daemon: invalid config for network cl-plain: invalid endpoint settings:",
                "user specified IP address is supported only when connecting to networks with user configured subnets");
        assertEquals(List.of(), h.ok("docker ps -aq"), "a refused create leaves no container");
    }

    @Test
    void anAddressThatDoesNotParseFailsValidateAndIsInRange() {
        // the client passes --ip as typed; EndpointIPAMConfig.Validate, then IsInRange, whose net.ParseIP gives nil
        h.ok("docker network create --subnet 10.64.0.0/24 cl-sub");
        fails("docker run --network cl-sub --ip 10.64.0.300 busybox true", 125,
                "docker: Error response from daemon: invalid config for network cl-sub: invalid endpoint settings:",
                "* invalid IPv4 address: 10.64.0.300",
                "* no configured subnet or ip-range contain the IP address 10.64.0.300",
                "", "Run 'docker run --help' for more information");
        fails("docker run --network cl-none --ip 10.64.0.300 busybox true", 125,
                "docker: Error response from daemon: invalid config for network cl-none: invalid endpoint settings:",
                "invalid IPv4 address: 10.64.0.300",
                "", "Run 'docker run --help' for more information");
    }

    @Test
    void severalReasonsAreListedInMobysOrder() {
        fails("docker run -d --ip 172.17.0.9 busybox sleep 1", 125,
                "docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:",
                "* user specified IP address is supported on user defined networks only",
                "* user specified IP address is supported only when connecting to networks with user configured subnets",
                "", "Run 'docker run --help' for more information");
        // The client refuses aliases on a network that is not user-defined before the daemon sees them (recorded).
        fails("docker run -d --ip 172.17.0.9 --network-alias x1 busybox sleep 1", 125,
                "docker: network-scoped aliases are only supported for user-defined networks",
                "", "Run 'docker run --help' for more information");
        h.ok("docker network create --subnet 10.64.0.0/24 cl-sub");
        fails("docker run -d --network cl-sub --ip 10.65.0.5 busybox sleep 1", 125,
                "docker: Error response from daemon: invalid config for network cl-sub: invalid endpoint settings:",
                "no configured subnet or ip-range contain the IP address 10.65.0.5",
                "", "Run 'docker run --help' for more information");
    }

    @Test
    void connectNamesNoNetwork() {
        h.ok("docker run -d --name cl-web busybox sleep 1000");
        h.ok("docker network create cl-plain");
        fails("docker network connect --ip 10.9.0.5 cl-plain cl-web", 1,
                "Error response from daemon: invalid endpoint settings:",
                "user specified IP address is supported only when connecting to networks with user configured subnets");
        h.ok("docker network disconnect bridge cl-web");
        fails("docker network connect --alias x1 bridge cl-web", 1,
                "Error response from daemon: invalid endpoint settings:",
                "network-scoped alias is supported only for containers in user defined networks");
    }

    @Test
    void composeSendsEveryNetworkAtCreate() {
        h.run("mkdir -p /clc");
        h.run("printf 'services:\\n  fixed:\\n    image: alpine\\n    command: sleep 3600\\n    networks:\\n      front: {}\\n"
                + "      back:\\n        ipv4_address: 10.66.1.5\\nnetworks:\\n  front: {}\\n  back:\\n    ipam:\\n"
                + "      config: [{subnet: 10.66.0.0/24}]\\n' > /clc/compose.yaml");
        CommandResult up = h.run("docker compose -f /clc/compose.yaml up -d");
        assertEquals(1, up.status());
        List<String> out = up.output();
        String shown = String.join("\n", out); // as the terminal shows it
        assertTrue(shown.endsWith("\n ✘ Container clc-fixed-1  Error\n"
                + "Error response from daemon: invalid config for network clc_back: invalid endpoint settings:\n"
                + "no configured subnet or ip-range contain the IP address 10.66.1.5"), shown);
        assertEquals(List.of(), h.ok("docker ps -aq"), "the container is never created");
    }
}
