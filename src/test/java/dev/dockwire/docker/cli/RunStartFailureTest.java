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
 * A {@code docker run} whose start fails, as the docker 28.2 client and the reference engine do it
 * (cli/command/container/run.go: create, print the id when detached, start): the id first, the
 * daemon's error, status 125, and the container left {@code Created} with nothing of its sandbox
 * on the host; with {@code --rm} the daemon removes it.
 */
class RunStartFailureTest {
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
    void aPortAlreadyAllocatedLeavesTheContainerCreatedAndNoVeth() {
        ok("docker run -d --name web1 -p 18080:80 busybox sleep 1000");
        List<String> linksBefore = ok("ip -o link show");
        CommandResult r = h.run("docker run -d --name web2 -p 18080:80 busybox sleep 1000");
        assertEquals(125, r.status());
        assertEquals(4, r.output().size(), String.join("\n", r.output()));
        String id = r.output().get(0);
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertTrue(r.output().get(1).matches("docker: Error response from daemon: failed to set up container networking: driver failed"
                + " programming external connectivity on endpoint web2 \\([0-9a-f]{64}\\): Bind for 0.0.0.0:18080 failed: port is already allocated"),
                r.output().get(1));
        assertEquals(List.of("", "Run 'docker run --help' for more information"), r.output().subList(2, 4));
        assertEquals(List.of("web2 Created"), ok("docker ps -a --filter name=web2 --format '{{.Names}} {{.Status}}'"));
        assertEquals(linksBefore, ok("ip -o link show"), "no veth of web2 left on the host or the bridge");
        ok("docker stop web1");
        ok("docker start web2");
        assertEquals(List.of("web2 0.0.0.0:18080->80/tcp, [::]:18080->80/tcp"), ok("docker ps --filter name=web2 --format '{{.Names}} {{.Ports}}'"));
        assertEquals(id, ok("docker inspect -f '{{.Id}}' web2").get(0));
    }

    @Test
    void attachedRunPrintsNoIdAndRmRemovesTheContainer() {
        ok("docker run -d --name web1 -p 18080:80 busybox sleep 1000");
        CommandResult r = h.run("docker run --name web3 -p 18080:80 busybox true");
        assertEquals(125, r.status());
        assertTrue(r.output().get(0).startsWith("docker: Error response from daemon: "), r.output().get(0));
        assertEquals(List.of("web3 Created"), ok("docker ps -a --filter name=web3 --format '{{.Names}} {{.Status}}'"));
        r = h.run("docker run -d --rm --name web4 -p 18080:80 busybox sleep 1000");
        assertEquals(125, r.status());
        assertEquals(List.of(), ok("docker ps -a --filter name=web4 --format '{{.Names}}'"));
    }

    @Test
    void aCreatedContainerDoesNotKeepItsNetworkAndItsStartThenFails() {
        ok("docker network create n1");
        ok("docker create --name idle --network n1 busybox sleep 1000");
        assertEquals(List.of("Deleted Networks:", "n1", ""), ok("docker network prune -f"));
        CommandResult r = h.run("docker start idle");
        assertEquals(1, r.status());
        assertEquals(List.of("Error response from daemon: failed to set up container networking: network n1 not found",
                "Error: failed to start containers: idle"), r.output());
    }

    @Test
    void theNewestBridgesSkipDnatRuleComesFirst() {
        ok("docker network create n1");
        ok("docker network create n2");
        List<String> nat = ok("iptables -t nat -S DOCKER");
        assertEquals(List.of("-N DOCKER", "-A DOCKER -i " + bridge("n2") + " -j RETURN", "-A DOCKER -i " + bridge("n1") + " -j RETURN",
                "-A DOCKER -i docker0 -j RETURN"), nat, "setup_ip_tables: Rule.Insert, newest first");
    }

    private String bridge(String network) {
        return "br-" + ok("docker network inspect -f '{{.Id}}' " + network).get(0).substring(0, 12);
    }
}
