package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker network ls --filter} as moby 28's daemon/network/filter.go applies it; the texts
 * are the 28.2 client's against the reference engine (tut-network-cli.sh).
 */
class NetworkFiltersTest {
    @Test
    void valuesOfOneKeyAreAlternativesKeysTogetherMustAllHold() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --label tut-prune --label tut-stage=dev tut-front");
            h.ok("docker network create --internal --label tut-prune tut-back");
            h.ok("docker network create tut-keep");
            h.ok("docker run -d --name c1 --network tut-keep alpine sleep 600");
            assertEquals(List.of("tut-back", "tut-front"), h.ok("docker network ls --filter name=tut-front --filter name=tut-back --format '{{.Name}}'"));
            assertEquals(List.of("tut-back", "tut-front", "tut-keep"), h.ok("docker network ls --filter driver=bridge --filter name=tut- --format '{{.Name}}'"));
            assertEquals(List.of("bridge"), h.ok("docker network ls --filter name=^b --format '{{.Name}}'"), "a regular expression");
            assertEquals(List.of("none null"), h.ok("docker network ls --filter driver=null --format '{{.Name}} {{.Driver}}'"));
            assertEquals(List.of("bridge", "host", "none"), h.ok("docker network ls --filter type=builtin --format '{{.Name}}'"));
            assertEquals(List.of("tut-front"), h.ok("docker network ls --filter label=tut-stage=dev --format '{{.Name}}'"));
            assertEquals(List.of("tut-back", "tut-front"), h.ok("docker network ls --filter label=tut-prune --format '{{.Name}}'"));
            assertEquals(List.of("tut-back", "tut-front"), h.ok("docker network ls --filter dangling=true --format '{{.Name}}'"));
            assertEquals(List.of("tut-keep"), h.ok("docker network ls --filter dangling=false --filter scope=local --filter name=tut --format '{{.Name}}'"));
            fails(h, "docker network ls --filter type=other", "Error response from daemon: invalid filter: 'type'='other'");
            fails(h, "docker network ls --filter colour=red", "Error response from daemon: invalid filter 'colour'");
            fails(h, "docker network ls --filter dangling=maybe",
                    "Error response from daemon: invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
        }
    }

    private static void fails(TestHost h, String line, String... output) {
        CommandResult r = h.run(line);
        assertEquals(1, r.status(), line);
        assertEquals(List.of(output), r.output(), line);
    }
}
