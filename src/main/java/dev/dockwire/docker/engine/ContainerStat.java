package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.MountSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * stat(2) of a path in a container as {@code ls -l} shows it through overlayfs: every file and
 * directory owned by root (0:0), as the images install them, but a file a process that was not
 * root created (its uid and gid, {@link Container#owner}); regular files 0644 with their text's
 * size in bytes, those in a bin or sbin directory and the images' entrypoint scripts 0755;
 * directories 0755 ({@code /tmp}, {@code /var/tmp} 1777, {@code /root} 0700) of size 4096 with one
 * 4K block, as ext4 under overlayfs reports them; a symbolic link made in the writable layer
 * lrwxrwxrwx, its size its target's length. Blocks: the text's 4K blocks. Link counts: a file
 * 1 (or the names link(2) gave it); a directory 2 and one per subdirectory as in its image's layer, but 1 where more than one
 * layer holds it, the root and the init layer's directories in every container and any the
 * writable layer holds something under (fs/overlayfs/inode.c ovl_getattr: a merged directory's
 * nlink is 1). The init layer's /.dockerenv is not listed. Times: an image's file and directory carry the image's Created date; a file the
 * container's processes wrote, when they wrote it ({@link Container#stamped}); one Docker wrote
 * (/etc/hosts, ...) the container's start; a directory the latest of the files written directly in
 * it (creat(2) updates the directory's mtime) or its image's date. /proc and /sys are empty
 * directories here: their kernel files are not listed. A tmpfs's root is {@link TmpfsMount}'s.
 */
final class ContainerStat {
    private static final Set<String> SHARED = Set.of("/tmp", "/var/tmp");
    /**
     * The directories moby's init layer holds as well as the image (daemon/initlayer/setup_unix.go:
     * /dev/pts, /dev/shm, /proc, /sys, /.dockerenv, /etc/hosts, ...): merged in every container.
     */
    private static final Set<String> INIT_LAYER = Set.of("/", "/dev", "/etc", "/proc", "/sys");
    private static final Set<String> EXECUTABLE_DIRS = Set.of("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin",
            "/usr/local/sbin");

    private ContainerStat() {
    }

    /**
     * The stat of {@code path}; {@code image} gives the image's Created date (null: it has none);
     * {@code epochMillis} is the wall time of the virtual clock's zero (the engine's); {@code names} lists a
     * directory (null: not one) as the container's {@code ls} sees it.
     */
    static Commands.Stat of(Supplier<Instant> image, long epochMillis, Container c, String path, Function<String, List<String>> names) {
        String target = c.layer().symlinkTarget(path);
        if (target != null) { // a link its processes made (symlink(2)): the link itself, stamped when made
            return new Commands.Stat(Commands.Stat.SYMLINK | 0777, 1, (int) (c.owner(path) >>> 32), (int) c.owner(path),
                    target.getBytes(StandardCharsets.UTF_8).length, 0, fileTime(image, epochMillis, c, path));
        }
        ImageTree.Node node = imageNode(c, path);
        if (node != null && node.symlink()) {
            // lstat(2) of the image's link: lrwxrwxrwx, its size the target's length (a trailing slash follows it instead)
            return new Commands.Stat(Commands.Stat.SYMLINK | 0777, 1, node.uid(), node.gid(), node.size(), 0, imageTime(image, epochMillis, c));
        }
        String text = c.file(path);
        if (text == null && node != null && node.regular()) {
            text = ""; // an image file whose text is not kept: its inode fields are the tree's
        }
        if (text != null) {
            boolean own = node != null && node.regular(); // the image's file as its layer has it
            long size = own && (node.type() == ImageTree.REGULAR || text.isEmpty()) ? node.size() : text.getBytes(StandardCharsets.UTF_8).length;
            int perm = c.mode(path) >= 0 ? c.mode(path) : own ? node.mode() : executable(path) ? 0755 : 0644; // chmod's, else the place's
            long owner = own ? (long) node.uid() << 32 | node.gid() : c.owner(path); // root's unless a process that was not root created it
            return new Commands.Stat(Commands.Stat.REGULAR | perm, c.layer().nlink(path), (int) (owner >>> 32), (int) owner, size, (size + 4095) / 4096 * 8,
                    fileTime(image, epochMillis, c, path));
        }
        List<String> entries = names.apply(path);
        if (entries == null) {
            return null;
        }
        String prefix = path.equals("/") ? "/" : path + "/";
        int links = 2;
        long latest = -1;
        for (String n : entries) {
            String p = prefix + n;
            ImageTree.Node entry = imageNode(c, p);
            if (entry != null ? entry.directory() : c.file(p) == null) {
                links++;
            }
            if (c.writtenPaths().contains(p) || c.madeDirectory(p)) {
                latest = Math.max(latest, fileTime(image, epochMillis, c, p)); // creat(2), mkdir(2) stamp the parent
            }
        }
        MountPoint mount = c.mountTable().stream().filter(m -> m.destination().equals(path)).findFirst().orElse(null);
        if (mount != null && mount.type().equals(MountSpec.TMPFS)) {
            long mounted = epochMillis + Math.max(0, c.startedAt() >= 0 ? c.startedAt() : c.created()) / 1_000_000;
            return TmpfsMount.root(c, mount, entries, links - 2, Math.max(latest, mounted));
        }
        boolean made = c.madeDirectory(path); // the writable layer's alone: its own nlink, owner, mode and time
        boolean merged = !made && (INIT_LAYER.contains(path) || c.writtenPaths().stream().anyMatch(p -> p.startsWith(prefix)));
        int perm = c.mode(path) >= 0 ? c.mode(path) : node != null ? node.mode()
                : SHARED.contains(path) ? 01777 : path.equals("/root") ? 0700 : 0755;
        // the writable layer's, else the image's tree's, else its built layers' (0: root's)
        long owner = made || node == null ? c.owner(path) : (long) node.uid() << 32 | node.gid();
        if (made) {
            latest = Math.max(latest, fileTime(image, epochMillis, c, path));
        }
        return new Commands.Stat(Commands.Stat.DIRECTORY | perm, merged ? 1 : links, (int) (owner >>> 32), (int) owner, 4096, 8,
                latest >= 0 ? latest : imageTime(image, epochMillis, c));
    }

    /** readlink(2) of {@code path} in {@code c}: a link of /dev ({@link DevTmpfs}), one its processes made, or of its image's tree (not removed or written over), else null. */
    static String readlink(Container c, String path) {
        if (DevTmpfs.covers(path)) {
            return DevTmpfs.readlink(c, path);
        }
        String made = c.layer().symlinkTarget(path); // ln -s in the writable layer
        if (made != null) {
            return made;
        }
        ImageTree tree = ImageTree.of(c);
        ImageTree.Node n = tree == null || ImageTree.removed(c, path) || c.writtenPaths().contains(path) ? null : tree.lstat(path);
        return n != null && n.symlink() ? n.target() : null;
    }

    /**
     * The node of the image's own {@link ImageTree} at {@code path} (a trailing slash follows a last link, as path
     * resolution does), or null: no tree, or the container wrote, made or removed something there.
     */
    private static ImageTree.Node imageNode(Container c, String path) {
        ImageTree tree = ImageTree.of(c);
        if (tree == null || ImageTree.removed(c, path) || c.madeDirectory(path) || c.writtenPaths().contains(path)) {
            return null;
        }
        return path.length() > 1 && path.endsWith("/") ? tree.stat(path) : tree.lstat(path);
    }

    private static boolean executable(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : path.substring(0, slash);
        return EXECUTABLE_DIRS.contains(dir) || path.equals("/docker-entrypoint.sh")
                || dir.equals("/docker-entrypoint.d") && path.endsWith(".sh");
    }

    /** A file's mtime in epoch milliseconds: when a process wrote it, else Docker's write at start, else its image's date. */
    private static long fileTime(Supplier<Instant> image, long epochMillis, Container c, String path) {
        if (!c.writtenPaths().contains(path) && !c.madeDirectory(path)) {
            return imageTime(image, epochMillis, c);
        }
        long nanos = c.stamped(path);
        if (nanos < 0) {
            nanos = c.startedAt() >= 0 ? c.startedAt() : c.created();
        }
        return epochMillis + nanos / 1_000_000;
    }

    /** The image's Created date (the container's creation for an image without one). */
    private static long imageTime(Supplier<Instant> image, long epochMillis, Container c) {
        Instant created = image.get();
        return created != null ? created.toEpochMilli() : epochMillis + Math.max(0, c.created()) / 1_000_000;
    }
}
