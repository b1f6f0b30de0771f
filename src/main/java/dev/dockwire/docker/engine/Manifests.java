package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dockwire.docker.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the registry serves for a catalogue image when it is pulled: the tag's manifest list digest
 * (the {@code Digest:} line, RepoDigests) and the linux/amd64 manifest's layer blobs, bottom first
 * ({@code published.*.digest} and {@code layers} in {@code images.yaml}, from docker-library's
 * repo-info remote files). An image the catalogue has no such entry for gets a stable digest of its
 * canonical name and one layer digested from its name, {@link Manifest#estimated}.
 */
public final class Manifests {
    /** A pulled image's manifest list digest and layer blob digests ({@code sha256:...}), and whether they are dockwire's estimate. */
    public record Manifest(String digest, List<String> layers, boolean estimated) {
        public Manifest {
            layers = List.copyOf(layers);
        }
    }

    private static final Map<String, Manifest> PUBLISHED = load();

    private Manifests() {
    }

    /** The manifest {@code image} (whose catalogue config is {@code config}, null when none) is pulled with. */
    public static Manifest of(String image, ImageConfig config) {
        Manifest m = config == null ? null : PUBLISHED.get(config.reference());
        if (m != null) {
            return m;
        }
        ImageService.PullNames names = ImageService.pullNames(image);
        String canonical = names == null ? image : names.canonical();
        return new Manifest("sha256:" + Images.digest("manifest:" + canonical),
                List.of("sha256:" + Images.digest("layer:" + (config == null ? canonical : config.reference()))), true);
    }

    /** The catalogue references whose manifest came from repo-info (not estimated). */
    public static java.util.Set<String> published() {
        return PUBLISHED.keySet();
    }

    /** A layer's short ID as the pull's progress names it (stringid.TruncateID: 12 hex digits). */
    public static String shortId(String layer) {
        String hex = layer.substring(layer.indexOf(':') + 1);
        return hex.substring(0, 12);
    }

    private static Map<String, Manifest> load() {
        JsonNode root;
        try (InputStream in = Manifests.class.getResourceAsStream("/dev/dockwire/docker/images.yaml")) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Manifest> out = new java.util.LinkedHashMap<>();
        root.path("published").fields().forEachRemaining(e -> {
            JsonNode digest = e.getValue().path("digest");
            if (digest.isTextual()) {
                List<String> layers = new ArrayList<>();
                e.getValue().path("layers").forEach(l -> layers.add(l.asText()));
                out.put(e.getKey(), new Manifest(digest.asText(), layers, false));
            }
        });
        return Map.copyOf(out);
    }
}
