package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.DeviceMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's {@code /dev} as runc 1.2 makes it of moby 28's spec on a Debian 12 host
 * (libcontainer/rootfs_linux.go): a 64 MiB tmpfs, mode 755, with the mountpoints of devpts
 * ({@code /dev/pts}: its {@code ptmx}, and {@code 0} for a {@code -t} container's terminal),
 * {@code mqueue} and {@code shm} (tmpfs of {@code --shm-size}, mode 1777), in the spec's order;
 * then createDevices' nodes — specconv's AllowedDevices ({@code null 1,3}, {@code random 1,8},
 * {@code full 1,7}, {@code tty 5,0}, {@code zero 1,5}, {@code urandom 1,9}, crw-rw-rw-) and the
 * {@code --device}s ({@link HostDevices}, their directories made 755) —; setupPtmx's
 * {@code ptmx -> pts/ptmx}; setupDevSymlinks' {@code fd}, {@code stdin}, {@code stdout},
 * {@code stderr} into /proc/self/fd and {@code core -> /proc/kcore} (the host kernel has
 * CONFIG_PROC_KCORE); and with a terminal {@code console}, the pty bound over it (136,0,
 * crw--w---- root:tty). Everything is root's and dated the container's start. Inodes are numbered
 * in that order from 2 (the root is 1), and readdir lists a tmpfs directory newest first
 * (dcache_readdir), so {@code find /dev} walks it so. A tmpfs directory's size is 20 per entry
 * with "." and ".." (BOGO_DIRENT_SIZE); devpts' root is 0. What a process writes or makes under
 * /dev is the container's own files, listed beside these.
 */
final class DevTmpfs {
    /** A node of /dev: path, mode with its S_IFMT bits, st_rdev, group, a link's target (else null), inode. */
    record Node(String path, int mode, long rdev, int gid, String target, long inode) {
        boolean directory() {
            return (mode & 0170000) == Commands.Stat.DIRECTORY;
        }
    }

    static final String ROOT = "/dev";
    private static final String PTS = "/dev/pts";
    /** shmem's BOGO_DIRENT_SIZE. */
    private static final int DIRENT = 20;
    private static final int CHR = Commands.Stat.CHAR_DEVICE;
    private static final int DIR = Commands.Stat.DIRECTORY;
    private static final int LNK = Commands.Stat.SYMLINK;
    /** The group tty: devpts' gid=5, the console's. */
    private static final int TTY = 5;
    /** specconv's AllowedDevices with a path, in its order. */
    private static final String[][] DEFAULT = {{"null", "1", "3"}, {"random", "1", "8"}, {"full", "1", "7"}, {"tty", "5", "0"},
        {"zero", "1", "5"}, {"urandom", "1", "9"}};
    private static final String[][] LINKS = {{"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"}, {"stdout", "/proc/self/fd/1"},
        {"stderr", "/proc/self/fd/2"}, {"core", "/proc/kcore"}};

    private DevTmpfs() {
    }

    /** Whether {@code path} lies on the container's /dev. */
    static boolean covers(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** The nodes runc makes in {@code c}'s /dev, in the order it makes them (devpts' own last). */
    static List<Node> nodes(Container c) {
        List<Node> out = new ArrayList<>();
        for (String m : c.options().namespaces().ipc().equals("none") ? List.of("pts", "mqueue") : List.of("pts", "mqueue", "shm")) {
            add(out, "/dev/" + m, DIR | (m.equals("pts") ? 0755 : 01777), 0, 0, null);
        }
        if (c.options().privileged()) {
            // WithDevices: every host node (specconv drops the defaults they repeat), then the --devices placed elsewhere
            for (HostDevices.Node n : HostDevices.all()) {
                if (!n.path().equals("/dev/ptmx")) { // createDevices leaves it to setupPtmx
                    node(out, n);
                }
            }
        } else {
            for (String[] d : DEFAULT) {
                add(out, "/dev/" + d[0], CHR | 0666, Commands.Stat.makedev(Integer.parseInt(d[1]), Integer.parseInt(d[2])), 0, null);
            }
        }
        for (DeviceMapping m : c.options().devices()) {
            if (c.options().privileged() && m.pathOnHost().equals(m.pathInContainer())) {
                continue; // "path in container ... already exists in privileged mode"
            }
            gathered(m).forEach(n -> node(out, n));
        }
        add(out, "/dev/ptmx", LNK | 0777, 0, 0, "pts/ptmx");
        for (String[] l : LINKS) {
            add(out, "/dev/" + l[0], LNK | 0777, 0, 0, l[1]);
        }
        if (c.tty()) {
            add(out, "/dev/console", CHR | 0620, Commands.Stat.makedev(136, 0), TTY, null);
        }
        // devpts' own inodes: its root 1, ptmx 2, the first terminal 3
        out.add(new Node("/dev/pts/ptmx", CHR | 0666, Commands.Stat.makedev(5, 2), 0, null, 2));
        if (c.tty()) {
            out.add(new Node("/dev/pts/0", CHR | 0620, Commands.Stat.makedev(136, 0), TTY, null, 3));
        }
        return out;
    }

    /** createDeviceNode: the node at its place, its directory made first (MkdirAll), one made before at the path replaced. */
    private static void node(List<Node> out, HostDevices.Node n) {
        String parent = n.path().substring(0, n.path().lastIndexOf('/'));
        if (!parent.equals(ROOT) && out.stream().noneMatch(o -> o.path().equals(parent))) {
            add(out, parent, DIR | 0755, 0, 0, null);
        }
        out.removeIf(o -> o.path().equals(n.path()));
        add(out, n.path(), n.mode(), Commands.Stat.makedev(n.major(), n.minor()), n.gid(), null);
    }

    private static void add(List<Node> out, String path, int mode, long rdev, int gid, String target) {
        out.add(new Node(path, mode, rdev, gid, target, out.size() + 2));
    }

    /** The nodes of {@code m}; a mapping the host cannot give has none here (the start refused it, {@link #check}). */
    private static List<HostDevices.Node> gathered(DeviceMapping m) {
        try {
            return HostDevices.gather(m);
        } catch (dev.dockwire.docker.EngineException e) {
            return List.of();
        }
    }

    /** At start: every {@code --device} names a node of the host (WithDevices), else the daemon's error. */
    static void check(Container c) {
        c.options().devices().forEach(HostDevices::gather);
    }

    /** The node runc made at {@code path}, or null (none, or the container removed it). */
    static Node node(Container c, String path) {
        if (c.whitedOut(path)) {
            return null;
        }
        for (Node n : nodes(c)) {
            if (n.path().equals(path)) {
                return n;
            }
        }
        return null;
    }

    /** readlink(2) of {@code path} on /dev, or null. */
    static String readlink(Container c, String path) {
        Node n = node(c, path);
        return n == null ? null : n.target();
    }

    /**
     * The names in directory {@code dir} of /dev in readdir's order (newest first: what the
     * container's processes made, then runc's nodes last made first), or null when it is no
     * directory here.
     */
    static List<String> names(Container c, String dir) {
        Node self = node(c, dir);
        if (!dir.equals(ROOT) && (self == null || !self.directory()) && !c.madeDirectory(dir)) {
            return null;
        }
        String prefix = dir + "/";
        Set<String> names = new LinkedHashSet<>();
        List<String> own = new ArrayList<>();
        c.madeDirectories().stream().filter(d -> child(prefix, d)).forEach(d -> own.add(d.substring(prefix.length())));
        for (String f : c.filePaths()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                own.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        java.util.Collections.reverse(own);
        own.stream().filter(n -> !c.whitedOut(prefix + n)).forEach(names::add);
        List<Node> made = nodes(c);
        for (int i = made.size() - 1; i >= 0; i--) {
            Node n = made.get(i);
            if (child(prefix, n.path()) && !c.whitedOut(n.path())) {
                names.add(n.path().substring(prefix.length()));
            }
        }
        return List.copyOf(names);
    }

    private static boolean child(String prefix, String path) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    /**
     * lstat(2) of {@code path} on /dev: runc's nodes and the tmpfs directories (/dev, /dev/shm,
     * /dev/mqueue, those made there) dated {@code startMillis} or the latest entry made in them
     * ({@code latest}: each entry's time, -1 when none); null for what a process wrote (its file is
     * the container's, {@link ContainerStat}) or what is not there.
     */
    static Commands.Stat stat(Container c, String path, long startMillis, java.util.function.ToLongFunction<String> latest) {
        Node n = path.equals(ROOT) ? null : node(c, path);
        if (n != null && !n.directory()) {
            long size = n.target() == null ? 0 : n.target().length();
            return new Commands.Stat(n.mode(), 1, 0, n.gid(), size, 0, startMillis, n.rdev());
        }
        if (n == null && !path.equals(ROOT) && !c.madeDirectory(path)) {
            return null;
        }
        List<String> entries = names(c, path);
        int subdirectories = 0;
        long time = startMillis;
        for (String e : entries) {
            String p = path + "/" + e;
            Node child = node(c, p);
            if (child != null ? child.directory() : c.madeDirectory(p)) {
                subdirectories++;
            }
            time = Math.max(time, child == null ? latest.applyAsLong(p) : -1);
        }
        if (path.equals(PTS)) {
            return new Commands.Stat(DIR | 0755, 2, 0, 0, 0, 0, startMillis); // devpts' root: size 0, no subdirectories
        }
        int perm = n != null ? n.mode() & 07777 : c.mode(path) >= 0 ? c.mode(path) : 0755;
        long owner = n != null ? 0 : c.owner(path);
        return new Commands.Stat(DIR | perm, 2 + subdirectories, (int) (owner >>> 32), (int) owner, (long) DIRENT * (entries.size() + 2), 0,
                time);
    }

    /**
     * What {@code c}'s processes wrote on the tmpfs at {@code target} (/dev's or shm's): 4 KiB pages,
     * one for each started 4 KiB of a file's text, and inodes, one per file and directory
     * (shmem_get_inode, shmem's page accounting); null for any other mount.
     */
    static long[] used(Container c, String target) {
        if (!target.equals(ROOT) && !target.equals("/dev/shm")) {
            return null;
        }
        String prefix = target + "/";
        long pages = 0;
        long inodes = 0;
        for (String f : c.filePaths()) {
            if (f.startsWith(prefix) && (target.equals("/dev/shm") || !f.startsWith("/dev/shm/")) && !c.whitedOut(f)) {
                String text = c.file(f);
                pages += text == null ? 0 : (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4095) / 4096;
                inodes++;
            }
        }
        for (String d : c.madeDirectories()) {
            if (d.startsWith(prefix) && (target.equals("/dev/shm") || !d.startsWith("/dev/shm/"))) {
                inodes++;
            }
        }
        return new long[] {pages, inodes};
    }
}
