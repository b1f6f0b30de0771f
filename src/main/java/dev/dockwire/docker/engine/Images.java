package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.PortSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images dockwire knows, as Docker Hub publishes them: the catalogue in {@code images.yaml}
 * (each image's config as {@code docker image inspect} shows it, and the programs on its PATH),
 * read once. A reference resolves as the daemon would name it (distribution/reference's
 * ParseNormalizedNamed): {@code nginx} is {@code docker.io/library/nginx:latest}, a tag names a
 * variant when it carries one ({@code nginx:1.27-alpine} is {@code nginx:alpine}), and a digest
 * pins the image its repository publishes.
 */
public final class Images {
    private static final String RESOURCE = "/dev/dockwire/docker/images.yaml";
    private static final Map<String, ImageConfig> CATALOGUE = load();

    private Images() {
    }

    /** The image's config as Docker Hub publishes it, or null for an image dockwire does not know. */
    public static ImageConfig config(String image) {
        Reference ref = Reference.parse(image);
        if (ref == null || !ref.domain().equals(Reference.DOCKER_HUB)) {
            return null;
        }
        ImageConfig exact = CATALOGUE.get(ref.path() + ":" + ref.tagOrLatest());
        if (exact != null) {
            return exact;
        }
        // Variant tags name their base after the version: 1.27-alpine, 1-alpine3.24, mainline-alpine-slim;
        // a major version with an entry of its own (mariadb:10, before the mysql names went) is one too.
        for (String part : ref.tagOrLatest().split("-")) {
            ImageConfig v = CATALOGUE.get(ref.path() + ":" + part.replaceAll("[0-9.]+$", ""));
            if (v == null && part.matches("[0-9]+(\\.[0-9.]*)?")) {
                v = CATALOGUE.get(ref.path() + ":" + part.split("\\.")[0]);
            }
            if (v != null) {
                return v;
            }
        }
        return CATALOGUE.get(ref.path());
    }

    /** The names the catalogue holds ({@code nginx}, {@code nginx:alpine}, {@code traefik/whoami}, ...). */
    public static Set<String> names() {
        return CATALOGUE.keySet();
    }

    /** The image name without registry, tag or digest: {@code docker.io/library/nginx:1.27} → {@code nginx}. */
    static String baseName(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            s = s.substring(0, colon);
        }
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** EXPOSEd ports of {@code image}; a declared image exposes the port it serves. */
    static List<PortSpec> exposed(String image, ImageDaemons.Declared declared) {
        if (declared != null) {
            return PortSpec.exposed(declared.port() + "/tcp");
        }
        ImageConfig c = config(image);
        List<PortSpec> out = new ArrayList<>();
        for (String p : c == null ? List.<String>of() : c.exposedPorts()) {
            out.addAll(PortSpec.exposed(p));
        }
        return out;
    }

    /** The image's default command line (ENTRYPOINT + CMD); empty for an image dockwire does not know. */
    public static List<String> defaultCmd(String image) {
        ImageConfig c = config(image);
        return c == null ? List.of() : c.argv(List.of());
    }

    /**
     * The command line a container of {@code image} runs: the image's ENTRYPOINT followed by
     * {@code cmd}, or by its CMD when {@code cmd} is empty; {@code cmd} alone for an image not in
     * the catalogue.
     */
    public static List<String> argv(String image, List<String> cmd) {
        ImageConfig c = config(image);
        return c == null ? cmd : c.argv(cmd);
    }

    /** A made-up but stable image id: sha256 of the name. */
    public static String digest(String image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, ImageConfig> load() {
        JsonNode root;
        try (InputStream in = Images.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> sets = new LinkedHashMap<>();
        root.path("programSets").fields().forEachRemaining(e -> sets.put(e.getKey(), strings(e.getValue())));
        Map<String, ImageConfig> out = new LinkedHashMap<>();
        root.path("images").fields().forEachRemaining(e -> out.put(e.getKey(), image(e.getKey(), e.getValue(), sets)));
        return Map.copyOf(out);
    }

    private static ImageConfig image(String name, JsonNode n, Map<String, List<String>> sets) {
        return new ImageConfig(name, strings(n.path("entrypoint")), strings(n.path("cmd")), strings(n.path("env")),
                n.path("workingDir").asText(""), n.path("user").asText(""), strings(n.path("exposedPorts")),
                n.path("stopSignal").asText("SIGTERM"), null, programs(strings(n.path("programs")), sets));
    }

    /** The program list with each {@code @set} replaced by that set (sets may name sets). */
    private static Set<String> programs(List<String> names, Map<String, List<String>> sets) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : names) {
            if (p.startsWith("@")) {
                List<String> set = sets.get(p.substring(1));
                if (set == null) {
                    throw new IllegalStateException(RESOURCE + ": unknown program set " + p);
                }
                out.addAll(programs(set, sets));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
