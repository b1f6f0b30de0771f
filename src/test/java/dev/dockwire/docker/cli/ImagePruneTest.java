package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker image prune} as docker/cli 28.2 prints it (cli/command/image/prune.go): its warning
 * and prompt without {@code -f}; the dangling images, or with {@code -a} every image no container
 * uses, under {@code Deleted Images:} as the API's {@code untagged:}/{@code deleted:} records, an
 * empty line, then {@code Total reclaimed space:}; and {@code docker system prune}'s image report.
 */
class ImagePruneTest {
    private static String build(TestHost h, String dir, String label) {
        h.ok("mkdir -p " + dir);
        h.ok("printf 'FROM alpine\\nLABEL " + label + "=1\\nCMD [\"true\"]\\n' > " + dir + "/Dockerfile");
        return h.ok("docker build -q " + dir).get(0);
    }

    @Test
    void danglingImagesGoWithTheirIdsAndOnlyOnce() {
        try (TestHost h = new TestHost(2)) {
            String id = build(h, "/tmp/ip-a", "ipa");
            assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
            assertEquals(List.of("WARNING! This will remove all dangling images.", "Are you sure you want to continue? [y/N] "),
                    h.ok("docker image prune"), "no answer: nothing pruned");
            assertEquals(List.of("Deleted Images:", "deleted: " + id, "", "Total reclaimed space: 0B"), h.ok("docker image prune -f"));
            assertEquals(List.of("Total reclaimed space: 0B"), h.ok("docker image prune -f"));
            assertEquals(List.of(), h.ok("docker images -q --filter dangling=true"));
        }
    }

    @Test
    void allRemovesEveryNameOfEachUnusedImage() {
        try (TestHost h = new TestHost(2)) {
            h.ok("docker pull nginx");
            h.ok("docker run -d --name ip-c alpine sleep 600");
            List<String> out = h.ok("docker image prune -a -f");
            assertEquals("Deleted Images:", out.get(0));
            assertTrue(out.contains("untagged: nginx:latest"), String.join("\n", out));
            assertTrue(out.stream().anyMatch(l -> l.startsWith("untagged: nginx@sha256:")), String.join("\n", out));
            assertTrue(out.stream().anyMatch(l -> l.matches("deleted: sha256:[0-9a-f]{64}")), String.join("\n", out));
            assertFalse(out.stream().anyMatch(l -> l.contains("alpine")), "alpine is used by a container");
            assertEquals("Total reclaimed space: 0B", out.get(out.size() - 1));
            assertEquals("", out.get(out.size() - 2));
            List<String> left = h.ok("docker images --format '{{.Repository}}'");
            assertTrue(left.contains("alpine") && !left.contains("nginx"), String.join("\n", left));
        }
    }

    @Test
    void danglingFilterMeetsTheClientsOwn() {
        // moby v28.2.2 image_prune.go GetBoolOrDefault("dangling", true) over the user's value and the one
        // cli/command/image/prune.go adds (!all): false beside true conflicts; 20.10 took ExactMatch("false").
        try (TestHost h = new TestHost(2)) {
            String id = build(h, "/tmp/ip-d", "ipd");
            CommandResult r = h.run("docker image prune -f --filter dangling=false");
            assertEquals(List.of("Error response from daemon: invalid filter 'dangling=[false true]'"), r.output());
            assertEquals(1, r.status());
            assertEquals(List.of("Total reclaimed space: 0B"), h.ok("docker image prune -f --filter dangling=1 --filter label=none"));
            assertEquals(List.of("Deleted Images:", "deleted: " + id, "", "Total reclaimed space: 0B"),
                    h.ok("docker image prune -f --filter dangling=maybe"), "maybe beside true is true");
            r = h.run("docker images -f dangling=true -f dangling=false");
            assertEquals(List.of("Error response from daemon: invalid filter 'dangling=[true false]'"), r.output());
        }
    }

    @Test
    void systemPruneReportsTheDanglingImages() {
        try (TestHost h = new TestHost(2)) {
            String id = build(h, "/tmp/ip-s", "ips");
            assertEquals(List.of("Deleted Images:", "deleted: " + id, "", "Total reclaimed space: 0B"), h.ok("docker system prune -f"));
        }
    }
}
