package dev.dockwire.host;

import dev.dockwire.libc.LexicalPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The emulated host's files as its commands see them: an overlay as overlayfs makes one (an upper
 * layer in memory over the machine's disk as a read-only lower layer; a removed lower entry is
 * hidden by a whiteout, a directory made again where one was removed is opaque), with directories
 * and a working directory. What the host's commands write or remove never reaches the disk, and a
 * file written where only the disk has a directory covers that directory, so that the emulated host
 * writes the same wherever it runs. Symbolic links made here (symlink(2), {@code ln -s}) are kept
 * in the upper layer with their targets as written; a path is looked up through them as
 * path_lookupat does (every directory component's link followed, the last one's unless lstat,
 * readlink or unlink asks for the link itself, at most 40 links: ELOOP).
 */
final class HostFileSystem {
    /** The errors of the system calls this view answers, with their strerror(3) texts. */
    enum Errno {
        ENOENT("No such file or directory"), EEXIST("File exists"), ENOTDIR("Not a directory"),
        EISDIR("Is a directory"), ENOTEMPTY("Directory not empty"), EINVAL("Invalid argument"),
        ELOOP("Too many levels of symbolic links");

        final String text;

        Errno(String text) {
            this.text = text;
        }
    }

    /**
     * What {@code stat(2)} tells {@code ls -l}: a directory or not, the mode's permission bits, size and
     * mtime; {@code link} the target of a symbolic link lstat(2) found (mode 0777, size the target's length), else null.
     */
    record Stat(boolean directory, int mode, long size, long mtimeMillis, String link) {
        Stat(boolean directory, int mode, long size, long mtimeMillis) {
            this(directory, mode, size, mtimeMillis, null);
        }

        boolean symlink() {
            return link != null;
        }
    }

    /** path_lookupat's limit of links followed in one lookup (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private final Map<String, String> files = new TreeMap<>();
    private final Set<String> directories = new TreeSet<>(Set.of("/"));
    private final Map<String, Long> mtimes = new HashMap<>();
    private final Set<String> whiteouts = new HashSet<>();
    private final Set<String> opaque = new HashSet<>();
    /** The symbolic links made here: path to target as written. */
    private final Map<String, String> links = new HashMap<>();
    private final LongSupplier clock;
    private String cwd;

    /** {@code clock}: the wall time in milliseconds that new entries get as their mtime. */
    HostFileSystem(String cwd, LongSupplier clock) {
        this.cwd = LexicalPath.clean(cwd);
        this.clock = clock;
    }

    String cwd() {
        return cwd;
    }

    /** chdir(2): null, or why not. */
    Errno chdir(String path) {
        String p = resolve(path);
        Errno e = kind(p);
        if (e == Errno.EISDIR) {
            cwd = p;
        }
        return e == Errno.EISDIR ? null : e == null ? Errno.ENOTDIR : e;
    }

    /**
     * {@code path} absolute and without {@code .}, {@code ..} or doubled slashes, relative ones from the
     * working directory, the links made here followed (a looping one left as it is: ELOOP then finds nothing).
     */
    String resolve(String path) {
        String abs = LexicalPath.clean(cwd, path);
        String p = follow(abs, true);
        return p == null ? abs : p;
    }

    /** As {@link #resolve}, the last component's link not followed (lstat(2), readlink(2), unlink(2)); a trailing slash follows it. */
    String resolveLink(String path) {
        String abs = LexicalPath.clean(cwd, path);
        String p = follow(abs, path.endsWith("/"));
        return p == null ? abs : p;
    }

    /** {@code abs} with the links made here followed: each directory component's, the last one's when {@code last}; null on ELOOP. */
    private String follow(String abs, boolean last) {
        if (links.isEmpty()) {
            return abs;
        }
        String p = abs;
        int hops = 0;
        restart:
        while (true) {
            String[] parts = p.substring(1).split("/");
            String at = "";
            for (int i = 0; i < parts.length; i++) {
                String next = at + "/" + parts[i];
                String target = links.get(next);
                if (target != null && (last || i < parts.length - 1)) {
                    if (++hops > MAX_LINKS) {
                        return null;
                    }
                    String rest = String.join("/", java.util.Arrays.asList(parts).subList(i + 1, parts.length));
                    String joined = target.startsWith("/") ? target : (at.isEmpty() ? "" : at) + "/" + target;
                    p = LexicalPath.clean("/", rest.isEmpty() ? joined : joined + "/" + rest);
                    continue restart;
                }
                at = next;
            }
            return p;
        }
    }

    /** Whether looking {@code path} up meets more than 40 links (ELOOP). */
    boolean loops(String path) {
        return follow(LexicalPath.clean(cwd, path), true) == null;
    }

