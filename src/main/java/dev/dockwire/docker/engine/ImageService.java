package dev.dockwire.docker.engine;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.LayerDir;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images this daemon has, after moby's daemon/images ImageService: the catalogue's (as if
 * pulled from Docker Hub), the ones {@code docker build} made and the ones a script or the prompt
 * declared with {@code # dockwire: image NAME http PORT ...}. Any other image is one the daemon cannot pull.
 */
public final class ImageService {
    private final Map<String, ImageDaemons.Declared> declared = new LinkedHashMap<>();
    /** The images {@code docker build} made, by their familiar tagged names. */
    private final Map<String, BuiltImage> built = new LinkedHashMap<>();
    /** The images pulled so far (by docker pull, or for a container), by their familiar tagged names. */
    private final java.util.Set<String> pulled = new java.util.LinkedHashSet<>();
    /** Names given by {@code docker tag}: the new familiar name, the name of the image it was given to. */
    private final Map<String, String> tags = new LinkedHashMap<>();
    /** When {@code docker tag} last named each image (image.Store's SetLastUpdated), by image ID. */
    private final Map<String, java.time.Instant> lastTagged = new LinkedHashMap<>();
    /**
     * What moby's image.Store holds beyond names: each image this daemon made (build, commit,
     * import, load) by ID, with its history (image.History, oldest first) and, for a commit, its
     * parent (image.Store's SetParent); the images no name points at any more (dangling,
     * {@code <none>:<none>}); the archives {@code docker export} wrote, by digest, with the config
     * of the image whose files (programs among them) they hold.
     */
    private final Map<String, BuiltImage> byId = new LinkedHashMap<>();
    private final Map<String, List<ImageHistory.Entry>> histories = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final java.util.Set<String> dangling = new java.util.LinkedHashSet<>();
    /** The legacy builder's step images: no name, the parent of the next step's (listed by {@code docker images -a} only). */
    private final java.util.Set<String> intermediate = new java.util.LinkedHashSet<>();
    /** Committed images' layer chain IDs, bottom first, by image ID. */
    private final Map<String, List<String>> layers = new java.util.HashMap<>();
    private final Map<String, ImageConfig> exported = new LinkedHashMap<>();
    /** BuildKit's cache: the keys of the build steps this engine has run. */
    private final java.util.Set<String> buildCache = new java.util.HashSet<>();
    /** The build cache's RUN layers by cache key. */
    private final Map<String, CachedLayer> runLayers = new java.util.HashMap<>();
    /**
     * Whether the catalogue's images count as on the host before anything pulls them (unlisted
     * until a container or a pull names them): a test's or a topology's engine, as the reference
     * host starts with its stand-ins loaded. {@link #startFresh} makes it a fresh host's, whose
     * {@code docker run} of an image pulls it first, printing the pull.
     */
    private boolean prePulled = true;

    /** A fresh host: no image is on it until pulled (the live shell's and a script's engine). */
    public void startFresh() {
        prePulled = false;
    }

    /**
     * Whether the daemon has {@code image} now (a create needs no pull): pulled, built, tagged or
     * declared, or a catalogue image on a host whose images were pre-pulled.
     */
    public boolean present(String image) {
        return pulled.contains(key(image)) || built(image) != null || tags.containsKey(key(image)) || declared(image) != null
                || prePulled && config(image) != null;
    }

    /** The layer blobs the daemon's pulled images hold (a pull finds them: {@code Already exists}). */
    public java.util.Set<String> layerBlobs() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String name : pulled) {
            if (built.get(name) == null && !tags.containsKey(name)) {
                out.addAll(Manifests.of(name, Images.config(name)).layers());
            }
        }
        return out;
    }

    /**
     * A RUN's layer as the build cache keeps it (BuildKit's cache record, the legacy builder's
     * intermediate image): the files it wrote, the paths it removed, the directories it made.
     */
    public record CachedLayer(Map<String, String> written, java.util.Set<String> deleted, Map<String, LayerDir> made) {
        public CachedLayer {
            written = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(written));
            deleted = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(deleted));
            made = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(made));
        }
    }

    /** The layer of the RUN whose cache key is {@code key}, when one ran to success before on this engine; else null. */
    public CachedLayer cachedLayer(String key) {
        return runLayers.get(key);
    }

    /** Keeps {@code layer} as the RUN {@code key}'s, for a later build of the same step. */
    public void cacheLayer(String key, CachedLayer layer) {
        runLayers.put(key, layer);
    }

    /** Whether the build step {@code key} ran before on this engine (its vertex is CACHED); it is recorded either way. */
    public boolean cachedStep(String key) {
        return !buildCache.add(key);
    }

    /**
     * How {@code docker pull} names {@code image}: the tag it pulls ({@code defaultTag} when the
     * reference named none), the repository on its registry ({@code library/alpine}), the familiar
     * name with tag ({@code alpine:latest}) and the canonical one ({@code docker.io/library/alpine:latest}).
     */
    public record PullNames(String tag, boolean defaultTag, String remote, String familiar, String canonical) {
    }

    /** The names of {@code image} (reference.ParseNormalizedNamed), or null when it does not parse. */
    public static PullNames pullNames(String image) {
        Reference ref = Reference.parse(image);
        if (ref == null) {
            return null;
        }
        String remote = ref.domain().equals(Reference.DOCKER_HUB) && !ref.path().contains("/") ? "library/" + ref.path() : ref.path();
        String tagged = ref.tag() != null || ref.digest() == null ? ":" + ref.tagOrLatest() : "";
        String digest = ref.digest() == null ? "" : "@" + ref.digest();
        return new PullNames(ref.tagOrLatest(), ref.tag() == null && ref.digest() == null, remote, ref.familiarTagged(),
                ref.domain() + "/" + remote + tagged + digest);
    }

    /**
     * An image {@code docker build} made: its config (whose reference is the catalogue image its
     * programs come from), its ID (the digest of its content), when it was made, its size and the
     * files COPY/ADD put in it (absolute path to text), which each of its containers starts with,
     * its labels, the base image's files its layers removed (a committed container's
     * whiteouts: go-archive's {@code .wh.} entries), gone in each of its containers, and the
     * directories its layers made with their modes and owners (empty ones too), in each of its containers, and
     * the owners other than root of its files ({@code COPY --chown}'s).
     */
    public record BuiltImage(ImageConfig config, String id, java.time.Instant created, long size, Map<String, String> files,
                             Map<String, String> labels, java.util.Set<String> removed, Map<String, LayerDir> dirs,
                             Map<String, dev.dockwire.docker.LayerFile> owners) {
        public BuiltImage {
            owners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(owners));
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
            removed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(removed));
            dirs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
        }

        /** A built image whose files are all root's. */
        public BuiltImage(ImageConfig config, String id, java.time.Instant created, long size, Map<String, String> files,
                Map<String, String> labels, java.util.Set<String> removed, Map<String, LayerDir> dirs) {
            this(config, id, created, size, files, labels, removed, dirs, Map.of());
        }

        /** A built image whose layers made no directory of their own. */
        public BuiltImage(ImageConfig config, String id, java.time.Instant created, long size, Map<String, String> files,
                Map<String, String> labels, java.util.Set<String> removed) {
            this(config, id, created, size, files, labels, removed, Map.of());
        }

        /** A built image that removed none of its base's files. */
        public BuiltImage(ImageConfig config, String id, java.time.Instant created, long size, Map<String, String> files,
                Map<String, String> labels) {
            this(config, id, created, size, files, labels, java.util.Set.of());
        }

        /** A built image without labels. */
        public BuiltImage(ImageConfig config, String id, java.time.Instant created, long size, Map<String, String> files) {
            this(config, id, created, size, files, Map.of());
        }
    }

    /**
     * The image's LABELs (Config.Labels), sorted by key: a built one's (its base's, its
     * Dockerfile's LABELs over them, then {@code --label}s), else the catalogue's.
     */
    public Map<String, String> labels(String image) {
        BuiltImage b = built(image);
        if (b != null) {
            return b.labels();
        }
        String source = tags.get(key(image));
        return source != null ? labels(source) : Images.labels(image);
    }

    /**
     * Keeps {@code b} in the image store with its {@code history} (oldest first) and {@code parent}
     * image ID (null: none); an image without a name stays dangling until one is given.
     */
    public void store(BuiltImage b, List<ImageHistory.Entry> history, String parent) {
        byId.put(b.id(), b);
        histories.put(b.id(), List.copyOf(history));
        if (parent != null) {
            parents.put(b.id(), parent);
        }
        if (stored().stream().noneMatch(s -> s.image().id().equals(b.id()))) {
            dangling.add(b.id());
        }
    }

    /**
     * Keeps the legacy builder's step image {@code b} (no name; {@code parent}: the step's before it, or
     * the base image's ID), which {@code docker images} leaves out and {@code docker images -a} lists as
     * {@code <none>:<none>} while it has a child (image_list.go), and {@code docker rmi} of its last
     * child deletes (image_delete.go removeParents).
     */
    public void storeIntermediate(BuiltImage b, List<ImageHistory.Entry> history, String parent) {
        byId.put(b.id(), b);
        histories.put(b.id(), List.copyOf(history));
        parents.put(b.id(), parent);
        intermediate.add(b.id());
    }

    /** The step images {@link #storeIntermediate} kept and no delete removed, oldest first, as {@code <none>:<none>}. */
    public java.util.List<Stored> intermediates() {
        java.util.List<Stored> out = new java.util.ArrayList<>();
        for (String id : intermediate) {
            BuiltImage b = byId.get(id);
            out.add(new Stored(id, "<none>", "<none>", new PublishedImages.Published(id, b.created(), b.size())));
        }
        return out;
    }

    /**
     * Deletes the nameless step image {@code id} when it is one and no image left has it as parent
     * (imageDeleteHelper's removeParents); false otherwise.
     */
    boolean deleteIntermediate(String id, java.util.Set<String> keptBy) {
        if (!intermediate.contains(id) || keptBy.contains(id)) {
            return false;
        }
        for (String child : intermediate) {
            if (id.equals(parents.get(child))) {
                return false;
            }
        }
        for (Stored s : stored()) {
            if (id.equals(parents.get(s.image().id()))) {
                return false;
            }
        }
        intermediate.remove(id);
        return true;
    }

    /**
     * The layers a committed image {@code id} has over its catalogue base, bottom first, by chain ID
     * (hex): its parent's and, when its commit changed something, its own (image/rootfs.go ChainID:
     * the digest of the parent's chain ID, a space and the layer's diff ID), which equal contents on
     * one parent share as moby's layer store does.
     */
    public void layers(String id, List<String> chainIds) {
        if (!chainIds.isEmpty()) {
            layers.put(id, List.copyOf(chainIds));
        }
    }

    /** The layers {@link #layers(String, List)} recorded for image {@code id}, bottom first; none for a pulled or built one. */
    public List<String> layers(String id) {
        return layers.getOrDefault(id, List.of());
    }

    /** How many images this daemon has made or loaded. */
    public int made() {
        return byId.size();
    }

    /** The image with ID {@code id} this daemon made or loaded, or null. */
    public BuiltImage byId(String id) {
        return byId.get(id);
    }

    /** The history this daemon keeps of image {@code id} (oldest first), or null for a pulled one. */
    public List<ImageHistory.Entry> history(String id) {
        return histories.get(id);
    }

    /** The image {@code id} was committed from, or null. */
    public String parent(String id) {
        return parents.get(id);
    }

    /** Remembers that the archive whose SHA-256 is {@code digest} holds the files of an image with {@code config}. */
    public void exported(String digest, ImageConfig config) {
        exported.put(digest, config);
    }

    /** The config of the image whose files the archive {@code digest} holds, or null for one {@code docker export} did not write. */
    public ImageConfig exportedConfig(String digest) {
        return exported.get(digest);
    }

    /** Names {@code image} the built image {@code b} (the exporter's "naming to"), taking the name from any image that had it. */
    public void tag(String image, BuiltImage b) {
        String name = key(image);
        BuiltImage before = built.get(name);
        dangling.remove(b.id());
        if (before != null && !before.id().equals(b.id()) && byId.containsKey(before.id())
                && built.entrySet().stream().noneMatch(e -> !e.getKey().equals(name) && e.getValue().id().equals(before.id()))) {
            dangling.add(before.id()); // its last name went to another image: <none>:<none>
        }
        built.put(name, b);
        pulled.remove(name);
        pulled.add(name);
    }

    /** Whether {@code image} is a name {@code docker tag} gave. */
    public boolean tagged(String image) {
        return tags.containsKey(key(image));
    }

    /** The built image named {@code image} (or, for a dangling one, its ID or a prefix of it), or null. */
    public BuiltImage built(String image) {
        BuiltImage b = built.get(key(image));
        if (b == null && image != null && imageId(image)) {
            String hex = image.replaceFirst("^sha256:", "");
            return dangling.stream().filter(id -> id.substring("sha256:".length()).startsWith(hex)).findFirst().map(byId::get).orElse(null);
        }
        return b;
    }

    /**
     * Forgets that the daemon has {@code image}: a build's base, which BuildKit loads for a RUN's
     * container into its own store, not into the images {@code docker images} lists.
     */
    public void forget(String image) {
        pulled.remove(key(image));
    }

    /** Records that the daemon has {@code image} now; false when it had it already. */
    public boolean pull(String image) {
        return pulled.add(key(image));
    }

    /** An image the daemon has under one familiar tagged name ({@code alpine:latest}): its repository, tag and what it is. */
    public record Stored(String name, String repository, String tag, PublishedImages.Published image) {
    }

    /** The daemon's images, one per tagged name, in pull order. */
    public java.util.List<Stored> stored() {
        java.util.List<Stored> out = new java.util.ArrayList<>();
        for (String name : pulled) {
            int colon = name.lastIndexOf(':');
            boolean tagged = colon > name.lastIndexOf('/') && !name.contains("@");
            out.add(new Stored(name, tagged ? name.substring(0, colon) : name.split("@")[0], tagged ? name.substring(colon + 1) : "<none>",
                    published(name)));
        }
        for (String id : dangling) {
            BuiltImage b = byId.get(id);
            out.add(new Stored(id, "<none>", "<none>", new PublishedImages.Published(id, b.created(), b.size())));
        }
        return out;
    }

    /** What the daemon has (or would pull) for {@code image}: its ID, creation time and size. */
    public PublishedImages.Published published(String image) {
        BuiltImage b = built(image);
        if (b != null) {
            return new PublishedImages.Published(b.id(), b.created(), b.size());
        }
        String source = tags.get(key(image));
        return source != null ? published(source) : PublishedImages.of(image, config(image));
    }

    /** Removes the tagged name {@code familiar}; false when the daemon had no such name. */
    boolean untag(String familiar) {
        if (dangling.remove(familiar)) {
            return true;
        }
        tags.remove(familiar);
        built.remove(familiar);
        return pulled.remove(familiar);
    }

    /**
     * The repository digest a pulled name brings ({@code busybox@sha256:...}, the registry's
     * manifest digest, dockwire's own digest of the canonical name); null for a name {@code docker
     * tag} gave, which no registry knows.
     */
    public String repoDigest(String familiar) {
        PullNames pull = pullNames(familiar);
        BuiltImage made = built.get(familiar);
        if (pull == null || local(familiar) || made != null && byId.containsKey(made.id())) {
            return null; // no registry knows a committed, imported or loaded image (moby keeps no RepoDigests for them)
        }
        String repository = familiar.contains("@") ? familiar.split("@")[0] : familiar.substring(0, familiar.lastIndexOf(':'));
        return repository + "@" + Manifests.of(familiar, Images.config(familiar)).digest();
    }

    /** Whether {@code familiar} is a name {@code docker tag} gave, which no registry knows (no repository digest). */
    boolean local(String familiar) {
        return tags.containsKey(familiar);
    }

    /**
     * The image {@code ref} names as the daemon's GetImage finds it: a tagged name it has
     * ({@code busybox} is {@code busybox:latest}), else an image ID or a prefix of one
     * ({@code sha256:} optional); null when it has none.
     */
    public Stored find(String ref) {
        List<Stored> all = stored();
        String familiar = familiar(ref);
        for (Stored s : all) {
            if (s.name().equals(familiar)) {
                return s;
            }
        }
        if (!ref.matches("(sha256:)?[0-9a-f]{1,64}")) {
            return null;
        }
        String hex = ref.replaceFirst("^sha256:", "");
        return all.stream().filter(s -> s.image().id().substring("sha256:".length()).startsWith(hex)).findFirst().orElse(null);
    }

    /**
     * {@code docker tag SOURCE TARGET} (daemon/images/image_tag.go TagImage): TARGET names the
     * image SOURCE finds, replacing what it named before; {@code at} is the image's LastTagTime.
     * Returns the daemon's error, or null.
     */
    public String tag(String source, String target, java.time.Instant at) {
        Stored image = find(source);
        if (image == null) {
            Reference ref = Reference.parse(source);
            return "No such image: " + (ref == null || source.matches("(sha256:)?[0-9a-f]{64}") ? source : ref.familiarTagged());
        }
        String name = familiar(target);
        pulled.remove(name);
        tags.remove(name);
        if (!name.equals(image.name())) {
            String origin = tags.getOrDefault(image.name(), image.name());
            tags.put(name, origin);
        }
        pulled.add(name);
        lastTagged.put(image.image().id(), at);
        return null;
    }

    /** When {@code docker tag} last named image {@code id}; null when it never did (a pulled image's LastTagTime is Go's zero time). */
    public java.time.Instant lastTagged(String id) {
        return lastTagged.get(id);
    }

    /** The images the daemon has pulled, by their familiar tagged names, in pull order. */
    public java.util.List<String> pulled() {
        return java.util.List.copyOf(pulled);
    }

    /**
     * Declares what an image dockwire does not model runs: an HTTP server on {@code port} answering
     * {@code text}, or its hostname when {@code text} is null (so load balancing is visible).
     */
    public void declare(String image, int port, String text) {
        declared.put(key(image), new ImageDaemons.Declared(port, text));
    }

    /** The declaration of {@code image} under any of its names ({@code app}, {@code app:latest}, {@code docker.io/library/app}). */
    ImageDaemons.Declared declared(String image) {
        return declared.get(tags.getOrDefault(key(image), key(image)));
    }

    /**
     * The image's config: a declared image's says only that it exposes the port it serves (a
     * declaration names no entrypoint); otherwise the catalogue's; null for an image the daemon
     * does not have.
     */
    public ImageConfig config(String image) {
        BuiltImage b = built(image);
        if (b != null) {
            return b.config();
        }
        String source = tags.get(key(image));
        if (source != null) {
            return config(source);
        }
        ImageDaemons.Declared d = declared(image);
        if (d != null) {
            return new ImageConfig(image, List.of(), List.of(), List.of(ImageConfig.DEFAULT_PATH), "", "",
                    List.of(d.port() + "/tcp"), "SIGTERM", null, Map.of());
        }
        return Images.config(image);
    }

    /**
     * What pulling {@code image} fails with when the daemon does not have it: Docker Hub's answer
     * for a repository that does not exist (moby distribution/errors.go, notFoundError with
     * errcode.ErrorCodeDenied), or null when the daemon has it. A reference that does not parse is
     * left to the daemon's other checks.
     */
    public String pullError(String image) {
        Reference ref = Reference.parse(image);
        if (ref == null || config(image) != null) {
            return null;
        }
        return "pull access denied for " + ref.familiarName() + ", repository does not exist or may require 'docker login': "
                + "denied: requested access to the resource is denied";
    }

    /**
     * Why the CLI refuses {@code image} before asking the daemon (distribution/reference
     * ParseNormalizedNamed), or null for a valid reference: an upper-case repository is named with
     * the {@code library/} prefix Docker Hub's official images get.
     */
    public static String referenceError(String image) {
        if (Reference.parse(image) != null) {
            return null;
        }
        String remote = image.split("[:@]", 2)[0];
        int slash = remote.indexOf('/');
        String first = slash < 0 ? "" : remote.substring(0, slash);
        if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            remote = remote.substring(slash + 1);
        } else if (slash < 0) {
            remote = "library/" + remote;
        }
        if (!remote.toLowerCase(java.util.Locale.ROOT).equals(remote)
                && Reference.parse(image.toLowerCase(java.util.Locale.ROOT)) != null) {
            return "invalid reference format: repository name (" + remote + ") must be lowercase";
        }
        return "invalid reference format";
    }

    /** The CLI's line before it pulls (docker/cli container/create.go): {@code Unable to find image 'app:latest' locally}. */
    public static String unableToFind(String image) {
        Reference ref = Reference.parse(image);
        return "Unable to find image '" + (ref == null ? image : ref.familiarTagged()) + "' locally";
    }

    /** The name the daemon gives {@code image}: {@code nginx} and {@code docker.io/library/nginx:latest} are {@code nginx:latest}. */
    public static String familiar(String image) {
        return key(image);
    }

    /**
     * Whether {@code image} is a full or short image ID, as {@code docker run} accepts one in place of a
     * name: {@code (sha256:)?[0-9a-f]{1,64}}, scanned in place (every create asks about its image name).
     */
    static boolean imageId(String image) {
        int from = image.startsWith("sha256:") ? "sha256:".length() : 0;
        int n = image.length() - from;
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = from; i < image.length(); i++) {
            char ch = image.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** An image name and its {@link #key}: the last one asked for, as a create asks for its image's several times. */
    private record Keyed(String image, String key) {
    }

    private static volatile Keyed lastKey;

    private static String key(String image) {
        Keyed last = lastKey;
        if (last != null && java.util.Objects.equals(last.image, image)) {
            return last.key;
        }
        Reference ref = Reference.parse(image);
        String key = ref == null ? image : ref.familiarTagged();
        lastKey = new Keyed(image, key);
        return key;
    }
}
