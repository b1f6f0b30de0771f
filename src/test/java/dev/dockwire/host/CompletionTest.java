package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab's candidates, as docker's bash completion offers them. */
class CompletionTest {
    private final TestHost h = new TestHost(1);
    private Completion c;

    @BeforeEach
    void setUp() {
        h.ok("docker network create appnet");
        h.ok("docker run -d --name web --network appnet nginx");
        h.ok("docker run -d --name worker alpine sleep 3600");
        h.ok("docker create --name idle alpine");
        c = new Completion(h.world.host());
    }

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> complete(String before, String current) {
        return c.complete(before.isEmpty() ? List.of() : List.of(before.split(" ")), current);
    }

    @Test
    void commandsAtTheStartOfALine() {
        assertEquals(List.of("docker", "dockwire"), complete("", "doc"));
        assertEquals(List.of("docker"), complete("", "docke"));
        assertTrue(complete("", "ip").containsAll(List.of("ip", "iperf3", "iptables")));
        assertEquals(List.of("tcpdump"), complete("sudo", "tcp"));
    }

    @Test
    void dockerCommandsSubCommandsAndFlags() {
        assertEquals(List.of("network"), complete("docker", "netw"));
        assertTrue(complete("docker", "").containsAll(List.of("run", "exec", "ps", "compose", "service")));
        assertEquals(List.of("connect", "create"), complete("docker network", "c"));
        assertEquals(List.of("--name", "--network", "--network-alias"), complete("docker run", "--n").stream()
                .filter(f -> !f.startsWith("--no")).toList());
        assertTrue(complete("docker exec", "-").containsAll(List.of("-i", "-t", "--interactive", "--tty")));
    }

    @Test
    void containersWhereDockerExpectsThem() {
        assertEquals(List.of("web", "worker"), complete("docker exec -it", "w"));
        assertEquals(List.of("web", "worker"), complete("docker stop", "w"));
        assertEquals(List.of("idle"), complete("docker start", "i"));
        assertEquals(List.of("idle"), complete("docker rm", "i"));
        assertEquals(List.of("web"), complete("docker logs", "we"));
        assertEquals(List.of("web"), complete("docker container inspect", "we"));
        assertEquals(List.of(), complete("docker exec web", "w"), "after the container comes its command");
        String id = h.ok("docker inspect -f '{{.Id}}' web").get(0).substring(0, 12);
        assertEquals(List.of(id), complete("docker kill", id.substring(0, 4)));
    }

    @Test
    void networksImagesAndServices() {
        assertEquals(List.of("appnet"), complete("docker network rm", "a"));
        assertEquals(List.of("appnet"), complete("docker run --network", "a"));
        assertEquals(List.of("appnet"), complete("docker network connect", "a"));
        assertEquals(List.of("web", "worker"), complete("docker network connect appnet", "w"));
        assertTrue(complete("docker run -d --name x1", "ngi").contains("nginx"));
        assertTrue(complete("docker run", "alp").contains("alpine"));
        h.ok("docker swarm init");
        h.ok("docker service create --name api --replicas 1 nginx");
        assertEquals(List.of("api"), complete("docker service ps", "a"));
        assertEquals(List.of("down", "exec"), complete("docker compose", "").stream().filter(s -> s.startsWith("d") || s.startsWith("e")).toList());
    }

    @Test
    void insideAContainersShellItsImagesCommands() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        Completion inside = new Completion(h.world.host(), t);
        assertTrue(inside.complete(List.of(), "do").contains("docker"));
        t.run("docker exec -it worker sh");
        assertEquals(List.of("nslookup"), inside.complete(List.of(), "nsl"));
        assertEquals(List.of(), inside.complete(List.of(), "dock"), "no docker inside alpine");
        assertTrue(inside.complete(List.of(), "ap").contains("apk"));
    }

    @Test
    void imagesAndContainersForTheImageCommands() {
        h.ok("docker commit worker snap:v1");
        assertEquals(List.of("snap:v1"), complete("docker history", "sn"));
        assertEquals(List.of("snap:v1"), complete("docker image save", "sn"));
        assertEquals(List.of("snap:v1"), complete("docker run", "sn"), "a committed image runs");
        assertEquals(List.of("web", "worker"), complete("docker commit", "w"));
        assertEquals(List.of("idle"), complete("docker export", "i"));
    }

    @Test
    void filePathsOnTheHostsDisk(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve(".hidden"), "");
        h.ok("cd " + dir);
        assertEquals(List.of("compose.yaml", "conf.d/"), complete("cat", "co"));
        assertEquals(List.of("compose.yaml"), complete("docker compose -f", "com"));
        assertEquals(List.of("down"), complete("docker compose -f compose.yaml", "do"));
        assertEquals(List.of(".hidden"), complete("cat", ".h"));
        assertEquals(List.of(dir + "/conf.d/"), complete("ls", dir + "/con"));
    }
}
