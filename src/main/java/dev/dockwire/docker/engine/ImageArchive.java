package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.TarFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The daemon's image archives: {@code docker save} in the layout moby 28 writes
 * (image/tarexport/save.go: an OCI image layout — {@code blobs/sha256/} with each image's config,
 * layers and manifest, {@code index.json}, {@code oci-layout} — plus the docker-archive
 * {@code manifest.json} and {@code repositories}; entries in the order go-archive's walk of the
 * directory gives), {@code docker load} of such an archive (tarexport/load.go: {@code Loaded image:
 * NAME:TAG}, {@code Loaded image ID: ...} for one saved by ID), {@code docker export} of a
 * container's root file system (daemon/export.go) and {@code docker import} of a tar as an image
 * of one layer (daemon/images/image_import.go). The layers hold the files dockwire keeps (the
 * root file system's directories, what builds, commits and the images' programs wrote): a
 * catalogue image's layer is far smaller than its published size. A config blob is named by the
 * image's ID, as on Docker, though dockwire's IDs are not the digests of the JSON it writes.
 */
public final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** archive/whiteouts.go WhiteoutPrefix; {@code .wh..wh.} begins the metadata names (the opaque directory marker). */
    private static final String WHITEOUT = ".wh.";

    /** An error the daemon sends inside its JSON message stream ({@code load}): the client prints it as it is. */
    public static final class StreamError extends RuntimeException {
        public StreamError(String message) {
            super(message);
        }
    }
    private final Engine engine;

    public ImageArchive(Engine engine) {
        this.engine = engine;
    }

    // ---- save ---------------------------------------------------------------------------

    /** The archive of the images {@code refs} name (at {@code mtime}, seconds), or the daemon's {@code No such image}. */
    public byte[] save(List<String> refs, long mtime) {
        ImageService images = engine.images();
        Map<String, byte[]> blobs = new TreeMap<>();
        ArrayNode manifests = JSON.createArrayNode();
        ArrayNode index = JSON.createArrayNode();
        ObjectNode repositories = JSON.createObjectNode();
        List<ImageService.Stored> found = new ArrayList<>();
        for (String ref : refs) {
            ImageService.Stored s = images.find(ref);
            if (s == null) {
                // tarexport's parseNames: a name alone is searched as an ID (image.Store Search), a tagged one in the references.
                Reference r = Reference.parse(ref);
                throw new EngineException(r != null && r.tag() != null ? "reference does not exist" : "No such image: " + ref);
            }
            found.add(s);
        }
        for (int i = 0; i < found.size(); i++) {
            ImageService.Stored s = found.get(i);
            boolean byName = !refs.get(i).matches("(sha256:)?[0-9a-f]{1,64}") || !s.image().id().contains(refs.get(i));
            String id = s.image().id();
            List<byte[]> layers = layers(s.name(), mtime);
            List<String> diffIds = new ArrayList<>();
            ArrayNode layerPaths = JSON.createArrayNode();
            ArrayNode layerDescriptors = JSON.createArrayNode();
            for (byte[] layer : layers) {
                String digest = sha256(layer);
                blobs.put(digest, layer);
                diffIds.add("sha256:" + digest);
                layerPaths.add("blobs/sha256/" + digest);
                layerDescriptors.add(descriptor("application/vnd.oci.image.layer.v1.tar", digest, layer.length));
            }
            byte[] config = bytes(config(s.name(), diffIds));
            blobs.put(hex(id), config);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", hex(id), config.length));
            manifest.set("layers", layerDescriptors);
            byte[] manifestBytes = bytes(manifest);
            String manifestDigest = sha256(manifestBytes);
            blobs.put(manifestDigest, manifestBytes);
            ObjectNode entry = JSON.createObjectNode();
            entry.put("Config", "blobs/sha256/" + hex(id));
            ArrayNode tags = entry.putArray("RepoTags");
            ObjectNode described = descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifestBytes.length);
            if (byName && !s.tag().equals("<none>")) {
                tags.add(s.name());
                ObjectNode annotations = described.putObject("annotations");
                annotations.put("io.containerd.image.name", ImageService.pullNames(s.name()).canonical());
                annotations.put("org.opencontainers.image.ref.name", s.tag());
                ObjectNode repo = repositories.has(s.repository()) ? (ObjectNode) repositories.get(s.repository())
                        : repositories.putObject(s.repository());
                repo.put(s.tag(), hex(diffIds.get(diffIds.size() - 1)));
            } else {
                entry.set("RepoTags", null);
            }
            entry.set("Layers", layerPaths);
            manifests.add(entry);
            index.add(described);
            engine.daemonEvents().image(id, "save", Map.of("name", id));
        }
        ObjectNode indexJson = JSON.createObjectNode();
        indexJson.put("schemaVersion", 2);
        indexJson.put("mediaType", "application/vnd.oci.image.index.v1+json");
        indexJson.set("manifests", index);
        List<TarFormat.Entry> entries = new ArrayList<>();
        entries.add(new TarFormat.Entry("blobs", null, mtime));
        entries.add(new TarFormat.Entry("blobs/sha256", null, mtime));
        blobs.forEach((digest, content) -> entries.add(new TarFormat.Entry("blobs/sha256/" + digest, content, mtime)));
        entries.add(new TarFormat.Entry("index.json", line(indexJson), mtime));
        entries.add(new TarFormat.Entry("manifest.json", line(manifests), mtime));
        entries.add(new TarFormat.Entry("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), mtime));
        if (!repositories.isEmpty()) {
            entries.add(new TarFormat.Entry("repositories", line(repositories), mtime));
        }
        return TarFormat.write(entries);
    }

    /** The image's layers: the root file system's directories, then (for one this daemon made) the files it added. */
    private List<byte[]> layers(String name, long mtime) {
        List<byte[]> out = new ArrayList<>();
        List<TarFormat.Entry> base = new ArrayList<>();
        for (String dir : new java.util.TreeSet<>(ImageDirectories.ROOTFS)) {
            if (!dir.equals("/")) {
                base.add(new TarFormat.Entry(dir.substring(1), null, mtime));
            }
        }
        out.add(TarFormat.write(base));
        ImageService.BuiltImage built = engine.images().built(name);
        if (built != null && (!built.files().isEmpty() || !built.removed().isEmpty())) {
            Map<String, String> layer = new LinkedHashMap<>(built.files());
            for (String gone : built.removed()) {
                layer.put(whiteout(gone), ""); // go-archive's AUFS whiteout: an empty .wh.NAME beside where NAME was
            }
            out.add(TarFormat.write(tree(layer, mtime)));
        }
        return out;
    }

    /** The whiteout of absolute {@code path} (archive/whiteouts.go: WhiteoutPrefix {@code .wh.} before the base name). */
    static String whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + WHITEOUT + path.substring(slash + 1);
    }

    /** Files by absolute path as a layer's entries: each directory above them, then each file, in path order. */
    static List<TarFormat.Entry> tree(Map<String, String> files, long mtime) {
        TreeMap<String, String> sorted = new TreeMap<>((a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0')));
        files.forEach((path, content) -> {
            String rel = path.substring(1);
            sorted.put(rel, content);
            for (int slash = rel.indexOf('/'); slash > 0; slash = rel.indexOf('/', slash + 1)) {
                sorted.putIfAbsent(rel.substring(0, slash), null);
            }
        });
        List<TarFormat.Entry> out = new ArrayList<>();
        sorted.forEach((rel, content) -> out.add(new TarFormat.Entry(rel, content == null ? null : content.getBytes(StandardCharsets.UTF_8), mtime)));
        return out;
    }

    /** The OCI image config (image-spec config.md) of the image {@code name} finds: its Config, history and rootfs. */
    private ObjectNode config(String name, List<String> diffIds) {
        ImageService images = engine.images();
        ImageConfig c = images.config(name);
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", "amd64");
        ObjectNode config = root.putObject("config");
        if (c != null) {
            if (!c.user().isEmpty()) {
                config.put("User", c.user());
            }
            if (!c.exposedPorts().isEmpty()) {
                ObjectNode ports = config.putObject("ExposedPorts");
                c.exposedPorts().forEach(p -> ports.putObject(p));
            }
            strings(config.putArray("Env"), c.env());
            if (!c.entrypoint().isEmpty()) {
                strings(config.putArray("Entrypoint"), c.entrypoint());
            }
            if (!c.cmd().isEmpty()) {
                strings(config.putArray("Cmd"), c.cmd());
            }
            config.put("WorkingDir", c.workingDir());
            Map<String, String> labels = images.labels(name);
            if (!labels.isEmpty()) {
                ObjectNode l = config.putObject("Labels");
                labels.forEach(l::put);
            }
            if (!c.stopSignal().isEmpty() && !c.stopSignal().equals("SIGTERM")) {
                config.put("StopSignal", c.stopSignal());
            }
        }
        PublishedImages.Published p = images.published(name);
        root.put("created", (p.created() == null ? Instant.EPOCH : p.created()).toString());
        ArrayNode history = root.putArray("history");
        for (ImageHistory.Entry e : ImageHistory.entries(images, name)) {
            ObjectNode h = history.addObject();
            h.put("created", e.created().toString());
            h.put("created_by", e.createdBy());
            if (!e.comment().isEmpty()) {
                h.put("comment", e.comment());
            }
            if (e.emptyLayer()) {
                h.put("empty_layer", true);
            }
        }
        root.put("os", "linux");
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        strings(rootfs.putArray("diff_ids"), diffIds);
        return root;
    }

    // ---- load ---------------------------------------------------------------------------

    /**
     * {@code docker load} of {@code archive}: the lines the daemon streams back, or its error, which
     * the client prints as the stream carries it (no {@code Error response from daemon:}): the
     * untar's ({@code unexpected EOF}) or, for an archive
     * without manifest.json, the legacy loader's missing {@code repositories}.
     */
    public List<String> load(byte[] archive) {
        return load(archive, null);
    }

    /**
     * A layer {@code docker load} loaded: its diff ID cut to 12 digits (stringid.TruncateID) and its
     * tar's size, what tarexport's loadLayer reports as {@code Loading layer} progress.
     */
    public record LoadedLayer(String shortId, long size) {
    }

    /**
     * {@link #load(byte[])}, adding to {@code progress} (null: the client asked quiet) each layer
     * loaded: those of an image the daemon does not have; a layer of only directories stands for
     * the catalogue base's, which the daemon has (load.go skips a layer whose chain it has).
     */
    public List<String> load(byte[] archive, List<LoadedLayer> progress) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (TarFormat.Entry e : archive.length == 0 ? List.<TarFormat.Entry>of() : TarFormat.read(archive)) {
                if (!e.directory()) {
                    files.put(e.name().replaceFirst("^\\./", ""), e.content());
                }
            }
        } catch (TarFormat.Invalid e) {
            // moby 28's chrootarchive unpacks in a goroutine (goInChroot): archive/tar's error as it is; 20.10's
            // re-executed docker-untar wrapped it ("Error processing tar file(exit status 1): ...").
            throw new StreamError(e.getMessage());
        }
        // os.MkdirTemp's directory: a random number, here one drawn from the archive.
        String tmp = "/var/lib/docker/tmp/docker-import-" + Long.toUnsignedString(Long.parseUnsignedLong(sha256(archive).substring(0, 12), 16) % 1_000_000_000L);
        byte[] manifestJson = files.get("manifest.json");
        if (manifestJson == null) {
            // tarexport/load.go: no manifest.json is a legacy archive, which needs its repositories file.
            throw new StreamError("open " + tmp + "/repositories: no such file or directory");
        }
        ImageService images = engine.images();
        List<String> out = new ArrayList<>();
        for (JsonNode m : tree(manifestJson)) {
            String configPath = m.path("Config").asText();
            byte[] configBytes = files.get(configPath);
            if (configBytes == null) {
                throw new StreamError("open " + tmp + "/" + configPath + ": no such file or directory");
            }
            String id = "sha256:" + configPath.substring(configPath.lastIndexOf('/') + 1);
            if (progress != null && images.stored().stream().noneMatch(st -> st.image().id().equals(id))) {
                for (JsonNode l : m.path("Layers")) {
                    byte[] blob = files.get(l.asText());
                    if (blob != null && TarFormat.read(blob).stream().anyMatch(e -> !e.directory())) {
                        String digest = l.asText().substring(l.asText().lastIndexOf('/') + 1);
                        progress.add(new LoadedLayer(digest.substring(0, Math.min(12, digest.length())), blob.length));
                    }
                }
            }
            ImageService.BuiltImage image = images.byId(id);
            if (image == null) {
                List<ImageHistory.Entry> history = new ArrayList<>();
                for (JsonNode h : tree(configBytes).path("history")) {
                    history.add(new ImageHistory.Entry(Instant.parse(h.path("created").asText(Instant.EPOCH.toString())),
                            h.path("created_by").asText(), 0, h.path("comment").asText(), h.path("empty_layer").asBoolean(false)));
                }
                image = image(id, tree(configBytes), m.path("Layers"), files, history);
                images.store(image, history, null);
            }
            List<String> tags = new ArrayList<>();
            m.path("RepoTags").forEach(t -> tags.add(t.asText()));
            for (String tag : tags) {
                images.tag(tag, image);
                out.add("Loaded image: " + tag);
            }
            if (tags.isEmpty()) {
                out.add("Loaded image ID: " + id);
            }
            engine.daemonEvents().image(id, "load", Map.of("name", id));
        }
        return out;
    }

    /**
     * The image a loaded config describes: a catalogue image's own config when the ID is its
     * published one, else the config's fields over the programs of the catalogue image its history
     * begins with (an image from elsewhere runs no program dockwire models); its files from the
     * layers named, each layer's whiteouts removing what the layers below brought.
     */
    private ImageService.BuiltImage image(String id, JsonNode json, JsonNode layers, Map<String, byte[]> blobs,
            List<ImageHistory.Entry> history) {
        Map<String, String> files = new LinkedHashMap<>();
        java.util.Set<String> removed = new java.util.LinkedHashSet<>();
        long bytes = 0;
        for (JsonNode l : layers) {
            byte[] layer = blobs.get(l.asText());
            if (layer == null) {
                continue;
            }
            for (TarFormat.Entry e : TarFormat.read(layer)) {
                int slash = e.name().lastIndexOf('/');
                String base = e.name().substring(slash + 1);
                if (!e.directory() && base.startsWith(WHITEOUT) && !base.startsWith(WHITEOUT + WHITEOUT)) {
                    // The layer removes what the layers below it hold (the graph driver's applyLayer).
                    String gone = "/" + e.name().substring(0, slash + 1) + base.substring(WHITEOUT.length());
                    if (files.remove(gone) == null) {
                        removed.add(gone);
                    }
                } else if (!e.directory()) {
                    files.put("/" + e.name(), new String(e.content(), StandardCharsets.UTF_8));
                    removed.remove("/" + e.name());
                    bytes += e.content().length;
                }
            }
        }
        String reference = PublishedImages.referenceOf(id);
        ImageConfig catalogue = reference == null ? null : Images.config(reference);
        JsonNode c = json.path("config");
        // An image made from a catalogue image (committed, built) runs that image's programs: its history begins with the base's.
        String base = reference != null ? null : ImageHistory.catalogueBase(history);
        ImageConfig baseConfig = base == null ? null : Images.config(base);
        ImageConfig config = catalogue != null ? catalogue : new ImageConfig(base != null ? base : "scratch", list(c.path("Entrypoint")), list(c.path("Cmd")),
                list(c.path("Env")), c.path("WorkingDir").asText(""), c.path("User").asText(""), keys(c.path("ExposedPorts")),
                c.path("StopSignal").asText("SIGTERM"), null, baseConfig == null ? Map.of() : baseConfig.providers());
        Map<String, String> labels = new TreeMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        PublishedImages.Published p = reference != null ? PublishedImages.of(reference, catalogue) : null;
        long size = p != null ? p.size() : bytes + (baseConfig == null ? 0 : PublishedImages.of(base, baseConfig).size());
        Instant created = Instant.parse(json.path("created").asText(Instant.EPOCH.toString()));
        return new ImageService.BuiltImage(config, id, created, size, files, labels, removed);
    }

    // ---- export / import ----------------------------------------------------------------

    /**
     * {@code GET /containers/NAME/export}: the container's root file system as one tar — the
     * {@code .dockerenv} the daemon leaves at its root, the directories, its files (the ones Docker
     * bind-mounts, /etc/hosts and the like, as the empty files under the mounts) — and the
     * {@code container export} event.
     */
    public byte[] export(String ref, long mtime) {
        Container c = engine.container(ref);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/.dockerenv", "");
        for (String p : c.filePaths()) {
            boolean docker = p.equals("/etc/hostname") || p.equals("/etc/hosts") || p.equals("/etc/resolv.conf");
            if (!c.isDirectory(p) && c.file(p) != null) {
                files.put(p, docker ? "" : c.file(p));
            }
        }
        byte[] tar = TarFormat.write(tree(withDirectories(files), mtime));
        ImageConfig config = Images.config(c);
        if (config != null) {
            engine.images().exported(sha256(tar), config);
        }
        engine.daemonEvents().container(c, "export");
        return tar;
    }

    /** The files with each root directory as an entry of its own (a null content marks a directory). */
    private static Map<String, String> withDirectories(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>(files);
        for (String dir : ImageDirectories.ROOTFS) {
            if (!dir.equals("/")) {
                out.putIfAbsent(dir, null);
            }
        }
        return out;
    }

    /**
     * {@code POST /images/create?fromSrc=-}: an image of one layer holding {@code archive}'s files,
     * its config empty but for the {@code changes}, its history one entry ({@code Imported from -}
     * unless a message is given); tagged {@code name} when one is given. Returns its ID.
     */
    public String importImage(byte[] archive, String name, String message, UnaryOperator<ImageCommit.Config> changes, Instant now) {
        List<TarFormat.Entry> entries;
        try {
            entries = TarFormat.read(archive);
        } catch (TarFormat.Invalid e) {
            throw new EngineException(e.getMessage());
        }
        Map<String, String> files = new LinkedHashMap<>();
        long size = 0;
        for (TarFormat.Entry e : entries) {
            if (!e.directory()) {
                String path = "/" + e.name().replaceFirst("^\\./", "");
                files.put(path, new String(e.content(), StandardCharsets.UTF_8));
                size += e.content().length;
            }
        }
        ImageConfig from = engine.images().exportedConfig(sha256(archive));
        ImageConfig empty = new ImageConfig(from == null ? "scratch" : from.reference(), List.of(), List.of(), List.of(), "", "", List.of(),
                "SIGTERM", null, from == null ? Map.of() : from.providers());
        ImageCommit.Config config = changes.apply(new ImageCommit.Config(empty, Map.of()));
        String comment = message == null || message.isEmpty() ? "Imported from -" : message;
        String id = "sha256:" + Images.digest("import\0" + sha256(archive) + "\0" + engine.nanos() + "\0" + engine.images().made() + "\0" + comment + "\0" + config);
        ImageService.BuiltImage image = new ImageService.BuiltImage(config.config(), id, now, size, files, config.labels());
        engine.images().store(image, List.of(new ImageHistory.Entry(now, "", size, comment, false)), null);
        if (name != null) {
            engine.images().tag(name, image);
            engine.daemonEvents().image(id, "tag", Map.of("name", ImageService.familiar(name)));
        }
        engine.daemonEvents().image(id, "import", Map.of("name", id));
        return id;
    }

    // ---- JSON ---------------------------------------------------------------------------

    private static ObjectNode descriptor(String mediaType, String hex, long size) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", "sha256:" + hex);
        d.put("size", size);
        return d;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON file as Go's json.Encoder writes it: the value and a newline. */
    private static byte[] line(JsonNode n) {
        byte[] b = bytes(n);
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = '\n';
        return out;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new EngineException("invalid character in JSON: " + e.getMessage());
        }
    }

    private static String hex(String id) {
        return id.substring(id.indexOf(':') + 1);
    }

    static String sha256(byte[] bytes) {
        return Hashing.sha256().hashBytes(bytes).toString();
    }
}
