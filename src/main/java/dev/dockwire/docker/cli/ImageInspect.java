package dev.dockwire.docker.cli;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.engine.ImageService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker image inspect} / {@code docker inspect IMAGE}: the image as moby 28's
 * api/types/image.InspectResponse carries it, fields in its order (Id, RepoTags, RepoDigests,
 * Parent, Comment, Created, DockerVersion, Author, Config, Architecture, Os, Size, GraphDriver,
 * RootFS, Metadata; Container, ContainerConfig and VirtualSize dropped from API 1.45 and 1.44 on).
 * Two views, as the 28.2 client sees them: the daemon's JSON, whose Config is
 * api/server/router/image/inspect_response.go's map (Go sorts its keys; Cmd, Entrypoint, Env,
 * Labels, OnBuild, User, Volumes and WorkingDir always present for API 1.50), printed as it
 * comes; and for {@code --format} the client's decoded struct, whose Config is
 * docker-image-spec's DockerOCIImageConfig (ocispec.ImageConfig's order, every field omitempty).
 * dockwire's images have no layers: GraphDriver.Data is null and RootFS lists none.
 */
final class ImageInspect {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private ImageInspect() {
    }

    /** The daemon's JSON of {@code image}. */
    static Map<String, Object> raw(ImageService images, ImageService.Stored image) {
        Instant tagged = images.lastTagged(image.image().id());
        return response(images, image, legacyConfig(images.config(image.name()), images.labels(image.name())),
                tagged == null ? ZERO_TIME : rfc3339Nano(tagged));
    }

    /** The client's decoded view of {@code image}, which {@code --format} templates read. */
    static Map<String, Object> typed(ImageService images, ImageService.Stored image) {
        Instant tagged = images.lastTagged(image.image().id());
        return response(images, image, ociConfig(images.config(image.name()), images.labels(image.name())),
                goString(tagged == null ? Instant.parse(ZERO_TIME) : tagged));
    }

    private static Map<String, Object> response(ImageService images, ImageService.Stored image, Map<String, Object> config,
                                                String lastTagTime) {
        String id = image.image().id();
        List<String> tags = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (ImageService.Stored s : images.stored()) {
            if (s.image().id().equals(id)) {
                tags.add(s.name());
                String digest = images.repoDigest(s.name());
                if (digest != null && !digests.contains(digest)) {
                    digests.add(digest);
                }
            }
        }
        tags.sort(null); // reference.Store.References: lexical order
        digests.sort(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", id);
        m.put("RepoTags", tags);
        m.put("RepoDigests", digests);
        String parent = images.parent(id);
        m.put("Parent", parent == null ? "" : parent); // image.Store's parent: a commit's image, a legacy build step's
        m.put("Comment", "");
        if (image.image().created() != null) {
            m.put("Created", rfc3339Nano(image.image().created()));
        }
        m.put("DockerVersion", "");
        m.put("Author", "");
        m.put("Config", config);
        m.put("Architecture", "amd64");
        m.put("Os", "linux");
        m.put("Size", image.image().size());
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("Data", null);
        driver.put("Name", "overlay2");
        m.put("GraphDriver", driver);
        Map<String, Object> rootFs = InspectTypes.rootFs();
        rootFs.put("Type", "layers");
        rootFs.put("Layers", ImageLayers.diffIds(images, image));
        m.put("RootFS", rootFs);
        m.put("Metadata", Map.of("LastTagTime", lastTagTime));
        return m;
    }

    /** Go's time.RFC3339Nano of a UTC time: the fraction's trailing zeros dropped ({@code 2026-09-17T20:37:20.889221879Z}). */
    static String rfc3339Nano(Instant t) {
        return SECONDS.format(t) + fraction(t) + "Z";
    }

    /** Go's time.Time.String() of a UTC time, as a template prints Metadata.LastTagTime. */
    static String goString(Instant t) {
        return SECONDS.format(t).replace('T', ' ') + fraction(t) + " +0000 UTC";
    }

    private static String fraction(Instant t) {
        String nanos = String.format("%09d", t.getNano()).replaceFirst("0+$", "");
        return nanos.isEmpty() ? "" : "." + nanos;
    }

    /** inspect_response.go's Config for API 1.50: the legacy fields over the OCI config's non-empty ones, keys sorted. */
    private static Map<String, Object> legacyConfig(ImageConfig c, Map<String, String> labels) {
        Map<String, Object> m = new TreeMap<>();
        m.put("Cmd", null);
        m.put("Entrypoint", null);
        m.put("Env", null);
        m.put("Labels", null);
        m.put("OnBuild", null);
        m.put("User", "");
        m.put("Volumes", null);
        m.put("WorkingDir", "");
        m.putAll(ociConfig(c, labels));
        return m;
    }

    /** DockerOCIImageConfig's fields at their Go zero values: what the client's struct reads when the JSON omits them. */
    private static final Map<String, Object> OCI_ZEROS = Map.ofEntries(Map.entry("User", ""), Map.entry("WorkingDir", ""),
            Map.entry("StopSignal", ""), Map.entry("ArgsEscaped", false), Map.entry("Healthcheck", GoTemplate.NIL_POINTER),
            Map.entry("ExposedPorts", GoTemplate.NIL_MAP), Map.entry("Env", GoTemplate.NIL_SLICE), Map.entry("Entrypoint", GoTemplate.NIL_SLICE),
            Map.entry("Cmd", GoTemplate.NIL_SLICE), Map.entry("Volumes", GoTemplate.NIL_MAP), Map.entry("Labels", GoTemplate.NIL_MAP),
            Map.entry("OnBuild", GoTemplate.NIL_SLICE), Map.entry("Shell", GoTemplate.NIL_SLICE));

    /**
     * docker-image-spec's DockerOCIImageConfig: ocispec.ImageConfig's fields in order, then Healthcheck, each left out when
     * empty, and read at its zero value in a template ({@link GoStruct}).
     */
    private static Map<String, Object> ociConfig(ImageConfig c, Map<String, String> labels) {
        Map<String, Object> m = new GoStruct(OCI_ZEROS);
        if (c == null) {
            return m;
        }
        if (!c.user().isEmpty()) {
            m.put("User", c.user());
        }
        if (!c.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new TreeMap<>();
            c.exposedPorts().forEach(p -> ports.put(p, Map.of()));
            m.put("ExposedPorts", ports);
        }
        if (!c.env().isEmpty()) {
            m.put("Env", new ArrayList<>(c.env()));
        }
        if (!c.entrypoint().isEmpty()) {
            m.put("Entrypoint", new ArrayList<>(c.entrypoint()));
        }
        if (!c.cmd().isEmpty()) {
            m.put("Cmd", new ArrayList<>(c.cmd()));
        }
        if (!c.workingDir().isEmpty()) {
            m.put("WorkingDir", c.workingDir());
        }
        if (!labels.isEmpty()) {
            m.put("Labels", new TreeMap<>(labels));
        }
        if (!c.stopSignal().equals("SIGTERM")) { // the catalogue's default: an image that sets none
            m.put("StopSignal", c.stopSignal());
        }
        if (c.healthcheck() != null) { // DockerOCIImageConfigExt's fields follow ocispec's
            m.put("Healthcheck", Inspect.healthConfig(c.healthcheck()));
        }
        return m;
    }
}
