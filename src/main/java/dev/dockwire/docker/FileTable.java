package dev.dockwire.docker;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The files of a container or of the host that commands read and write ({@code cat}, {@code printf ... > FILE}).
 * Held as path, content, path, content, in the order first written: a container has three
 * (hostname, hosts, resolv.conf), and a map of them was some 230 bytes of each of 100,000 containers.
 * A container's table is the writable layer over its image's files ({@link #lower}), as overlayfs's
 * upperdir over the lowerdir: a read it does not answer falls through, an append copies the file up
 * first, and a removed image file is a whiteout (fs/overlayfs's 0/0 character device), which reads
 * as gone and is what {@code docker diff} lists as {@code D}; a removed image directory's whiteout
 * hides everything below it, and a directory made over a whiteout is opaque (overlayfs's
 * {@code trusted.overlay.opaque}: ovl_create_over_whiteout), so the lower files under it stay hidden.
 * A symbolic link symlink(2) made here holds its target, which reads and writes follow (path_lookupat,
 * at most 40 links); paths link(2) gave one inode share its text, so a write through one shows in all.
 */
public final class FileTable implements FileStore {
    /**
     * The lines every container's /etc/hosts begins with (libnetwork's etchosts defaultContent): a
     * text that begins with them is held as what follows (a {@link HostsTail}), some 120 bytes less of
     * each container; it reads back whole.
     */
    public static final String HOSTS_HEAD = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";
    private static final Object[] NONE = new Object[0];
    /** The content of a removed lower file: overlayfs's whiteout. */
    private static final Object WHITEOUT = new Object();
    /** The content of a directory mkdir(2) made here, which holds nothing or what lies under its path. */
    private static final Object DIRECTORY = new Object();
    /** The content of a directory mkdir(2) made over a whiteout: it holds nothing of the lower files under its path. */
    private static final Object OPAQUE = new Object();
    /** Path, content, path, content: a content is a String or a {@link HostsTail}. */
    private Object[] files = NONE;
    /** The read-only files under these (an image's), or null. */
    private FileStore lower;
    /**
     * Each file's inode fields in the order of {@link #files} ({@link #meta}): its modification time
     * in virtual nanoseconds plus one (0: never stamped); once some file's owner or mode is kept,
     * three slots per file, the owner as {@code uid << 32 | gid} (0: root's, as the images install
     * theirs) and the mode with {@link #MODE_SET} (0: the one its place gives it) after the time.
     * Null until a write is stamped, owned or chmod'ed, as most containers' never are.
     */
    private long[] stamps;
    /** Marks a mode chmod(2) set, apart from 0 (none set). */
    private static final long MODE_SET = 1L << 32;

    /** Links followed in one lookup before ELOOP (the kernel's MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;
    /** Whether a symbolic link was ever made here: until one is, a path is looked up as it is written. */
    private boolean links;

    /** A symbolic link symlink(2) made here: its target as written (relative to the link's directory unless absolute). */
    private record Symlink(String target) {
    }

    /** A regular file's inode that link(2) gave more than one path: its content (a String or a {@link HostsTail}). */
    private static final class Inode {
        private Object content;

        Inode(Object content) {
            this.content = content;
        }
    }

    /** A text that is {@link #HOSTS_HEAD} followed by {@code tail}. */
    private record HostsTail(String tail) {
    }

    /** Lays this table over {@code files}, read-only: an image's, shared by its containers. */
    public void lower(FileStore files) {
        this.lower = files;
    }

    /** The files under this table, or null. */
    public FileStore lower() {
        return lower;
    }

    /** Every file's path, in the order they were first written, then the lower files not removed. */
    @Override
    public Set<String> paths() {
        Set<String> paths = written();
        if (lower != null) {
            Set<String> all = new LinkedHashSet<>(paths);
            for (String p : lower.paths()) {
                if (index(p) < 0 && !hidden(p)) {
                    all.add(p);
                }
            }
            return Collections.unmodifiableSet(all);
        }
        return paths;
    }

    /** The paths of the files written into this table itself (not its lower files, whiteouts or directories), in the order first written. */
    public Set<String> written() {
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] != WHITEOUT && !directory(files[i + 1])) {
                paths.add((String) files[i]);
            }
        }
        return Collections.unmodifiableSet(paths);
    }

    /** The lower files removed here (the whiteouts), in the order removed. */
    public Set<String> whiteouts() {
        return entries(WHITEOUT, WHITEOUT);
    }

    /** The directories mkdir(2) made here, in the order made. */
    public Set<String> directories() {
        return entries(DIRECTORY, OPAQUE);
    }

    /** The directories mkdir(2) made over a whiteout here (opaque: no lower file below shows through), in the order made. */
    public Set<String> opaqueDirectories() {
        return entries(OPAQUE, OPAQUE);
    }

    private Set<String> entries(Object kind, Object or) {
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] == kind || files[i + 1] == or) {
                paths.add((String) files[i]);
            }
        }
        return Collections.unmodifiableSet(paths);
    }

    /**
     * mkdir(2) of {@code path} in this table: an empty directory with fresh inode fields (a
     * whiteout replaced by an opaque directory, as overlayfs makes it); false when a file or
     * directory is there already.
     */
    public boolean mkdir(String path) {
        String p = normalize(path);
        int i = index(p);
        if (i >= 0 && files[i + 1] != WHITEOUT || i < 0 && (read(p) != null || holdsFilesUnder(p))) {
            return false;
        }
        if (i < 0) {
            append(p, DIRECTORY);
        } else {
            files[i + 1] = OPAQUE;
            if (stamps != null) {
                Arrays.fill(stamps, meta(i), meta(i) + width(), 0);
            }
        }
        return true;
    }

    /** Whether {@code path} is a directory mkdir(2) made here. */
    public boolean madeDirectory(String path) {
        int i = index(normalize(path));
        return i >= 0 && directory(files[i + 1]);
    }

    /**
     * rmdir(2) of directory {@code path} (empty, or made so by {@code rm -r}): what this table holds
     * below it goes, and the directory is gone; {@code below}: the image's directory, which a
     * whiteout hides (overlayfs's ovl_remove_and_whiteout).
     */
    public void removeDirectory(String path, boolean below) {
        String p = normalize(path);
        String prefix = p.equals("/") ? p : p + "/";
        for (int i = files.length - 2; i >= 0; i -= 2) {
            if (((String) files[i]).startsWith(prefix)) {
                drop(i);
            }
        }
        int i = index(p);
        boolean lowerDir = below || lower != null && !hidden(p) && lower.isDirectory(p);
        if (i >= 0 && files[i + 1] == OPAQUE) {
            lowerDir = true;
        }
        if (i >= 0) {
            drop(i);
        }
        if (lowerDir) {
            append(p, WHITEOUT);
        }
    }

    /** Whether {@code path} is whited out here, or lies under a whiteout or an opaque directory: no lower file shows there. */
    public boolean hidden(String path) {
        String p = normalize(path);
        for (int i = 0; i < files.length; i += 2) {
            Object kind = files[i + 1];
            if (kind == WHITEOUT || kind == OPAQUE) {
                String e = (String) files[i];
                if (p.startsWith(e) && p.length() > e.length() && (p.charAt(e.length()) == '/' || e.equals("/"))
                        || kind == WHITEOUT && p.equals(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean directory(Object kind) {
        return kind == DIRECTORY || kind == OPAQUE;
    }

    @Override
    public String read(String path) {
        String p = resolve(normalize(path), true);
        if (p == null) {
            return null;
        }
        int i = index(p);
        if (i >= 0) {
            return files[i + 1] == WHITEOUT || directory(files[i + 1]) ? null : text(files[i + 1]);
        }
        return lower == null || hidden(p) ? null : lower.read(p);
    }

    /**
     * {@code rm FILE} (unlink(2)), or rmdir(2) of a directory made here: the file is gone; one the
     * lower files hold is whited out. False when there is no such file.
     */
    public boolean remove(String path) {
        String p = normalize(path);
        int i = index(p);
        boolean below = lower != null && !hidden(p) && lower.read(p) != null;
        if (i >= 0 && files[i + 1] == WHITEOUT) {
            return false;
        }
        if (i < 0 && !below) {
            return false;
        }
        if (below) {
            if (i < 0) {
                append(p, WHITEOUT);
            } else {
                files[i + 1] = WHITEOUT;
                if (stamps != null) {
                    Arrays.fill(stamps, meta(i), meta(i) + width(), 0); // the inode is gone: a new file here starts afresh
                }
            }
        } else {
            drop(i);
        }
        return true;
    }

    /** Forgets the entry at index {@code i} of {@link #files} and its inode fields. */
    private void drop(int i) {
        int w = width();
        Object[] f = new Object[files.length - 2];
        System.arraycopy(files, 0, f, 0, i);
        System.arraycopy(files, i + 2, f, i, files.length - i - 2);
        files = f.length == 0 ? NONE : f;
        if (stamps != null) {
            long[] st = new long[f.length / 2 * w];
            int k = i / 2 * w;
            System.arraycopy(stamps, 0, st, 0, k);
            System.arraycopy(stamps, k + w, st, k, st.length - k);
            stamps = st;
        }
    }

    /** Writes or appends; {@code /dev/null} swallows everything. */
    @Override
    public boolean write(String path, String content, boolean append) {
        String p = resolve(normalize(path), true);
        if (p == null || p.equals("/dev/null")) {
            return p != null;
        }
        Objects.requireNonNull(content);
        int i = index(p);
        if (i >= 0 && directory(files[i + 1])) {
            return false; // open(2) of a directory for writing: EISDIR
        }
        if (i < 0) {
            // An append to a lower file copies it up first (ovl_copy_up).
            String below = append && lower != null && !hidden(p) ? lower.read(p) : null;
            append(p, held(below == null ? content : below + content));
        } else {
            Object was = files[i + 1];
            Object now = held(append && was != WHITEOUT ? text(was) + content : content);
            if (was instanceof Inode inode) {
                inode.content = now; // every path of the inode reads it
            } else {
                files[i + 1] = now;
            }
        }
        return true;
    }

    private void append(String path, Object held) {
        int w = width();
        Object[] f = Arrays.copyOf(files, files.length + 2);
        f[f.length - 2] = path;
        f[f.length - 1] = held;
        files = f;
        if (stamps != null) {
            stamps = Arrays.copyOf(stamps, files.length / 2 * w);
        }
    }

    /** Records that {@code path}, written here, was modified at {@code nanos} of the virtual clock (write(2)'s mtime update). */
    public void stamp(String path, long nanos) {
        int i = index(normalize(path));
        if (i < 0) {
            return;
        }
        if (stamps == null) {
            stamps = new long[files.length / 2];
        }
        stamps[meta(i)] = nanos + 1;
    }

    /** The slots per file in {@link #stamps}: 1 (times only) until an owner or a mode is kept, then 3. */
    private int width() {
        int n = files.length / 2;
        return stamps == null || n == 0 || stamps.length == n ? 1 : 3;
    }

    /** The first {@link #stamps} slot of the file at index {@code i} of {@link #files}. */
    private int meta(int i) {
        return i / 2 * width();
    }

    /** {@link #stamps} with room for owners and modes. */
    private long[] wide() {
        int n = files.length / 2;
        if (stamps == null) {
            stamps = new long[n * 3];
        } else if (width() == 1) {
            long[] w = new long[n * 3];
            for (int k = 0; k < stamps.length; k++) {
                w[k * 3] = stamps[k];
            }
            stamps = w;
        }
        return stamps;
    }

    /** Sets the permission bits of {@code path}, written here (chmod(2)); false when this table does not hold it. */
    public boolean chmod(String path, int mode) {
        int i = index(normalize(path));
        if (i < 0) {
            return false;
        }
        wide()[meta(i) + 2] = MODE_SET | (mode & 07777);
        return true;
    }

    /**
     * The permission bits chmod(2) gave {@code path} here, else those of the layers below when they are a
     * table (overlayfs shows the lower inode's), or -1 when none were set.
     */
    public int mode(String path) {
        String p = normalize(path);
        int i = index(p);
        if (i < 0) {
            return lower instanceof FileTable below && !hidden(p) ? below.mode(p) : -1;
        }
        return width() < 3 || stamps[meta(i) + 2] == 0 ? -1 : (int) (stamps[meta(i) + 2] & 07777);
    }

    /** Records that {@code path}, written here, belongs to {@code uid}:{@code gid} (open(2)'s O_CREAT by that process's fsuid and fsgid). */
    public void own(String path, int uid, int gid) {
        int i = index(normalize(path));
        if (i < 0) {
            return;
        }
        wide()[meta(i) + 1] = (long) uid << 32 | (gid & 0xffffffffL);
    }

    /**
     * The owner of {@code path} as {@code uid << 32 | gid}: root's (0) unless a process that was not root
     * created it here, or the layers below (a table) hold it with another owner.
     */
    public long owner(String path) {
        String p = normalize(path);
        int i = index(p);
        if (i < 0) {
            return lower instanceof FileTable below && !hidden(p) ? below.owner(p) : 0;
        }
        return width() < 3 ? 0 : stamps[meta(i) + 1];
    }

    /** When {@code path}, written here, was last stamped (virtual nanoseconds), or -1 when it never was. */
    public long stamped(String path) {
        int i = index(normalize(path));
        return i < 0 || stamps == null ? -1 : stamps[meta(i)] - 1;
    }

    private static Object held(String content) {
        return content.length() > HOSTS_HEAD.length() && content.startsWith(HOSTS_HEAD)
                ? new HostsTail(content.substring(HOSTS_HEAD.length())) : content;
    }

    private static String text(Object held) {
        if (held instanceof Inode inode) {
            held = inode.content;
        }
        return held instanceof HostsTail t ? HOSTS_HEAD + t.tail() : (String) held;
    }

    /**
     * symlink(2): {@code path} made a symbolic link to {@code target} (kept as written); false when
     * something is there already (EEXIST) or a directory component is missing.
     */
    public boolean symlink(String path, String target) {
        String p = resolve(normalize(path), false);
        if (p == null || exists(p)) {
            return false;
        }
        links = true;
        put(p, new Symlink(target));
        return true;
    }

    /** The target of {@code path} when it is a symbolic link made here (readlink(2), its directories followed), else null. */
    public String symlinkTarget(String path) {
        if (!links) {
            return null;
        }
        String p = resolve(normalize(path), false);
        int i = p == null ? -1 : index(p);
        return i >= 0 && files[i + 1] instanceof Symlink l ? l.target() : null;
    }

    /** realpath(3) of {@code path} with the links made here: every component's link followed, the last one's too; null on ELOOP. */
    public String realpath(String path) {
        return resolve(normalize(path), true);
    }

    /**
     * link(2): {@code path} made another name of the file {@code existing} (a lower file copied up
     * first, as overlayfs's ovl_link does; a symbolic link is linked itself, not followed); false
     * when {@code existing} is no file here, or {@code path} is taken.
     */
    public boolean link(String existing, String path) {
        String from = resolve(normalize(existing), false);
        String p = resolve(normalize(path), false);
        if (from == null || p == null || exists(p)) {
            return false;
        }
        int i = index(from);
        if (i < 0 || files[i + 1] == WHITEOUT) {
            String below = lower == null || hidden(from) ? null : lower.read(from);
            if (below == null) {
                return false;
            }
            write(from, below, false);
            i = index(from);
        }
        Object held = files[i + 1];
        if (held == WHITEOUT || directory(held)) {
            return false;
        }
        if (!(held instanceof Symlink) && !(held instanceof Inode)) {
            held = new Inode(held);
            files[i + 1] = held;
        }
        put(p, held);
        return true;
    }

    /** The number of paths here that name {@code path}'s inode (st_nlink of a file linked here), 1 for any other. */
    public int nlink(String path) {
        String p = resolve(normalize(path), false);
        int i = p == null ? -1 : index(p);
        if (i < 0 || !(files[i + 1] instanceof Inode inode)) {
            return 1;
        }
        int n = 0;
        for (int k = 1; k < files.length; k += 2) {
            n += files[k] == inode ? 1 : 0;
        }
        return n;
    }

    /** The first path here naming {@code path}'s inode (the one its inode number is drawn from), else {@code path} itself. */
    public String inodePath(String path) {
        String p = resolve(normalize(path), false);
        int i = p == null ? -1 : index(p);
        if (i < 0 || !(files[i + 1] instanceof Inode inode)) {
            return path;
        }
        for (int k = 1; k < files.length; k += 2) {
            if (files[k] == inode) {
                return (String) files[k - 1];
            }
        }
        return path;
    }

    /** Whether {@code p} (resolved) names something: a file, link or directory here or below. */
    private boolean exists(String p) {
        int i = index(p);
        if (i >= 0) {
            return files[i + 1] != WHITEOUT;
        }
        return read(p) != null || holdsFilesUnder(p) || lower != null && !hidden(p) && lower.isDirectory(p);
    }

    /** Puts {@code held} at {@code p}, over a whiteout there (which then starts afresh) or as a new entry. */
    private void put(String p, Object held) {
        int i = index(p);
        if (i < 0) {
            append(p, held);
            return;
        }
        files[i + 1] = held;
        if (stamps != null) {
            Arrays.fill(stamps, meta(i), meta(i) + width(), 0);
        }
    }

    /**
     * {@code path} with the symbolic links made here followed: every directory component's, and the
     * last one's when {@code followLast} (a dangling link leads to its target's path); null when links
     * loop (ELOOP). Without links here, {@code path} itself.
     */
    private String resolve(String path, boolean followLast) {
        if (!links) {
            return path;
        }
        String p = path;
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            String next = step(p, followLast);
            if (next == null) {
                return p;
            }
            p = next;
        }
        return null;
    }

    /** {@code path} with its first link made here followed once, or null when it crosses none. */
    private String step(String path, boolean followLast) {
        int end = 0;
        while (end >= 0) {
            end = path.indexOf('/', end + 1);
            String prefix = end < 0 ? path : path.substring(0, end);
            if (end < 0 && !followLast) {
                return null;
            }
            int i = index(prefix);
            if (i >= 0 && files[i + 1] instanceof Symlink l) {
                String dir = prefix.substring(0, prefix.lastIndexOf('/'));
                String target = l.target().startsWith("/") ? l.target() : dir + "/" + l.target();
                String rest = end < 0 ? "" : path.substring(end);
                return dev.dockwire.libc.LexicalPath.clean(target + rest);
            }
        }
        return null;
    }

    /**
     * Whether some file lies under {@code dir} (a directory that holds files exists); a directory of
     * the lower files stays one when its files are removed, as overlayfs keeps the lower directory.
     */
    public boolean holdsFilesUnder(String dir) {
        String resolved = resolve(normalize(dir), true); // a link made here to a directory leads into it
        dir = resolved == null ? dir : resolved;
        String prefix = normalize(dir).endsWith("/") ? normalize(dir) : normalize(dir) + "/";
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] != WHITEOUT && (((String) files[i]).startsWith(prefix) || directory(files[i + 1]) && prefix.equals(files[i] + "/"))) {
                return true;
            }
        }
        return lower != null && !hidden(dir) && lower.isDirectory(normalize(dir));
    }

    /** Whether {@code path} is a directory: the root, one made here, one a file lies under, or one of the layers below. */
    @Override
    public boolean isDirectory(String path) {
        return normalize(path).equals("/") || holdsFilesUnder(path);
    }

    private int index(String path) {
        for (int i = 0; i < files.length; i += 2) {
            if (files[i].equals(path)) {
                return i;
            }
        }
        return -1;
    }

    private static String normalize(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        // "./s", "a//b", "d/../f" name what their folded path names (a trailing slash is kept: it follows a link)
        if (p.contains("/.") || p.contains("//")) {
            String clean = dev.dockwire.libc.LexicalPath.clean(p);
            return p.endsWith("/") && !clean.equals("/") ? clean + "/" : clean;
        }
        return p;
    }
}
