package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import java.util.List;

/**
 * Whether a process may open a container's file for writing, as the kernel's permission check
 * (fs/namei.c may_open, generic_permission) answers it over the modes every image's base layout
 * gives: {@code /} and the system directories ({@code /etc}, {@code /usr}, {@code /bin}, the package
 * managers' databases) are root's with mode 0755 and {@code /root} is 0700, so a process that is
 * not root is refused ({@code EACCES}, "Permission denied") there; {@code /tmp} is 1777. Elsewhere
 * dockwire keeps no owners (an image's own data directories are its USER's), so the write goes ahead.
 */
public final class FileAccess {
    /** Directories root owns in every distribution's and BusyBox's base layout, writable by root only. */
    private static final List<String> ROOT_OWNED = List.of("/etc/", "/root/", "/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/",
            "/var/lib/apk/", "/var/lib/dpkg/", "/var/lib/apt/", "/var/cache/apk/", "/var/cache/apt/", "/var/cache/debconf/");

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
}
