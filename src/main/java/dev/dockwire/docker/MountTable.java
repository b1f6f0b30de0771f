package dev.dockwire.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's files with its mounts laid over them, as the mount namespace runc sets up shows them:
 * a path under a mount's destination is the mounted files' (the deepest mount wins), anything else
 * the container's own; a write under a read-only mount fails with EROFS (the mount's MS_RDONLY).
 */
final class MountTable {
    private final FileTable own;
    /** Every mount laid over the files. */
    private List<MountPoint> mounts = List.of();
    /** Those moby keeps as the container's MountPoints ({@code .Mounts}): not HostConfig.Tmpfs's. */
    private List<MountPoint> listed = List.of();

    MountTable(FileTable own) {
        this.own = own;
    }

    List<MountPoint> mounts() {
        return listed;
    }

    /** Every mount of the container's mount namespace, {@code --tmpfs} ones too. */
    List<MountPoint> all() {
        return mounts;
    }

    /** The mount whose destination {@code path} is (its root), or null. */
    MountPoint rootAt(String path) {
        String p = normalize(path);
        for (MountPoint m : mounts) {
            if (m.destination().equals(p)) {
                return m;
            }
        }
        return null;
    }

    /** Lays {@code m} over the files; {@code listed}: one of the container's MountPoints rather than a {@code --tmpfs}. */
    void add(MountPoint m, boolean listed) {
        mounts = plus(mounts, m);
        if (listed) {
            this.listed = plus(this.listed, m);
        }
    }

    private static List<MountPoint> plus(List<MountPoint> list, MountPoint m) {
        List<MountPoint> next = new ArrayList<>(list);
        next.add(m);
        return Collections.unmodifiableList(next);
    }

    /** The deepest mount covering {@code path}, or null. */
    private MountPoint at(String path) {
        MountPoint best = null;
        for (MountPoint m : mounts) {
            if (m.covers(path) && (best == null || m.destination().length() > best.destination().length())) {
                best = m;
            }
        }
        return best;
    }

    private static String normalize(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Whether {@code path} lies under one of the mounts (not in the container's own layers). */
    boolean under(String path) {
        return at(path) != null;
    }

    String read(String path) {
        String p = normalize(path);
        MountPoint m = at(p);
        return m == null ? own.read(p) : m.files().read(m.inside(p));
    }

    boolean write(String path, String content, boolean append) {
        String p = normalize(path);
        MountPoint m = at(p);
        if (m == null) {
            return own.write(p, content, append);
        }
        return m.rw() && m.files().write(m.inside(p), content, append);
    }

    /** unlink(2) of {@code path}: the mounted files' when a mount covers it (none when read-only), else the container's own. */
    boolean remove(String path) {
        String p = normalize(path);
        MountPoint m = at(p);
        if (m == null) {
            return own.remove(p);
        }
        return m.rw() && m.files() instanceof FileTable t && t.remove(m.inside(p));
    }

    /** mkdir(2) of {@code path}: in the mounted files when a mount covers it (a volume's; none read-only or a bind's), else in the container's own. */
    boolean mkdir(String path) {
        String p = normalize(path);
        MountPoint m = at(p);
        if (m == null) {
            return own.mkdir(p);
        }
        return m.rw() && m.files() instanceof FileTable t && t.mkdir(m.inside(p));
    }

    /** EROFS's words under a read-only mount, else null. */
    String writeError(String path) {
        MountPoint m = at(normalize(path));
        return m != null && !m.rw() ? "Read-only file system" : null;
    }

    /** The container's own files not hidden by a mount, then each mount's under its destination. */
    Set<String> paths() {
        if (mounts.isEmpty()) {
            return own.paths();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : own.paths()) {
            if (at(p) == null) {
                out.add(p);
            }
        }
        for (MountPoint m : mounts) {
            for (String inner : m.files().paths()) {
                String p = m.destination().equals("/") ? inner : m.destination() + inner;
                if (at(p) == m) {
                    out.add(p);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The directories mkdir(2) made in the mounts' files (a volume's, a tmpfs's), as the container's paths. */
    Set<String> madeDirectories() {
        Set<String> out = new LinkedHashSet<>();
        for (MountPoint m : mounts) {
            if (m.files() instanceof FileTable t) {
                for (String inner : t.directories()) {
                    String p = m.destination().equals("/") ? inner : m.destination() + inner;
                    if (at(p) == m) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code path} is a directory: the mounted files' under a mount, else one holding a file or a mount. */
    boolean isDirectory(String path) {
        String p = normalize(path);
        MountPoint m = at(p);
        return m == null ? holdsFilesUnder(p) : m.files().isDirectory(m.inside(p));
    }

    /** Whether {@code dir} holds a file or is (or lies above) a mount's destination: a mountpoint is a directory. */
    boolean holdsFilesUnder(String dir) {
        String d = normalize(dir);
        String prefix = d.endsWith("/") ? d : d + "/";
        if (mounts.isEmpty()) {
            return own.holdsFilesUnder(d);
        }
        MountPoint at = at(d);
        if (at == null ? own.madeDirectory(d) : at.files() instanceof FileTable t && t.madeDirectory(at.inside(d))) {
            return true;
        }
        for (MountPoint m : mounts) {
            if (m.destination().equals(d) || m.destination().startsWith(prefix)) {
                return true;
            }
        }
        return paths().stream().anyMatch(p -> p.startsWith(prefix));
    }
}
