package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose ls} as Compose 2.26.1 prints it, found by the containers' project labels
 * (recorded with the real plugin against the reference engine: two projects, one container of
 * one of them exited, then stopped).
 */
class ComposeLsTest {
    private final TestHost h = new TestHost(19);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void up() {
        h.run("mkdir -p /cob");
        h.run("printf 'services:\\n  one:\\n    image: alpine\\n    command: sleep 3600\\n  two:\\n    image: alpine\\n"
                + "    command: \"true\"\\n' > /cob/compose.yaml");
        h.ok("docker compose -f /cob/compose.yaml up -d");
        h.ok("sleep 1");
    }

    @Test
    void listsTheRunningProjectsByTheirContainersLabels() {
        assertEquals(List.of("NAME                STATUS              CONFIG FILES"), h.ok("docker compose ls"));
        up();
        assertEquals(List.of("NAME                STATUS              CONFIG FILES",
                "cob                 running(1)          /cob/compose.yaml"), h.ok("docker compose ls"));
        assertEquals(List.of("NAME                STATUS                  CONFIG FILES",
                "cob                 exited(1), running(1)   /cob/compose.yaml"), h.ok("docker compose ls -a"));
        assertEquals(List.of("cob"), h.ok("docker compose ls -a -q"));
        assertEquals(List.of("[{\"Name\":\"cob\",\"Status\":\"exited(1), running(1)\",\"ConfigFiles\":\"/cob/compose.yaml\"}]"),
                h.ok("docker compose ls -a --format json"));
        assertEquals(List.of("NAME                STATUS              CONFIG FILES"), h.ok("docker compose ls -a --filter name=coa"));
        assertEquals(List.of("NAME                STATUS                  CONFIG FILES",
                "cob                 exited(1), running(1)   /cob/compose.yaml"), h.ok("docker compose ls -a --filter name=co"));
        h.ok("docker stop cob-one-1");
        assertEquals(List.of("NAME                STATUS              CONFIG FILES"), h.ok("docker compose ls"));
        assertEquals(List.of("NAME                STATUS              CONFIG FILES",
                "cob                 exited(2)           /cob/compose.yaml"), h.ok("docker compose ls -a"));
        h.ok("docker compose -f /cob/compose.yaml down");
        assertEquals(List.of("[]"), h.ok("docker compose ls -a --format json"));
    }

    @Test
    void refusesWhatComposeRefuses() {
        assertEquals(new CommandResult(1, List.of("invalid filter 'label'")), h.run("docker compose ls --filter label=x"));
        assertEquals(new CommandResult(16, List.of("invalid argument \"x\" for \"--filter\" flag: bad format of filter (expected name=value)")),
                h.run("docker compose ls --filter x"));
        assertEquals(new CommandResult(1, List.of("format value \"x\" could not be parsed: parsing failed")),
                h.run("docker compose ls --format x"));
        assertEquals(new CommandResult(1, List.of("unknown command \"extra\" for \"docker compose ls\"")), h.run("docker compose ls extra"));
    }
}
