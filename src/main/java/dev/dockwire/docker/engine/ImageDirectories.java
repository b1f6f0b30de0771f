package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.Map;
import java.util.Set;

/**
 * The directories a container's image has though they hold no file dockwire keeps: the root file
 * system's, the catalogue image's own, its WorkingDir and those above it. What {@code docker cp}
 * copies into ({@link ContainerArchive}), what {@code docker diff} calls changed rather than added
 * ({@link ContainerChanges}) and what {@code rm} refuses ({@link ContainerRm}). Knows no engine, so
 * the commands a container runs use it without joining the engine's classes.
 */
final class ImageDirectories {
    /**
     * The directories every root file system has (the FHS dirs alpine's and Debian's both carry),
     * which hold no file dockwire keeps but which {@code docker cp x C:/tmp/} copies into.
     */
    static final Set<String> ROOTFS = Set.of("/", "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt",
            "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib",
            "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/local/sbin", "/usr/local/share", "/usr/sbin",
            "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/run", "/var/spool", "/var/tmp");
    /** The directories the catalogue's images add that tutorials copy into (the images' Dockerfiles and packages). */
    private static final Map<String, Set<String>> IMAGE_DIRS = Map.of(
            "nginx", Set.of("/etc/nginx", "/etc/nginx/conf.d", "/usr/share/nginx", "/usr/share/nginx/html",
                    "/docker-entrypoint.d", "/var/log/nginx", "/var/cache/nginx"),
            "httpd", Set.of("/usr/local/apache2", "/usr/local/apache2/htdocs", "/usr/local/apache2/conf"),
            "postgres", Set.of("/docker-entrypoint-initdb.d", "/var/lib/postgresql", "/var/lib/postgresql/data"),
            "mysql", Set.of("/docker-entrypoint-initdb.d", "/var/lib/mysql", "/etc/mysql", "/etc/mysql/conf.d"),
            "mariadb", Set.of("/docker-entrypoint-initdb.d", "/var/lib/mysql", "/etc/mysql", "/etc/mysql/conf.d"),
            "redis", Set.of("/data"),
            "mongo", Set.of("/docker-entrypoint-initdb.d", "/data", "/data/db"));

    private ImageDirectories() {
    }

    /** Whether {@code c}'s image has directory {@code abs}. */
    static boolean has(Container c, String abs) {
        if (ROOTFS.contains(abs) || of(c).contains(abs)) {
            return true;
        }
        String wd = Images.workingDir(c);
        return !wd.isEmpty() && (wd.equals(abs) || wd.startsWith(abs + "/"));
    }

    /** The directories {@code c}'s catalogue image adds to the root file system's. */
    static Set<String> of(Container c) {
        return Images.config(c) == null ? Set.of() : IMAGE_DIRS.getOrDefault(Images.baseName(c), Set.of());
    }
}