    /** symlink(2): {@code path} made a link to {@code target} (kept as written); null, or why not. */
    Errno symlink(String target, String path) {
        String abs = resolveLink(path.replaceAll("(.)/+$", "$1"));
        Errno k = kind(abs);
        if (k == null || k == Errno.EISDIR) {
            return Errno.EEXIST;
        }
        Errno up = kind(parent(abs));
        if (up != Errno.EISDIR) {
            return up == null ? Errno.ENOTDIR : up;
        }
        links.put(abs, target);
        created(abs);
        return null;
    }

    /** readlink(2): the target of the link {@code path} names (made here, or the disk's), or null when it is none. */
    String readlink(String path) {
        String abs = resolveLink(path);
        String made = links.get(abs);
        if (made != null || files.containsKey(abs) || directories.contains(abs) || hidden(abs)) {
            return made;
        }
        try {
            Path disk = Path.of(abs);
            return Files.isSymbolicLink(disk) ? Files.readSymbolicLink(disk).toString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** lstat(2): the link itself when {@code path} names one made here, else as {@link #stat}. */
    Stat lstat(String path) {
        String abs = resolveLink(path);
        String target = links.get(abs);
        if (target == null) {
            return stat(abs);
        }
        Long mtime = mtimes.get(abs);
        return new Stat(false, 0777, target.getBytes(StandardCharsets.UTF_8).length, mtime == null ? clock.getAsLong() : mtime, target);
    }

    private static String parent(String abs) {
        int slash = abs.lastIndexOf('/');
        return slash <= 0 ? "/" : abs.substring(0, slash);
    }

    /** Whether {@code abs} exists: null for a regular file, {@link Errno#EISDIR} for a directory, else ENOENT or ENOTDIR. */
    private Errno kind(String abs) {
        if (files.containsKey(abs) || links.containsKey(abs)) {
            return null;
        }
        if (directories.contains(abs)) {
            return Errno.EISDIR;
        }
        Errno up = abs.equals("/") ? Errno.EISDIR : kind(parent(abs));
        if (up != Errno.EISDIR) {
            return up == null || up == Errno.ENOTDIR ? Errno.ENOTDIR : Errno.ENOENT;
        }
        if (hidden(abs)) {
            return Errno.ENOENT;
        }
        Path disk = Path.of(abs);
        return Files.isDirectory(disk) ? Errno.EISDIR : Files.exists(disk) ? null : Errno.ENOENT;
    }

    /** Whether the lower layer's {@code abs} is covered: a whiteout on it or above, or an opaque directory above. */
    private boolean hidden(String abs) {
        for (String a = abs; ; a = parent(a)) {
            if (whiteouts.contains(a) || !a.equals(abs) && opaque.contains(a)) {
                return true;
            }
            if (a.equals("/")) {
                return false;
            }
        }
    }

    boolean isDirectory(String path) {
        return kind(resolve(path)) == Errno.EISDIR;
    }

    boolean exists(String path) {
        Errno k = kind(resolve(path));
        return k == null || k == Errno.EISDIR;
    }

    /** The regular file's content, or null when {@code path} is none. */
    String read(String path) {
        String abs = resolve(path);
        String written = files.get(abs);
        if (written != null || kind(abs) != null) {
            return written;
        }
        Path disk = Path.of(abs);
        if (!Files.isRegularFile(disk)) {
            return ""; // a device (/dev/tty, /dev/zero): reading the machine's own would block on it or never end
        }
        try {
            // A file that is not UTF-8 (a pcapng, an image) is still a file: its bytes as the model's
            // text, each undecodable one U+FFFD (null would say it is not there).
            return new String(Files.readAllBytes(disk), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** open(2) with O_CREAT for writing: null, or why not (its directory missing, or a directory at {@code path}). */
    Errno write(String path, String content, boolean append) {
        String abs = resolve(path);
        if (abs.equals("/dev/null")) {
            return null;
        }
        Errno e = creatable(abs);
        if (e != null) {
            return e;
        }
        Errno k = kind(abs);
        if (k == Errno.EISDIR) {
            whiteouts.add(abs); // only the disk has a directory here (creatable): the file covers it
        }
        String old = k == null ? read(abs) : null;
        files.put(abs, append && old != null ? old + content : content);
        created(abs);
        return null;
    }

    /** Why open(2) with O_CREAT could not open {@code path} for writing (a directory there, or none to hold it); null when it can. */
    Errno creatable(String path) {
        String abs = resolve(path);
        Errno k = kind(abs);
        if (k == Errno.EISDIR && !directories.contains(abs)) {
            // A directory of the disk beneath: what the machine's /tmp happens to hold must not decide what the host can write.
            return null;
        }
        return k == Errno.EISDIR || k == Errno.ENOTDIR || k == Errno.ENOENT && kind(parent(abs)) != Errno.EISDIR ? k : null;
    }

    /** Writes a file the host itself keeps ({@code /etc/hosts}), its directories made as needed. */
    void put(String path, String content) {
        String abs = resolve(path);
        for (String d = parent(abs); !d.equals("/") && kind(d) != Errno.EISDIR; d = parent(d)) {
            mkdir(d);
        }
        files.put(abs, content);
        created(abs);
    }

    /** mkdir(2). */
    Errno mkdir(String path) {
        String abs = resolve(path);
        Errno k = kind(abs);
        if (k == null || k == Errno.EISDIR) {
            return Errno.EEXIST;
        }
        if (k == Errno.ENOTDIR || kind(parent(abs)) != Errno.EISDIR) {
            return k;
        }
        directories.add(abs);
        created(abs);
        return null;
    }

    private void created(String abs) {
        if (whiteouts.remove(abs)) {
            opaque.add(abs);
        }
        mtimes.put(abs, clock.getAsLong());
    }

    /** The names in directory {@code path} (without . and ..), sorted as the C locale sorts; null when it is none. */
    TreeSet<String> list(String path) {
        String abs = resolve(path);
        if (kind(abs) != Errno.EISDIR) {
            return null;
        }
        TreeSet<String> names = new TreeSet<>();
        String prefix = abs.equals("/") ? "/" : abs + "/";
        Stream.concat(Stream.concat(files.keySet().stream(), directories.stream()), links.keySet().stream())
                .filter(p -> p.startsWith(prefix) && p.length() > prefix.length() && p.indexOf('/', prefix.length()) < 0)
                .forEach(p -> names.add(p.substring(prefix.length())));
        if (!hidden(abs) && !opaque.contains(abs) && Files.isDirectory(Path.of(abs))) {
            try (Stream<Path> s = Files.list(Path.of(abs))) {
                s.map(p -> p.getFileName().toString()).filter(n -> !hidden(prefix + n)).forEach(names::add);
            } catch (IOException | RuntimeException e) {
                return names;
            }
        }
        return names;
    }

    /** The regular files under directory {@code path}, relative to it, sorted; null when it is no directory: a build's context. */
    List<String> walk(String path) {
        String abs = resolve(path);
        TreeSet<String> names = list(abs);
        if (names == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String child = (abs.equals("/") ? "" : abs) + "/" + n;
            if (kind(child) == null) {
                out.add(n);
            } else if (!Files.isSymbolicLink(Path.of(child)) || directories.contains(child)) {
                walk(child).forEach(f -> out.add(n + "/" + f));
            }
        }
        return out;
    }

    /** unlink(2) of a file, or rmdir(2) of an empty directory when {@code directory}. */
    Errno remove(String path, boolean directory) {
        String abs = resolveLink(path);
        if (links.containsKey(abs)) { // unlink(2) of the link, not what it leads to
            if (directory) {
                return Errno.ENOTDIR;
            }
            links.remove(abs);
            mtimes.remove(abs);
            return null;
        }
        Errno k = kind(abs);
        if (k != null && k != Errno.EISDIR) {
            return k;
        }
        if (directory != (k == Errno.EISDIR)) {
            return directory ? Errno.ENOTDIR : Errno.EISDIR;
        }
        if (directory && !list(abs).isEmpty()) {
            return Errno.ENOTEMPTY;
        }
        files.remove(abs);
        directories.remove(abs);
        mtimes.remove(abs);
        opaque.remove(abs);
        if (!hidden(abs) && Files.exists(Path.of(abs))) {
            whiteouts.add(abs);
        }
        return null;
    }

    /** stat(2) of {@code path}, or null when it does not exist. */
    Stat stat(String path) {
        String abs = resolve(path);
        Errno k = kind(abs);
        boolean dir = k == Errno.EISDIR;
        if (k != null && !dir) {
            return null;
        }
        Long mtime = mtimes.get(abs);
        if (mtime != null || files.containsKey(abs) || directories.contains(abs)) {
            String content = files.get(abs);
            return new Stat(dir, dir ? 0755 : 0644, dir ? 4096 : content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    mtime == null ? clock.getAsLong() : mtime);
        }
        Path disk = Path.of(abs);
        try {
            int mode = 0;
            try {
                for (PosixFilePermission p : Files.getPosixFilePermissions(disk)) {
                    mode |= 0400 >> p.ordinal();
                }
            } catch (UnsupportedOperationException e) {
                mode = dir ? 0755 : 0644;
            }
            return new Stat(dir, mode, dir ? 4096 : Files.size(disk), Files.getLastModifiedTime(disk).toMillis());
        } catch (IOException e) {
            return null;
        }
    }
}
