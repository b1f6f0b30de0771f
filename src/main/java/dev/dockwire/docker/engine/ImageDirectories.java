package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directories a container's image has though they hold no file dockwire keeps: the root file
 * system's, the catalogue image's own, its WorkingDir and those above it. What {@code docker cp}
 * copies into ({@link ContainerArchive}), what {@code docker diff} calls changed rather than added
 * ({@link ContainerChanges}) and what {@code rm} refuses ({@link ContainerRm}); what a directory holds as
 * the container's {@code ls} sees it ({@link #names}: these, its files and the directories it made). An image with an
 * {@link ImageTree} has that tree's directories, links and files instead of the common root file system's. Knows no
 * engine, so the commands a container runs use it without joining the engine's classes.
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
    /** The top-level directories of every image's file system ({@code ls /}). */
    private static final List<String> ROOT = List.of("bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root",
            "run", "sbin", "srv", "sys", "tmp", "usr", "var");
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

    /** Whether {@code c}'s image has directory {@code abs} and {@code c} did not remove it (a whiteout of it or above it). */
    static boolean has(Container c, String abs) {
        return inImage(c, abs) && !c.whitedOut(abs);
    }

    /** Whether {@code c}'s image has directory {@code abs}, whatever {@code c} did to it since. */
    static boolean inImage(Container c, String abs) {
        if (catalogue(c, abs) || built(c).contains(abs)) {
            return true;
        }
        String wd = Images.workingDir(c);
        return !wd.isEmpty() && (wd.equals(abs) || wd.startsWith(abs + "/"));
    }

    /** Whether {@code c}'s catalogue image has directory {@code abs}: its tree's (else the root file system's) or one it adds. */
    static boolean catalogue(Container c, String abs) {
        ImageTree tree = ImageTree.of(c);
        if (tree != null ? tree.stat(abs) != null && tree.stat(abs).directory() : ROOTFS.contains(abs)) {
            return true;
        }
        return of(c).contains(abs);
    }

    /** Whether catalogue image {@code ref} has directory {@code abs}, as {@link #catalogue(Container, String)} without a container. */
    static boolean catalogue(String ref, String abs) {
        String name = ImageTree.name(ref);
        ImageTree tree = name == null ? null : ImageTree.named(name);
        if (tree != null ? tree.stat(abs) != null && tree.stat(abs).directory() : ROOTFS.contains(abs)) {
            return true;
        }
        return IMAGE_DIRS.getOrDefault(Images.baseName(ref), Set.of()).contains(abs);
    }

    /**
     * The directories a built or committed image's layers made ({@link BuiltLayers}: the read-only table
     * under {@code c}'s own files), empty ones included.
     */
    static Set<String> built(Container c) {
        return c.imageFiles() instanceof dev.dockwire.docker.FileTable layers ? layers.directories() : Set.of();
    }

    /** The directories {@code c}'s catalogue image adds to the root file system's. */
    static Set<String> of(Container c) {
        return Images.config(c) == null ? Set.of() : IMAGE_DIRS.getOrDefault(Images.baseName(c), Set.of());
    }

    /** Whether {@code abs} is a directory of {@code c}: the root file system's, its image's, one it made or a file or mount lies under. */
    static boolean isDirectory(Container c, String abs) {
        return DevTmpfs.covers(abs) ? DevTmpfs.names(c, abs) != null : has(c, abs) || c.isDirectory(abs);
    }

    /** The names in directory {@code dir} of {@code c}'s files as its {@code ls} sees them, or null when there is no such directory. */
    static List<String> names(Container c, String dir) {
        if (DevTmpfs.covers(dir)) {
            return DevTmpfs.names(c, dir); // a tmpfs over the image's /dev
        }
        Set<String> names = new TreeSet<>();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        ImageTree tree = ImageTree.of(c);
        if (tree != null) {
            // The image's own tree: its files, links and directories (a directory reached through a link lists the link's target).
            List<String> own = c.opaqueDirectories().contains(dir) ? null : tree.list(dir);
            if (own != null) {
                own.stream().filter(n -> !ImageTree.removed(c, prefix + n)).forEach(names::add);
            }
        } else {
            if (dir.equals("/")) {
                ROOT.stream().filter(n -> !c.whitedOut("/" + n)).forEach(names::add);
            }
            // The image's directories that hold no kept file (/usr/local/bin, /etc/nginx/conf.d, ...).
            for (String d : ROOTFS) {
                child(c, names, prefix, d);
            }
        }
        for (String d : of(c)) {
            child(c, names, prefix, d);
        }
        for (String d : built(c)) {
            child(c, names, prefix, d);
        }
        for (String d : c.madeDirectories()) {
            child(c, names, prefix, d);
        }
        for (String d : c.mountedDirectories()) {
            child(c, names, prefix, d);
        }
        for (String f : c.filePaths()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        // An empty mountpoint is a directory all the same.
        return names.isEmpty() && !dir.equals("/") && !c.holdsFilesUnder(dir) && !has(c, dir) ? null
                : List.copyOf(names);
    }

    /** Adds {@code dir}'s name to {@code names} when it lies directly under {@code prefix} and {@code c} did not remove it. */
    private static void child(Container c, Set<String> names, String prefix, String dir) {
        if (dir.startsWith(prefix) && dir.length() > prefix.length() && dir.indexOf('/', prefix.length()) < 0 && !c.whitedOut(dir)) {
            names.add(dir.substring(prefix.length()));
        }
    }

}
