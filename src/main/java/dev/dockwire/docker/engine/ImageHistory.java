package dev.dockwire.docker.engine;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ImageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /images/NAME/history} as moby 28's graphdriver image service answers it
 * (daemon/images/image_history.go): the image's history entries newest first, each with the size
 * of the layer it made (0 for an empty layer), and image IDs filled in down the parent chain — the
 * image's own on its top entry, then its parent's (a {@code docker commit}'s base) and so on;
 * the entries no local image ends at are {@code <missing>}, as every entry below a pulled image's
 * or a BuildKit-built image's top one is.
 */
public final class ImageHistory {
    /** BuildKit's history comment (dockerfile2llb's historyComment). */
    public static final String BUILDKIT = "buildkit.dockerfile.v0";

    /** An image.History entry: when, what made it, the layer's size, the comment, and whether it made no layer. */
    public record Entry(Instant created, String createdBy, long size, String comment, boolean emptyLayer) {
    }

    /** A row of the answer (image.HistoryResponseItem): {@code id} is an image ID or {@code <missing>}; {@code tags} the image's names. */
    public record Row(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {
    }

    private ImageHistory() {
    }

    /** The history of {@code ref}, newest first; the daemon's {@code No such image: REF} when it has none. */
    public static List<Row> of(ImageService images, String ref) {
        ImageService.Stored image = images.find(ref);
        if (image == null) {
            Reference r = Reference.parse(ref);
            throw new EngineException("No such image: " + (r == null || ref.matches("(sha256:)?[0-9a-f]{1,64}") ? ref : r.familiarTagged()));
        }
        String id = image.image().id();
        List<Entry> entries = entries(images, image.name());
        List<Row> rows = new ArrayList<>();
        String at = id;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            rows.add(new Row(at == null ? "<missing>" : at, e.created(), e.createdBy(), e.size(), e.comment(),
                    at == null ? List.of() : names(images, at)));
            at = at == null ? null : images.parent(at);
        }
        return rows;
    }

    /** The tagged names of image {@code id}. */
    private static List<String> names(ImageService images, String id) {
        return images.stored().stream().filter(s -> s.image().id().equals(id) && !s.tag().equals("<none>")).map(ImageService.Stored::name).toList();
    }

    /**
     * The history entries of the image {@code name} finds, oldest first: what this daemon recorded
     * when it made the image, else the catalogue image's as its Dockerfile writes it
     * ({@link #published}).
     */
    public static List<Entry> entries(ImageService images, String name) {
        ImageService.Stored s = images.find(name);
        if (s != null && images.history(s.image().id()) != null) {
            return images.history(s.image().id());
        }
        ImageConfig config = images.config(name);
        return published(config, images.published(name));
    }

    /**
     * A pulled image's history as Docker Hub shows it for the official images (each built by
     * BuildKit: comment {@code buildkit.dockerfile.v0}, every entry at the image's creation time).
     * The catalogue keeps no layers, so this is dockwire's estimate: one layer of the image's whole
     * size, the root file system's {@code ADD} (alpine's minirootfs and busybox's tarball are named as
     * their Dockerfiles name them; any other image's as {@code rootfs.tar.xz}), then the config's
     * metadata in Dockerfile order (ENV for each variable but the default PATH, WORKDIR, USER,
     * EXPOSE, STOPSIGNAL, ENTRYPOINT, CMD), each an empty layer.
     */
    static List<Entry> published(ImageConfig config, PublishedImages.Published p) {
        List<Entry> out = new ArrayList<>();
        Instant created = p.created() == null ? Instant.EPOCH : p.created();
        if (config == null) {
            return out;
        }
        String reference = config.reference();
        String base = reference.contains(":") ? reference.substring(0, reference.indexOf(':')) : reference;
        String tag = PublishedImages.tag(reference);
        String rootfs = switch (base) {
            case "alpine" -> "alpine-minirootfs-" + (tag == null ? "latest" : tag) + "-x86_64.tar.gz";
            case "busybox" -> "busybox.tar.xz";
            default -> "rootfs.tar.xz";
        };
        out.add(new Entry(created, "ADD " + rootfs + " / # buildkit", p.size(), BUILDKIT, false));
        for (String kv : config.env()) {
            if (!kv.equals(ImageConfig.DEFAULT_PATH)) {
                out.add(metadata(created, "ENV " + kv));
            }
        }
        if (!config.workingDir().isEmpty()) {
            out.add(metadata(created, "WORKDIR " + config.workingDir()));
        }
        if (!config.user().isEmpty()) {
            out.add(metadata(created, "USER " + config.user()));
        }
        if (!config.exposedPorts().isEmpty()) {
            out.add(metadata(created, "EXPOSE " + goMap(config.exposedPorts())));
        }
        if (!config.stopSignal().isEmpty() && !config.stopSignal().equals("SIGTERM")) {
            out.add(metadata(created, "STOPSIGNAL " + config.stopSignal()));
        }
        if (!config.entrypoint().isEmpty()) {
            out.add(metadata(created, "ENTRYPOINT " + goQuoted(config.entrypoint())));
        }
        if (!config.cmd().isEmpty()) {
            out.add(metadata(created, "CMD " + goQuoted(config.cmd())));
        }
        return out;
    }

    /**
     * The catalogue image whose published history {@code history} begins with (the longest such),
     * or null: what an archive's image was made from. moby knows it by the layers' diff IDs it already
     * holds; dockwire's saved layers do not carry the base's content, its history does.
     */
    static String catalogueBase(List<Entry> history) {
        String best = null;
        int bestLength = 0;
        for (String name : Images.names()) {
            ImageConfig config = Images.config(name);
            if (config == null) {
                continue;
            }
            List<Entry> base = published(config, PublishedImages.of(name, config));
            if (base.size() > bestLength && base.size() <= history.size() && sameSteps(base, history)) {
                best = config.reference();
                bestLength = base.size();
            }
        }
        return best;
    }

    private static boolean sameSteps(List<Entry> base, List<Entry> history) {
        for (int i = 0; i < base.size(); i++) {
            Entry b = base.get(i);
            Entry h = history.get(i);
            if (!b.createdBy().equals(h.createdBy()) || !b.created().equals(h.created())) {
                return false;
            }
        }
        return true;
    }

    private static Entry metadata(Instant created, String createdBy) {
        return new Entry(created, createdBy, 0, BUILDKIT, true);
    }

    /** A set of ports as Go's fmt prints a {@code map[string]struct{}}: {@code map[443/tcp:{} 80/tcp:{}]}, keys sorted. */
    public static String goMap(List<String> keys) {
        Map<String, String> sorted = new TreeMap<>();
        keys.forEach(k -> sorted.put(k, "{}"));
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + ":" + v));
        return "map[" + String.join(" ", parts) + "]";
    }

    /** A string slice as Go's {@code %q} prints it: {@code ["nginx" "-g" "daemon off;"]}. */
    public static String goQuoted(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add("\"" + w.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"");
        }
        return "[" + String.join(" ", quoted) + "]";
    }
}
