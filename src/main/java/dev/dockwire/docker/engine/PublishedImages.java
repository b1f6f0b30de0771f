package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dockwire.docker.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Docker Hub publishes of a catalogue image beyond its config: the image ID (the config's
 * digest), its creation time and its size on disk, as docker-library/repo-info records them
 * ({@code published} in {@code images.yaml}, which names the file and commit each comes from).
 */
public final class PublishedImages {
    /** An image as moby's image store holds it (api/types/image.Summary's Id, Created, Size). */
    public record Published(String id, Instant created, long size) {
    }

    /** The tag each published entry describes ({@code 3.24.2} for alpine), by catalogue reference. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();
    private static final Map<String, Published> PUBLISHED = load();

    private PublishedImages() {
    }

    /**
     * What the daemon has for {@code image} once pulled: the catalogue's published entry for the
     * image the name resolves to; otherwise an image with dockwire's own digest of its familiar
     * name as ID, no creation date and no layers.
     */
    public static Published of(String image, ImageConfig config) {
        Published p = config == null ? null : PUBLISHED.get(config.reference());
        return p != null ? p : new Published("sha256:" + Images.digest("image:" + ImageService.familiar(image)), null, 0);
    }

    /** The catalogue reference whose published image has ID {@code id}, or null. */
    public static String referenceOf(String id) {
        return PUBLISHED.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The version the catalogue's published entry for {@code reference} describes, or null. */
    public static String tag(String reference) {
        return TAGS.get(reference);
    }

    private static Map<String, Published> load() {
        JsonNode root;
        try (InputStream in = PublishedImages.class.getResourceAsStream("/dev/dockwire/docker/images.yaml")) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Published> out = new LinkedHashMap<>();
        root.path("published").fields().forEachRemaining(e -> TAGS.put(e.getKey(), e.getValue().path("tag").asText()));
        root.path("published").fields().forEachRemaining(e -> out.put(e.getKey(), new Published(e.getValue().path("id").asText(),
                Instant.parse(e.getValue().path("created").asText()), e.getValue().path("size").asLong())));
        return Map.copyOf(out);
    }
}
