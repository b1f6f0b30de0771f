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
        assertEquals(List.of("[+] Running 0/1", " ✘ Network app_back  Error", "failed to create network app_back: Error response from"
                + " daemon: failed to check bridge interface existence: numerical result out of range"), up.output());
        assertEquals(List.of("bridge", "host", "none"), h.ok("docker network ls --format '{{.Name}}'"));
        assertEquals(List.of(), h.ok("docker ps -aq"));
    }
}
