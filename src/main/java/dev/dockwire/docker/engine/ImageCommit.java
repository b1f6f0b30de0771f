package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ImageConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code POST /commit} as moby 28 runs it (daemon/commit.go CreateImageFromContainer, over
 * daemon/images/image_commit.go): the container paused unless asked not to (its {@code pause} and
 * {@code unpause} events around the rest), its config with the {@code --change} instructions
 * applied (dockerfile.BuildFromConfig, given by the caller) becomes the image's — the container's
 * Cmd, Entrypoint, Env, labels and exposed ports, as moby's merge fills them in —, its writable
 * layer ({@link ContainerChanges}) one more layer over its image's files, the history entry
 * {@code strings.Join(Cmd, " ")} with the comment, the container's image its parent; the name
 * tagged ({@code image tag}) and {@code container commit} logged with {@code comment},
 * {@code imageID} and {@code imageRef}.
 */
public final class ImageCommit {
    /** An image config with its labels, as the changes see and return it. */
    public record Config(ImageConfig config, Map<String, String> labels) {
    }

    /**
     * What the client asks: the container, the name to tag (null: none), author, comment, whether
     * to pause, the changes (applied to the container's config; may throw the daemon's error) and
     * the time the image is made at.
     */
    public record Request(String container, String name, String author, String comment, boolean pause,
                          UnaryOperator<Config> changes, Instant now) {
    }

    private final Engine engine;

    public ImageCommit(Engine engine) {
        this.engine = engine;
    }

    /** Commits {@code r}; returns the new image's ID ({@code sha256:...}), or throws the daemon's error. */
    public String commit(Request r) {
        Container c = engine.container(r.container());
        boolean pause = r.pause() && c.running() && !c.paused();
        if (pause) {
            engine.pause(c.name(), true);
        }
        try {
            return commit(c, r);
        } finally {
            if (pause) {
                engine.pause(c.name(), false);
            }
        }
    }

