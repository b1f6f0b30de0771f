package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import java.util.List;

/**
 * Whether a process may open a container's file, as the kernel's permission check (fs/namei.c
 * may_open, generic_permission) answers it over the modes every image's base layout gives:
 * {@code /} and the system directories ({@code /etc}, {@code /usr}, {@code /bin}, the package
 * managers' databases) are root's with mode 0755 and {@code /root} is 0700, so a process that is
 * not root is refused ({@code EACCES}, "Permission denied") a write there, and any access under
 * {@code /root} (no search permission); {@code /tmp} and {@code /var/tmp} are 1777 and the files
 * in them 0644, so only a file's owner (its creator, {@link dev.dockwire.docker.Container#owner})
 * may write it. Elsewhere dockwire keeps no owners (an image's own data directories are its
 * USER's), so the write goes ahead.
 */
public final class FileAccess {
    /** Directories root owns in every distribution's and BusyBox's base layout, writable by root only. */
    private static final List<String> ROOT_OWNED = List.of("/etc/", "/root/", "/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/",
            "/var/lib/apk/", "/var/lib/dpkg/", "/var/lib/apt/", "/var/cache/apk/", "/var/cache/apt/", "/var/cache/debconf/");
    /** The shared directories (mode 1777) whose files dockwire knows the owners of. */
    private static final List<String> SHARED = List.of("/tmp/", "/var/tmp/");

    private FileAccess() {
    }

    /** Why {@code who} may not write {@code path} (strerror(EACCES)), or null when it may. */
    public static String writeError(Cred who, String path) {
        if (who.root() || path.startsWith("/dev/") || path.startsWith("/proc/")) {
            return null;
        }
        if (path.lastIndexOf('/') == 0) {
            return "Permission denied"; // an entry of / itself
        }
        for (String dir : ROOT_OWNED) {
            if (path.startsWith(dir)) {
                return "Permission denied";
            }
        }
        return null;
    }

    /**
     * Why {@code who} may not write the existing file {@code path} owned by {@code owner}
     * ({@code uid << 32 | gid}; -1: not kept): in a shared directory a 0644 file is its owner's alone.
     */
    public static String writeError(Cred who, String path, long owner) {
        if (who.root() || owner < 0 || who.uid() < 0) {
            return null;
        }
        for (String dir : SHARED) {
            if (path.startsWith(dir) && path.indexOf('/', dir.length()) < 0) {
                return (int) (owner >>> 32) == who.uid() ? null : "Permission denied";
            }
        }
        return null;
    }

    /**
     * generic_permission's answer for a file of {@code owner} ({@code uid << 32 | gid}) with
     * permission bits {@code mode}: the owner's bits, else the group's for a member, else the
     * others'; {@code mask} 4 to read, 2 to write. Root passes (CAP_DAC_OVERRIDE).
     */
    public static String permission(Cred who, long owner, int mode, int mask) {
        if (who.root()) {
            return null;
        }
        int gid = (int) owner;
        int bits = (int) (owner >>> 32) == who.uid() ? mode >> 6 : gid == who.gid() || who.groups().contains(gid) ? mode >> 3 : mode;
        return (bits & mask) == mask ? null : "Permission denied";
    }

    /** Why {@code who} may not read {@code path} of {@code owner} with chmod's {@code mode} (-1: none set), or null. */
    public static String readError(Cred who, String path, long owner, int mode) {
        String why = readError(who, path);
        return why == null && mode >= 0 ? permission(who, Math.max(0, owner), mode, 4) : why;
    }

    /** Why {@code who} may not read {@code path} or list it (strerror(EACCES)), or null: under /root (0700) only root may. */
    public static String readError(Cred who, String path) {
        if (who.root()) {
            return null;
        }
        return path.equals("/root") || path.startsWith("/root/") ? "Permission denied" : null;
    }
}
