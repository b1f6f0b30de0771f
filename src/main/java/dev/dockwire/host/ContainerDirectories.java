package dev.dockwire.host;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Images;
import java.util.Set;

/**
 * The directories a container's root file system has, as far as a working directory needs them:
 * the Filesystem Hierarchy's that alpine's and Debian's root file systems both carry, the image's
 * WorkingDir and its parents, and every directory above a file the container holds.
 */
final class ContainerDirectories {
    private static final Set<String> ROOTFS = Set.of("/", "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt",
            "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib",
            "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/local/sbin", "/usr/local/share", "/usr/sbin",
            "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/run", "/var/spool", "/var/tmp");

    private ContainerDirectories() {
    }

    /** Whether {@code dir} (absolute) is a directory in {@code c}. */
    static boolean exists(Container c, String dir) {
        String d = dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        if (ROOTFS.contains(d) || c.holdsFilesUnder(d)) {
            return true;
        }
        String wd = Images.workingDir(c); // runc made it (mkdir -p) when the container started
        return !wd.isEmpty() && (wd.equals(d) || wd.startsWith(d + "/"));
    }

    /**
     * runc's error for a working directory it cannot enter (libcontainer/init_linux.go,
     * finalizeNamespace: {@code chdir to cwd (%q) set in config.json failed: %w}), as the docker
     * client prints the daemon's OCI error.
     */
    static String chdirFailed(String dir) {
        return "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"" + dir
                + "\") set in config.json failed: no such file or directory: unknown";
    }
}