    private String commit(Container c, Request r) {
        Config changed = r.changes().apply(containerConfig(c));
        ImageService images = engine.images();
        String parentName = c.image();
        ImageService.BuiltImage parentBuilt = images.built(parentName);
        Map<String, String> files = new LinkedHashMap<>(parentBuilt == null ? Map.of() : parentBuilt.files());
        java.util.Set<String> removed = new java.util.LinkedHashSet<>(parentBuilt == null ? java.util.Set.of() : parentBuilt.removed());
        Map<String, dev.dockwire.docker.LayerDir> dirs = new LinkedHashMap<>(parentBuilt == null ? Map.of() : parentBuilt.dirs());
        // The parent's files keep their owners (COPY --chown's); one the container wrote is taken as root's.
        Map<String, dev.dockwire.docker.LayerFile> owners = new LinkedHashMap<>(parentBuilt == null ? Map.of() : parentBuilt.owners());
        long layer = 0;
        List<String> diff = new ContainerChanges(engine).changes(c.id());
        for (String line : diff) {
            String path = line.substring(2);
            String content = c.file(path);
            if (line.charAt(0) == 'D') {
                // The layer's whiteout (.wh.NAME): the file, or the directory and all below it, gone in the new image's containers too.
                files.remove(path);
                files.keySet().removeIf(p -> p.startsWith(path + "/"));
                owners.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
                dirs.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
                removed.removeIf(p -> p.startsWith(path + "/"));
                if (c.imageFiles() != null && c.imageFiles().read(path) != null || c.removedPaths().contains(path)) {
                    removed.add(path);
                }
            } else if (BuiltLayers.made(c, path) != null) {
                dirs.put(path, BuiltLayers.made(c, path)); // the layer's directory entry (mode, owner), empty or not
                removed.remove(path);
            } else if (content != null && !c.isDirectory(path)) {
                files.put(path, content);
                owners.remove(path);
                removed.remove(path);
                layer += content.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        PublishedImages.Published parent = images.published(parentName);
        List<ImageHistory.Entry> history = new ArrayList<>(ImageHistory.entries(images, parentName));
        List<String> cmd = containerCmd(c);
        history.add(new ImageHistory.Entry(r.now(), String.join(" ", cmd), layer, r.comment(), layer == 0));
        // Docker's ID is the digest of a config holding its Created time: two commits of one container differ.
        String id = "sha256:" + Images.digest("commit\0" + c.id() + "\0" + engine.nanos() + "\0" + images.made() + "\0" + r.author() + "\0" + r.comment()
                + "\0" + changed + "\0" + new TreeMap<>(files) + "\0" + removed + "\0" + dirs);
        ImageService.BuiltImage image = new ImageService.BuiltImage(changed.config(), id, r.now(), parent.size() + layer, files,
                changed.labels(), removed, dirs, owners);
        images.store(image, history, parent.id());
        List<String> chain = new ArrayList<>(images.layers(parent.id()));
        if (!diff.isEmpty()) {
            // An empty diff adds no layer (image.NewChildImage: layer.IsEmpty); the diff ID stands for the layer tar's digest.
            String diffId = Images.digest("layer\0" + diff + "\0" + new TreeMap<>(files));
            String below = chain.isEmpty() ? "" : "sha256:" + chain.get(chain.size() - 1);
            chain.add(below.isEmpty() ? diffId : Images.digest(below + " sha256:" + diffId));
        }
        images.layers(id, chain);
        String imageRef = "";
        if (r.name() != null) {
            images.tag(r.name(), image);
            imageRef = ImageService.familiar(r.name());
            engine.daemonEvents().image(id, "tag", Map.of("name", imageRef));
        }
        engine.daemonEvents().container(c, "commit", Map.of("comment", r.comment(), "imageID", id, "imageRef", imageRef));
        return id;
    }

    /** Config.Cmd of the container: what run gave, else (without an {@code --entrypoint}) its image's. */
    private static List<String> containerCmd(Container c) {
        ImageConfig image = Images.config(c);
        boolean ownEntrypoint = c.entrypoint() != null && !c.entrypoint().isEmpty();
        return !c.cmd().isEmpty() || ownEntrypoint || image == null ? c.cmd() : image.cmd();
    }

    /**
     * The container's config as the new image's starts (daemon/commit.go merge over the
     * container's Config): its Cmd and Entrypoint, its environment with the image's variables it
     * does not set, its user or the image's, the image's ports and its own, the image's labels
     * under its own; the rest the image's.
     */
    Config containerConfig(Container c) {
        ImageConfig image = Images.config(c);
        if (image == null) {
            image = engine.images().config(c.image());
        }
        if (image == null) {
            image = new ImageConfig(c.image(), List.of(), List.of(), List.of(ImageConfig.DEFAULT_PATH), "", "", List.of(), "SIGTERM", null,
                    Map.of());
        }
        List<String> env = new ArrayList<>(c.env());
        for (String kv : image.env()) {
            String key = kv.split("=", 2)[0];
            if (c.env().stream().noneMatch(u -> u.split("=", 2)[0].equals(key))) {
                env.add(kv);
            }
        }
        List<String> exposed = new ArrayList<>(image.exposedPorts());
        c.exposed().stream().filter(p -> !exposed.contains(p)).forEach(exposed::add);
        List<String> entrypoint = c.entrypoint() != null ? c.entrypoint() : image.entrypoint();
        String user = c.options().user().isEmpty() ? image.user() : c.options().user();
        ImageConfig.Healthcheck check = c.healthcheck() != null ? c.healthcheck() : image.healthcheck();
        ImageConfig config = new ImageConfig(image.reference(), entrypoint, containerCmd(c), env, Images.workingDir(c), user, exposed,
                image.stopSignal(), check, image.providers());
        Map<String, String> labels = new TreeMap<>(engine.images().labels(c.image()));
        labels.putAll(c.labels());
        return new Config(config, labels);
    }

    /** The daemon's error for a change it refuses: {@code X is not a valid change command}. */
    public static EngineException invalidChange(String instruction) {
        return new EngineException(instruction + " is not a valid change command");
    }
}
