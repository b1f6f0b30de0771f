package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The image IDs, creation times and sizes docker-library/repo-info records for the images
 * awesome-compose pulls beside the base ones (images.yaml {@code published}, each at the commit
 * it names), as {@code docker images} prints them: 12-hex IDs, go-units sizes to three
 * significant digits, CreatedAt in Go's time format.
 */
class PublishedImagesTest {
    private final TestHost h = new TestHost(5);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void repoInfosIdsDatesAndSizes() {
        for (String image : List.of("python", "mysql", "caddy", "traefik", "adminer", "wordpress", "rabbitmq", "haproxy")) {
            h.ok("docker pull " + image);
        }
        assertEquals(List.of(
                "adminer c125823b3638 116MB 2026-09-25 17:48:45 +0000 UTC",
                "caddy 2d8b1708bf80 62.9MB 2026-09-17 21:58:14 +0000 UTC",
                "haproxy a42bcaa584cc 125MB 2026-08-27 20:27:33 +0000 UTC",
                "mysql d236310860c6 945MB 2026-07-27 22:08:24 +0000 UTC",
                "python 691aea61c5aa 1.12GB 2026-08-25 03:39:18 +0000 UTC",
                "rabbitmq 8b3c8a85f98a 246MB 2026-08-04 21:20:54 +0000 UTC",
                "traefik f9309349d2c1 195MB 2026-09-17 21:33:14 +0000 UTC",
                "wordpress c849c34b2e6f 762MB 2026-07-14 02:29:04 +0000 UTC"),
                h.ok("docker images --format '{{.Repository}} {{.ID}} {{.Size}} {{.CreatedAt}}'").stream().sorted().toList());
    }
}
