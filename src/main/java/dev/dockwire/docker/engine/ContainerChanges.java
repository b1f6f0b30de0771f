package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import java.util.ArrayList;
import java.util.HashMap;
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
     * Files the catalogue's images have whose text dockwire does not keep, which a container's
     * program rewrites: nginx's entrypoint (10-listen-on-ipv6-by-default.sh) edits default.conf in
     * place, so a started nginx shows {@code C /etc/nginx/conf.d/default.conf} as on a Docker host.
     */
    private static final Map<String, Set<String>> IMAGE_FILES = Map.of(
            "nginx", Set.of("/etc/nginx/conf.d/default.conf", "/etc/nginx/nginx.conf", "/etc/nginx/mime.types",
                    "/usr/share/nginx/html/50x.html"));

    private final Engine engine;

    public ContainerChanges(Engine engine) {
        this.engine = engine;
    }

    /** {@code GET /containers/ID/changes}: {@code A /path} and {@code C /path} lines, or the daemon's {@code No such container}. */
    public List<String> changes(String ref) {
        Container c = engine.container(ref);
        Map<String, String> image = imageFiles(c);
        // Component-wise order: a directory before what it holds ("/a" < "/a/b" < "/a-b").
        TreeMap<String, Character> changes = new TreeMap<>((a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0')));
        for (String p : c.filePaths()) {
            if (DOCKER_FILES.contains(p) || mounted(c, p)) {
                continue;
            }
            String before = image.get(p);
            if (before != null && before.equals(c.file(p))) {
                continue;
            }
            changes.put(p, before != null || imageFile(c, p) ? 'C' : 'A');
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                String dir = p.substring(0, slash);
                changes.putIfAbsent(dir, imageHas(c, image, dir) ? 'C' : 'A');
            }
        }
        List<String> out = new ArrayList<>(changes.size());
        changes.forEach((path, kind) -> out.add(kind + " " + path));
        return out;
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

    /** The files {@code c}'s image brings: a built image's (COPY, RUN's writes) and the catalogue image's own (nginx's index.html). */
    private Map<String, String> imageFiles(Container c) {
        Map<String, String> files = new HashMap<>(ImageDaemons.stockFiles(c));
        ImageService.BuiltImage built = c.image() == null ? null : engine.images().built(c.image());
        if (built != null) {
            files.putAll(built.files());
        }
        return files;
    }

    /** Whether the image has directory {@code dir}: one of its root file system's, or one above a file it brings. */
    private static boolean imageHas(Container c, Map<String, String> image, String dir) {
        if (ContainerArchive.imageDirectory(c, dir)) {
            return true;
        }
        String prefix = dir + "/";
        return image.keySet().stream().anyMatch(p -> p.startsWith(prefix));
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
