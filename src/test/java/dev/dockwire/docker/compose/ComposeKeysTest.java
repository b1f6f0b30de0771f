package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compose keys as people write them (issue 19): each acts as Compose v2 makes it act, or fails as Compose fails. */
class ComposeKeysTest {
    private final TestHost h = new TestHost(19);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void file(String yaml) {
        h.run("mkdir -p /app");
        h.run("printf '" + yaml.replace("\n", "\\n") + "' > /app/compose.yaml");
    }

    @Test
    void anEmptyNetworksListJoinsTheDefaultNetwork() {
        file("services:\n  web:\n    image: nginx\n    networks: []\n  client:\n    image: nicolaka/netshoot\n    command: [sleep, infinity]\n");
        h.ok("docker compose -f /app/compose.yaml up -d");
        assertTrue(h.ok("docker network ls --format '{{.Name}}'").contains("app_default"));
        assertEquals(0, h.run("docker exec app-client-1 ping -c 1 web").status());
    }

    @Test
    void anOverLongBridgeNameIsTheDaemonsErrorAndLeavesNothing() {
        // Recorded on the reference engine: libnetwork's bridgeInterfaceExists gets the kernel's ERANGE.
        CommandResult create = h.run("docker network create -o com.docker.network.bridge.name=averyveryverylongbridge longbr");
        assertEquals(new CommandResult(1, List.of("Error response from daemon: failed to check bridge interface existence:"
                + " numerical result out of range")), create);
        file("services:\n  web:\n    image: nginx\n    networks: [back]\nnetworks:\n  back:\n    driver_opts:\n"
                + "      com.docker.network.bridge.name: averyveryverylongbridge\n");
        CommandResult up = h.run("docker compose -f /app/compose.yaml up -d");
        assertEquals(1, up.status());
        // as Compose 2.26 on a terminal (recorded: tty.go's numDone counts a failed event as done)
        assertEquals(List.of("[+] Running 1/1", " ✘ Network app_back  Error", "failed to create network app_back: Error response from"
                + " daemon: failed to check bridge interface existence: numerical result out of range"), up.output());
        assertEquals(List.of("bridge", "host", "none"), h.ok("docker network ls --format '{{.Name}}'"));
        assertEquals(List.of(), h.ok("docker ps -aq"));
    }

    @Test
    void aProfiledServiceStartsOnlyWhenItsProfileIsActive() {
        file("services:\n  web:\n    image: nginx\n  debug:\n    image: nicolaka/netshoot\n    command: [sleep, infinity]\n"
                + "    profiles: [tools]\n    ports: [\"9000:9000\"]\n");
        assertEquals(List.of("[+] Running 2/2", " ✔ Network app_default  Created", " ✔ Container app-web-1  Started"),
                h.ok("docker compose -f /app/compose.yaml up -d"));
        assertEquals(List.of("app-web-1"), h.ok("docker ps --format '{{.Names}}'"));
        assertTrue(h.ok("docker compose -f /app/compose.yaml config").stream().noneMatch(l -> l.contains("debug")));
        h.ok("docker compose -f /app/compose.yaml --profile tools up -d");
        assertEquals(List.of("app-debug-1", "app-web-1"), h.ok("docker ps --format '{{.Names}}'").stream().sorted().toList());
        h.ok("docker rm -f app-debug-1");
        h.ok("export COMPOSE_PROFILES=tools");
        h.ok("docker compose -f /app/compose.yaml up -d");
        assertTrue(h.ok("docker ps --format '{{.Names}}'").contains("app-debug-1"), "COMPOSE_PROFILES activates it too");
    }

    @Test
    void aDependencyOnAServiceOutsideTheActiveProfilesIsAnUndefinedService() {
        file("services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres\n    profiles: [debug]\n");
        CommandResult up = h.run("docker compose -f /app/compose.yaml up -d");
        assertEquals(15, up.status());
        assertEquals("/app/compose.yaml:4: services.web.depends_on.db: service \"web\" depends on undefined service \"db\"; services: [web]",
                up.output().get(up.output().size() - 1));
    }

    @Test
    void twoServicesWithOneContainerNameMeetTheDaemonsConflict() {
        file("services:\n  web:\n    image: nginx\n    container_name: same\n  db:\n    image: postgres\n    container_name: same\n");
        CommandResult up = h.run("docker compose -f /app/compose.yaml up -d");
        assertEquals(1, up.status());
        String last = up.output().get(up.output().size() - 1);
        assertTrue(last.matches("Error response from daemon: Conflict\\. The container name \"/same\" is already in use by container"
                + " \"[0-9a-f]{64}\"\\. You have to remove \\(or rename\\) that container to be able to reuse that name\\."), last);
    }

    @Test
    void theDotEnvFileNamesTheProject() {
        file("services:\n  web:\n    image: nginx\n");
        h.run("printf 'COMPOSE_PROJECT_NAME=fromenv\\n' > /app/.env");
        assertEquals("name: fromenv", h.ok("docker compose -f /app/compose.yaml config").get(0));
        h.ok("docker compose -f /app/compose.yaml up -d");
        assertEquals(List.of("fromenv-web-1"), h.ok("docker ps --format '{{.Names}}'"));
        assertEquals("name: cli", h.ok("docker compose -f /app/compose.yaml -p cli config").get(0));
    }

    @Test
    void hostGatewayInExtraHostsIsTheDefaultBridgesAddress() {
        file("services:\n  web:\n    image: nicolaka/netshoot\n    command: [sleep, infinity]\n"
                + "    extra_hosts: [\"host.docker.internal:host-gateway\"]\n");
        h.ok("docker compose -f /app/compose.yaml up -d");
        String gw = h.world.host().engine().network("bridge").gateway().toString();
        assertTrue(h.ok("docker exec app-web-1 cat /etc/hosts").contains(gw + "\thost.docker.internal"));
        assertEquals(List.of("[host.docker.internal:host-gateway]"), h.ok("docker inspect -f '{{.HostConfig.ExtraHosts}}' app-web-1"));
        assertEquals(0, h.run("docker exec app-web-1 ping -c 1 host.docker.internal").status());
    }

    @Test
    void extendsInheritsPortsNetworksAndEnvironmentFromTheFileAndAnother() throws java.io.IOException {
        // compose-extends/config.out: Debian's docker-compose 2.26.1 `-p ext config` in that directory, written as /ext.
        java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/dev/dockwire/compose-extends").toAbsolutePath();
        List<String> golden = java.nio.file.Files.readAllLines(dir.resolve("config.out"));
        List<String> printed = h.ok("docker compose -f " + dir.resolve("compose.yaml") + " -p ext config").stream()
                .map(l -> l.replace(dir.toString(), "/ext")).toList();
        assertEquals(String.join("\n", golden), String.join("\n", printed));
        h.ok("docker compose -f " + dir.resolve("compose.yaml") + " -p ext up -d");
        assertEquals(List.of("0.0.0.0:9090"), h.ok("docker compose -f " + dir.resolve("compose.yaml") + " -p ext port web 90"));
        assertTrue(h.ok("docker port ext-web-1 80/tcp").get(0).startsWith("0.0.0.0:"), "the base's port is inherited");
        assertEquals(0, h.run("docker run --rm --network ext_back busybox ping -c 1 web").status());
        assertEquals(0, h.run("docker run --rm --network ext_front busybox ping -c 1 api").status());
    }
}
