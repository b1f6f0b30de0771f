package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code {{.RootFS.Layers}}}: a diff ID per layer, as the 28.2 client prints image.RootFS's slice
 * ({@code [sha256:... sha256:...]}; the reference engine's {@code {{json .RootFS}}} is
 * {@code {"Type":"layers","Layers":["sha256:..."]}}): a pulled image's one per layer its pull
 * lists, stable per image; a built or committed image's its base's then its own.
 */
class ImageLayersTest {
    private static List<String> layers(TestHost h, String image) {
        String out = h.ok("docker image inspect -f '{{.RootFS.Layers}}' " + image).get(0);
        assertTrue(out.matches("\\[sha256:[0-9a-f]{64}( sha256:[0-9a-f]{64})*]"), out);
        return List.of(out.substring(1, out.length() - 1).split(" "));
    }

    @Test
    void onePerPulledLayerStableAndTheBasesFirst() {
        List<String> alpine;
        try (TestHost h = new TestHost(1)) {
            h.ok("docker pull alpine");
            h.ok("docker pull nginx");
            long pulled = h.ok("docker pull nginx:latest").size(); // up to date: no layer lines
            assertTrue(pulled > 0);
            alpine = layers(h, "alpine");
            assertEquals(1, alpine.size());
            assertEquals(7, layers(h, "nginx").size(), "nginx's pull lists seven layers");
            assertNotEquals(alpine.get(0), layers(h, "nginx").get(0));
            h.ok("mkdir -p /tmp/il");
            h.ok("printf 'FROM alpine\\nRUN touch /x\\nCMD [\"true\"]\\n' > /tmp/il/Dockerfile");
            h.ok("docker build -q -t il:1 /tmp/il");
            List<String> built = layers(h, "il:1");
            assertEquals(alpine, built.subList(0, 1), "the base's layers first");
            assertEquals(2, built.size(), "RUN made one; CMD none");
            h.ok("docker run --name il-c il:1 sh -c 'echo x > /y'"); // a commit of no change makes no layer (image.NewChildImage)
            h.ok("docker commit il-c il:2");
            List<String> committed = layers(h, "il:2");
            assertEquals(built, committed.subList(0, 2));
            assertEquals(3, committed.size());
            assertEquals(List.of("{\"Type\":\"layers\",\"Layers\":[\"" + alpine.get(0) + "\"]}"),
                    h.ok("docker image inspect -f '{{json .RootFS}}' alpine"));
        }
        try (TestHost h = new TestHost(2)) {
            h.ok("docker pull alpine");
            assertEquals(alpine, layers(h, "alpine"), "stable per image");
        }
    }
}
