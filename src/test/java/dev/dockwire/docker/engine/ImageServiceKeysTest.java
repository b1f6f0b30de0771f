package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ImageService's names: an image ID told from a name as the pattern it replaced told it, and each name's key whatever came before. */
class ImageServiceKeysTest {

    /** The pattern ImageService matched every image name against before it scanned in place. */
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{1,64}");

    @Test
    void anImageIdIsWhatThePatternMatched() {
        String hex64 = "0123456789abcdef".repeat(4);
        for (String s : List.of("", "a", "f00d", "alpine", "c0", "sha256:", "sha256:a", "sha256:" + hex64, "sha256:" + hex64 + "0",
                hex64, hex64 + "0", "ABCDEF", "abc:", "sha256:xyz", "sha512:abc", "abc g", "nginx:latest", "sha256sha256")) {
            assertEquals(IMAGE_ID.matcher(s).matches(), ImageService.imageId(s), s);
        }
    }

    @Test
    void theKeyOfEachNameWhateverWasAskedBefore() {
        assertEquals("nginx:latest", ImageService.familiar("docker.io/library/nginx"));
        assertEquals("alpine:3.20", ImageService.familiar("alpine:3.20"));
        assertEquals("alpine:3.20", ImageService.familiar("alpine:3.20"));
        assertEquals("alpine:latest", ImageService.familiar("alpine"));
        assertEquals("nginx:latest", ImageService.familiar("nginx"));
        assertEquals("Not/A/Reference", ImageService.familiar("Not/A/Reference"));
        assertEquals("nginx:latest", ImageService.familiar("nginx"));
    }
}
