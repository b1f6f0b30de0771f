package dev.dockwire.docker.engine;

import dev.dockwire.app.http.Responses;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.FileStore;
import dev.dockwire.docker.FileTable;
import dev.dockwire.docker.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of the catalogue images' files that people {@code cat} and {@code docker cp} out, one
 * read-only layer per image shared by its containers (each container's own files lie over it:
 * {@link Container#imageFiles}); {@code cat}, {@code ls}, {@code docker cp} and {@code docker diff}
 * all read them there. The texts are the images' own, from their sources (the reference host's
 * stand-in images are BusyBox): alpine's /etc/os-release and /etc/alpine-release as the
 * alpine-release package writes them for alpine 3.24.2 (the catalogue's tag) and its /etc/passwd
 * and /etc/group (alpine-baselayout-data's, as alpine 3.19 and later images print them: the group
 * file as two published copies of those images' agree, root in the groups BusyBox's {@code id}
 * lists); nginx's nginx.conf and
 * conf.d/default.conf as nginx's packages install them (nginx/pkg-oss debian/debian/nginx.conf and
 * nginx.default.conf, the alpine package's the same), mime.types and html/50x.html from nginx's
 * source (nginx/nginx conf/mime.types and docs/html/50x.html at its August 2026 head, which the
 * packages install unchanged), its html/index.html (the welcome page
 * {@link Responses#NGINX_WELCOME}) and, for the Debian trixie image, trixie's /etc/os-release
 * (base-files; DEBIAN_VERSION_FULL the point release out before the catalogue's September 2026 tags,
 * 13.6: no copy of the image itself was at hand). The debian and ubuntu images' /etc/passwd and
 * /etc/group are base-passwd's master files as the installer writes them (this machine's base-passwd
 * 3.6.1, {@code x} for the password; trixie's and Ubuntu's carry the same lists), ubuntu's with the
 * {@code ubuntu} user (uid 1000) its images have had since 23.04; ubuntu's os-release is 26.04's
 * (Resolute Raccoon) as base-files writes it, its debian_version the Debian testing it was cut from
 * ({@code forky/sid}). The server images on debian:trixie-slim have their Dockerfiles' users: nginx's, redis's and
 * postgres's /etc/passwd and /etc/group as shadow's useradd and groupadd write them over base-passwd's (their
 * {@link ImageTree}s' headers say how), httpd's base-passwd's unchanged (it runs as www-data) with httpd's
 * htdocs/index.html ("It works!"). The catalogue's other alpine-based images
 * (nginx:alpine, traefik, caddy, netshoot, ...) have alpine's files: docker-library builds them on
 * the alpine release of their day, the catalogue's. Other images' files are not kept. Beside these texts the layer
 * holds the rest of the image's {@link ImageTree}'s regular files: those the tree marks as kept with their text from
 * its resource directory (/etc/issue, /etc/apk/world, ...), the others empty.
 */
public final class ImageFiles {
    private static final String RESOURCES = "rootfs/";
    private static final String INDEX_HTML = "/usr/share/nginx/html/index.html";
    private static final List<String> NGINX = List.of("nginx/etc/nginx/nginx.conf", "nginx/etc/nginx/conf.d/default.conf",
            "nginx/etc/nginx/mime.types", "nginx/usr/share/nginx/html/50x.html");
    /** The resources of each catalogue entry (its reference): the directory they lie in, then the path. */
    private static final List<String> ALPINE = List.of("alpine/etc/os-release", "alpine/etc/alpine-release", "alpine/etc/passwd",
            "alpine/etc/group");
    private static final List<String> DEBIAN = List.of("debian-trixie/etc/os-release", "debian-trixie/etc/debian_version",
            "debian-base/etc/passwd", "debian-base/etc/group", "debian-base/root/.bashrc", "debian-base/root/.profile");
    private static final List<String> UBUNTU = List.of("ubuntu-resolute/etc/os-release", "ubuntu-resolute/etc/debian_version",
            "ubuntu-resolute/etc/passwd", "ubuntu-resolute/etc/group");
    private static final Map<String, List<String>> IMAGES = Map.of(
            "alpine", ALPINE,
            "debian", DEBIAN,
            "ubuntu", UBUNTU,
            "nginx", concat(List.of("debian-trixie/etc/os-release", "nginx/etc/passwd", "nginx/etc/group"), NGINX),
            "nginx:alpine", concat(ALPINE, NGINX),
            "redis", List.of("redis/etc/passwd", "redis/etc/group"),
            "postgres", List.of("postgres/etc/passwd", "postgres/etc/group"),
            "httpd", List.of("debian-base/etc/passwd", "debian-base/etc/group", "httpd/usr/local/apache2/htdocs/index.html"));
    private static final Map<String, FileStore> LAYERS = new ConcurrentHashMap<>();
    /** Files whose text matters to what reads them (ExecUser, Docker's mounts): never laid down empty. */
    private static final Set<String> NOT_EMPTY = Set.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/hostname",
            "/etc/hosts", "/etc/resolv.conf");

    private ImageFiles() {
    }

    /** {@code c}'s image's files (a built image's are its base's), or null when dockwire keeps none of them. */
    public static FileStore of(Container c) {
        ImageConfig config = Images.config(c);
        String ref = config == null ? null : config.reference();
        if (ref == null) {
            return null;
        }
        List<String> resources = IMAGES.get(ref);
        if (resources == null && "alpine".equals(Images.provider(c, "apk"))) {
            resources = ALPINE; // built FROM the catalogue's alpine, as its other alpine-based images are
        }
        String tree = ImageTree.name(c);
        if (resources == null && tree != null) {
            resources = List.of(); // a Debian-based server image: its base's tree, no text of its own kept
        }
        if (resources == null) {
            return null;
        }
        List<String> layer = resources;
        return LAYERS.computeIfAbsent(ref, r -> load(r, layer, tree));
    }

    /**
     * Whether {@code c}'s files are its catalogue image's own as kept here, not a base's assumed for it
     * (an alpine-based image outside {@link #IMAGES}, a built or committed one).
     */
    static boolean own(Container c) {
        ImageConfig config = Images.config(c);
        return c.pinnedImage() == null && config != null && IMAGES.containsKey(config.reference());
    }

    /** The text of {@code path} in the image {@code ref} names in the catalogue, or null. */
    static String packaged(Container c, String path) {
        FileStore files = of(c);
        return files == null ? null : files.read(path);
    }

    /**
     * The text of {@code path} among the kept texts of catalogue image {@code ref} (an alpine-based image's are
     * alpine's), or null: what a build step reads of its base without a container ({@code COPY --chown}'s
     * /etc/passwd and /etc/group).
     */
    public static String text(String ref, String path) {
        List<String> resources = IMAGES.get(ref);
        if (resources == null && "alpine".equals(Images.provider(ref, "apk"))) {
            resources = ALPINE;
        }
        for (String resource : resources == null ? List.<String>of() : resources) {
            if (resource.substring(resource.indexOf('/')).equals(path)) {
                return text(resource);
            }
        }
        return null;
    }

    /** Whether catalogue image {@code ref} has directory {@code path} (its tree's, the root file system's or one it adds). */
    public static boolean directory(String ref, String path) {
        return ImageDirectories.catalogue(ref, path);
    }

    private static FileStore load(String ref, List<String> resources, String tree) {
        FileTable files = new FileTable();
        for (String resource : resources) {
            files.write(resource.substring(resource.indexOf('/')), text(resource), false);
        }
        if (ref.startsWith("nginx")) {
            files.write(INDEX_HTML, Responses.NGINX_WELCOME, false);
        }
        if (tree != null) {
            addTree(files, tree);
        }
        return readOnly(files);
    }

    /**
     * The regular files of the image's {@link ImageTree} {@code name}: those whose text the tree's resource directory
     * keeps with it, the others empty (they are there for ls, rm, docker diff and cp; their bytes are not kept). The
     * user and group files and Docker's own are left to the texts above: an empty one would be a wrong one.
     */
    private static void addTree(FileTable files, String name) {
        ImageTree tree = ImageTree.named(name);
        for (String path : tree.paths()) {
            ImageTree.Node n = tree.lstat(path);
            if (n == null || !n.regular() || files.read(path) != null || n.type() == ImageTree.REGULAR && NOT_EMPTY.contains(path)) {
                continue;
            }
            files.write(path, n.type() == ImageTree.TEXT ? text(tree.textDirectory() + path) : "", false);
        }
    }

    /** An image's layer: never written (a container's writes go to its own files over it). */
    private static FileStore readOnly(FileTable files) {
        return new FileStore() {
            @Override
            public String read(String path) {
                return files.read(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return false;
            }

            @Override
            public Set<String> paths() {
                return files.paths();
            }

            @Override
            public boolean isDirectory(String path) {
                return files.holdsFilesUnder(path);
            }
        };
    }

    private static String text(String resource) {
        try (InputStream in = ImageFiles.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
