package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.FileStore;
import dev.dockwire.docker.MountPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code docker diff} lists (moby v28.2.2 daemon/changes.go over go-archive's ChangesDirs, the
 * overlay2 driver's naive diff of the container's root file system against its image's): each path
 * the container's processes, {@code docker cp} or anything else wrote into its writable layer,
 * {@code A} when its image has no such path and {@code C} when it has, and every directory above a
 * change ({@code C /etc} before {@code A /etc/x}: FileInfo.addChanges adds a changed directory's own
 * entry first). What Docker bind-mounts ({@code /etc/hostname}, {@code /etc/hosts},
 * {@code /etc/resolv.conf}: daemon/container_operations_unix.go) and the files of volumes and binds
 * are not in that layer and are not listed; nor is an image file written back as it was. The daemon
 * walks a Go map, so a directory's entries come in no fixed order: dockwire gives them sorted.
 */
public final class ContainerChanges {
    /** The files dockerd keeps in the container's directory and bind-mounts over the root file system. */
    private static final Set<String> DOCKER_FILES = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");

    /**
     * Files the catalogue's images have whose text dockwire does not keep ({@link ImageFiles} keeps
     * the others), which a container's program may rewrite: a change to one is {@code C}, not {@code A}.
     */
    private static final Map<String, Set<String>> IMAGE_FILES = Map.of(
            "nginx", Set.of("/etc/nginx/mime.types", "/usr/share/nginx/html/50x.html"));

    private final Engine engine;

    public ContainerChanges(Engine engine) {
        this.engine = engine;
    }

    /**
     * {@code GET /containers/ID/changes}: {@code A /path}, {@code C /path} and {@code D /path} lines
     * (an image file removed: the layer's whiteout, go-archive changes.go's ChangeDelete), or the
     * daemon's {@code No such container}.
     */
    public List<String> changes(String ref) {
        Container c = engine.container(ref);
        Map<String, String> built = builtFiles(c);
        FileStore image = c.imageFiles();
        // Component-wise order: a directory before what it holds ("/a" < "/a/b" < "/a-b").
        TreeMap<String, Character> changes = new TreeMap<>((a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0')));
        java.util.Set<String> removedBefore = builtRemoved(c);
        for (String p : c.writtenPaths()) {
            if (DOCKER_FILES.contains(p) || mounted(c, p)) {
                continue;
            }
            boolean gone = removedBefore.contains(p); // the image removed it: written again, it is added
            String before = built.containsKey(p) ? built.get(p) : image == null || gone ? null : image.read(p);
            if (before != null && before.equals(c.file(p))) {
                continue;
            }
            changes.put(p, before != null || !gone && imageFile(c, p) ? 'C' : 'A');
            directories(c, image, built, p, changes);
        }
        java.util.Set<String> opaque = c.opaqueDirectories();
        for (String p : c.madeDirectories()) {
            if (!mounted(c, p)) {
                // mkdir(2) in the writable layer; over a removed image directory an opaque one, which overlay2's
                // changes (go-archive changes.go overlayChanges) call changed, the image's files under it deleted
                changes.put(p, opaque.contains(p) ? 'C' : 'A');
                directories(c, image, built, p, changes);
            }
        }
        for (String dir : opaque) {
            for (String p : imagePaths(image, built)) {
                if (p.startsWith(dir + "/") && c.file(p) == null) {
                    changes.putIfAbsent(p, 'D');
                }
            }
        }
        for (String p : built.keySet()) {
            if (c.file(p) == null && !mounted(c, p) && !removedAbove(c, p)) {
                changes.put(p, 'D'); // a file the image's own layer brought, removed here
                directories(c, image, built, p, changes);
            }
        }
        for (String p : c.removedPaths()) {
            if (removedBefore.contains(p)) {
                continue; // the image's own whiteout, not the container's change
            }
            changes.put(p, 'D');
            directories(c, image, built, p, changes);
        }
        List<String> out = new ArrayList<>(changes.size());
        changes.forEach((path, kind) -> out.add(kind + " " + path));
        return out;
    }

    /** Whether a directory above {@code p} is whited out in {@code c}: its {@code D} line stands for all below it. */
    private static boolean removedAbove(Container c, String p) {
        for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
            if (c.removedPaths().contains(p.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** The image's file paths: its read-only layer's and its own layers'. */
    private static java.util.Set<String> imagePaths(FileStore image, Map<String, String> built) {
        java.util.Set<String> out = new java.util.TreeSet<>(built.keySet());
        if (image != null) {
            out.addAll(image.paths());
        }
        return out;
    }

    /** Every directory above {@code p}: {@code C} when the image has it, else {@code A}. */
    private static void directories(Container c, FileStore image, Map<String, String> built, String p, Map<String, Character> changes) {
        for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
            String dir = p.substring(0, slash);
            changes.putIfAbsent(dir, imageHas(c, image, built, dir) ? 'C' : 'A');
        }
    }

    /**
     * SizeRw ({@code docker ps -s}, {@code docker system df}): the bytes of the files {@code ref}'s
     * writable layer holds, as go-archive's ChangesSize adds up the changed paths that are no directory.
     */
    public long sizeRw(String ref) {
        Container c = engine.container(ref);
        long size = 0;
        for (String line : changes(ref)) {
            String content = c.file(line.substring(2));
            if (content != null) {
                size += content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return size;
    }

    /** The files a built image's COPY and RUN lines wrote (written into its containers' own files at create). */
    /** The base image's files a committed image removed, which its containers lack from the start. */
    private java.util.Set<String> builtRemoved(Container c) {
        ImageService.BuiltImage built = c.image() == null ? null : engine.images().built(c.image());
        return built == null ? java.util.Set.of() : built.removed();
    }

    private Map<String, String> builtFiles(Container c) {
        ImageService.BuiltImage built = c.image() == null ? null : engine.images().built(c.image());
        return built == null ? Map.of() : built.files();
    }

    /** Whether the image has directory {@code dir}: one of its root file system's, or one above a file it brings. */
    private static boolean imageHas(Container c, FileStore image, Map<String, String> built, String dir) {
        if (ImageDirectories.inImage(c, dir) || image != null && image.isDirectory(dir)) {
            return true;
        }
        String prefix = dir + "/";
        return built.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    private static boolean imageFile(Container c, String path) {
        return Images.config(c) != null && IMAGE_FILES.getOrDefault(Images.baseName(c), Set.of()).contains(path);
    }

    /** Whether a volume, bind or tmpfs covers {@code path}: its files are not the container's layer. */
    private static boolean mounted(Container c, String path) {
        for (MountPoint m : c.mounts()) {
            String d = m.destination();
            if (path.equals(d) || path.startsWith(d.endsWith("/") ? d : d + "/")) {
                return true;
            }
        }
        return false;
    }
}
