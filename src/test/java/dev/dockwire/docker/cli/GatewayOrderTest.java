package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's gateway endpoint as libnetwork 28 picks it (sandbox.go {@code Endpoint.Less},
 * default_gateway.go {@code selectGatewayEndpoint}) and the daemon's connect/disconnect texts
 * (runconfig/errors.go, libnetwork/error.go). The connect transcript was recorded on the reference
 * engine (20.10 daemon, 28.2 client), whose order 28 keeps.
 */
class GatewayOrderTest {
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

    private void fails(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        assertEquals(List.of(lines), r.output(), line);
    }

    @Test
    void connectMovesTheDefaultRouteToTheNetworkThatSortsFirstAndAddsTheHostsLine() {
        ok("docker network create --subnet 10.61.1.0/24 frontnet");
        ok("docker network create --subnet 10.61.2.0/24 backnet");
        String id = ok("docker run -d --name fe --network frontnet -p 18080:80 busybox sleep 1000").get(0);
        assertEquals(List.of("default via 10.61.1.1 dev eth0 ", "10.61.1.0/24 dev eth0 scope link  src 10.61.1.2 "),
                ok("docker exec fe ip route"));
        ok("docker network connect backnet fe");
        assertEquals(List.of("default via 10.61.2.1 dev eth1 ", "10.61.1.0/24 dev eth0 scope link  src 10.61.1.2 ",
                "10.61.2.0/24 dev eth1 scope link  src 10.61.2.2 "), ok("docker exec fe ip route"));
        List<String> hosts = ok("docker exec fe cat /etc/hosts");
        assertEquals(List.of("10.61.1.2\t" + id.substring(0, 12), "10.61.2.2\t" + id.substring(0, 12)),
                hosts.subList(hosts.size() - 2, hosts.size()));
        // The published port follows the gateway endpoint: its DNAT now points into backnet.
        assertTrue(ok("iptables -t nat -S DOCKER").stream().anyMatch(l -> l.contains("--to-destination 10.61.2.2:80")),
                String.join("\n", ok("iptables -t nat -S DOCKER")));
        ok("docker network disconnect backnet fe");
        assertEquals(List.of("default via 10.61.1.1 dev eth0 ", "10.61.1.0/24 dev eth0 scope link  src 10.61.1.2 "),
                ok("docker exec fe ip route"));
        assertTrue(ok("iptables -t nat -S DOCKER").stream().anyMatch(l -> l.contains("--to-destination 10.61.1.2:80")));
    }

    @Test
    void gwPriorityWinsOverTheNameAndAnInternalNetworkNeverGivesTheRoute() {
        ok("docker network create --subnet 10.62.1.0/24 b-public");
        ok("docker network create --subnet 10.62.2.0/24 a-public");
        ok("docker network create --internal --subnet 10.62.3.0/24 0-internal");
        ok("docker run -d --name c1 --network 0-internal busybox sleep 1000");
        assertEquals(List.of("10.62.3.0/24 dev eth0 scope link  src 10.62.3.2 "), ok("docker exec c1 ip route"));
        ok("docker network connect --gw-priority 5 b-public c1");
        ok("docker network connect a-public c1");
        assertEquals("default via 10.62.1.1 dev eth1 ", ok("docker exec c1 ip route").get(0));
        fails("docker network connect --gw-priority x a-public c1", 125,
                "invalid argument \"x\" for \"--gw-priority\" flag: strconv.ParseInt: parsing \"x\": invalid syntax", "",
                "Usage:  docker network connect [OPTIONS] NETWORK CONTAINER", "",
                "Run 'docker network connect --help' for more information");
    }

    @Test
    void connectAndDisconnectRefusalsAreMoby28s() {
        ok("docker network create --subnet 10.63.0.0/24 withsubnet");
        ok("docker network create nosubnet");
        ok("docker run -d --name none1 --network none busybox sleep 1000");
        ok("docker run -d --name host1 --network host busybox sleep 1000");
        ok("docker run -d --name web busybox sleep 1000");
        fails("docker network connect withsubnet none1", 1, "Error response from daemon: container cannot be connected to multiple"
                + " networks with one of the networks in private (none) mode");
        fails("docker network connect withsubnet host1", 1, "Error response from daemon: container sharing network namespace"
                + " with another container or host cannot be connected to any other network");
        fails("docker network disconnect host host1", 1,
                "Error response from daemon: cannot disconnect container from host network - container was created in host network mode");
        fails("docker network connect host web", 1,
                "Error response from daemon: cannot connect container to host network - container must be created in host network mode");
        fails("docker network connect --ip 10.9.0.5 nosubnet web", 1, "Error response from daemon: invalid endpoint settings:",
                "user specified IP address is supported only when connecting to networks with user configured subnets");
        CommandResult r = h.run("docker run -d --network nosubnet --ip 10.9.0.5 busybox sleep 1");
        assertEquals(125, r.status());
        assertEquals("docker: Error response from daemon: invalid config for network nosubnet: invalid endpoint settings:", r.output().get(0));
        assertEquals("user specified IP address is supported only when connecting to networks with user configured subnets",
                r.output().get(1));
        ok("docker network connect withsubnet web");
        ok("docker run -d --name web2 --network withsubnet busybox sleep 1000");
        r = h.run("docker network rm withsubnet");
        assertEquals(1, r.status());
        assertTrue(r.output().get(0).matches("Error response from daemon: error while removing network: network withsubnet"
                + " has active endpoints \\(name:\"web\" id:\"[0-9a-f]{12}\", name:\"web2\" id:\"[0-9a-f]{12}\"\\)"), r.output().get(0));
        assertEquals(List.of("exit status 1"), r.output().subList(1, r.output().size()), "the 28.2 client's StatusError");
    }
}
