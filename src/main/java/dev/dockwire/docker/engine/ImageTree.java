package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file tree of a catalogue image's root file system as its read-only layer holds it: every
 * directory, regular file and symbolic link with its mode, owner and size (the inode fields
 * {@code ls -l} prints), read lazily from a resource ({@code rootfs/NAME.tree}, whose header says
 * where it came from) and shared by every container of the images built on it. The texts people
 * read are {@link ImageFiles}'; this says what else is there. Paths resolve through the tree's
 * symlinks as path_lookupat does (Debian's {@code /bin -> usr/bin}): a directory component
 * follows its link, the last component is the link itself (lstat) unless asked to follow.
 */
final class ImageTree {
    /** S_IFDIR, S_IFREG and S_IFLNK as the resource spells them. */
    static final char DIRECTORY = 'd';
    static final char REGULAR = 'f';
    /** A regular file whose text lies beside the tree, in {@code rootfs/NAME/PATH} ({@link ImageFiles}). */
    static final char TEXT = 'F';
    static final char SYMLINK = 'l';
    /** Links followed in one lookup before ELOOP (the kernel's MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;
    private static final Map<String, ImageTree> TREES = new ConcurrentHashMap<>();
    /**
     * The catalogue's server images on debian:trixie-slim (their Dockerfiles' FROM; images.yaml's versions: nginx's
     * ~trixie packages, PG_VERSION's pgdg13), each with a tree of its own over slim's ({@code rootfs/NAME.tree},
     * {@code @base debian-trixie-slim}: its user, directories and files).
     */
    private static final java.util.Set<String> SLIM = java.util.Set.of("nginx", "httpd", "redis", "postgres");

    /** One inode: its type, permission bits, owner, size in bytes (a link's: its target's length) and a link's target. */
    record Node(char type, int mode, int uid, int gid, long size, String target) {
        boolean directory() {
            return type == DIRECTORY;
        }

        boolean symlink() {
            return type == SYMLINK;
        }

        boolean regular() {
            return type == REGULAR || type == TEXT;
        }
    }

    private final Map<String, Node> nodes;
    private final Map<String, List<String>> children;
    private final String texts;
    /** The image's own programs by name and path ({@code @program} lines: some are not listed, their sizes unknown here). */
    private final Map<String, String> programs;

    private ImageTree(Map<String, Node> nodes, Map<String, List<String>> children, String texts, Map<String, String> programs) {
        this.nodes = nodes;
        this.children = children;
        this.texts = texts;
        this.programs = programs;
    }

    /**
     * Where the image's own program {@code name} lies, as the tree's {@code @program} lines place it; null when they do not
     * (a map lookup: a container's every PATH search asks it).
     */
    String program(String name) {
        return programs.get(name);
    }

    /** The resource directory under rootfs/ its {@link #TEXT} files' texts lie in (a slim variant shares its full tree's). */
    String textDirectory() {
        return texts;
    }

    /**
     * The tree of {@code c}'s image, or null when dockwire keeps none: alpine's for the catalogue's
     * alpine-based images (those whose files are alpine's, {@link ImageFiles}), debian:trixie's
     * for debian, and for the server images built on debian:trixie-slim (nginx, httpd, redis,
     * postgres) their own: slim's with what their Dockerfiles add.
     */
    static ImageTree of(Container c) {
        String name = name(c);
        return name == null ? null : named(name);
    }

    /**
     * Whether {@code path} of {@code c}'s image tree is gone from {@code c}: whited out in its writable layer, or in the
     * layers a built or committed image laid over the tree (their whiteouts hide what lies below).
     */
    static boolean removed(Container c, String path) {
        return c.whitedOut(path) || c.imageFiles() instanceof dev.dockwire.docker.FileTable layers && layers.hidden(path);
    }

    /** The resource name of {@code c}'s image's tree, or null. */
    static String name(Container c) {
        ImageConfig config = Images.config(c);
        if (config == null) {
            return null;
        }
        String ref = config.reference();
        String named = name(ref);
        return named == null && "alpine".equals(Images.provider(c, "apk")) ? "alpine" : named;
    }

    /** The tree of catalogue image {@code ref} (one built FROM alpine with apk is alpine's), or null. */
    static String name(String ref) {
        if (ref.equals("debian")) {
            return "debian-trixie";
        }
        if (SLIM.contains(ref)) {
            return ref;
        }
        return ref.equals("alpine") || ref.equals("nginx:alpine") || "alpine".equals(Images.provider(ref, "apk")) ? "alpine" : null;
    }

    /** The tree of resource {@code rootfs/NAME.tree}, read once. */
    static ImageTree named(String name) {
        return TREES.computeIfAbsent(name, ImageTree::load);
    }

    /** The node at {@code path} itself (lstat: a link is the link), its directories resolved through links; null when there is none. */
    Node lstat(String path) {
        String p = resolveParent(path);
        return p == null ? null : nodes.get(p);
    }

    /** The node {@code path} leads to, links followed (stat); null when there is none or a link dangles. */
    Node stat(String path) {
        String p = resolve(path);
        return p == null ? null : nodes.get(p);
    }

    /** {@code path} with every link in it followed (realpath), or null when a component is missing or links loop. */
    String resolve(String path) {
        return resolve(path, true, 0);
    }

    /** {@code path} with its directory components' links followed, its last component kept (lstat's view), or null. */
    String resolveParent(String path) {
        return resolve(path, false, 0);
    }

    /** The names in directory {@code dir} (links followed), sorted; null when it is no directory of the tree. */
    List<String> list(String dir) {
        String p = resolve(dir);
        Node n = p == null ? null : nodes.get(p);
        return n == null || !n.directory() ? null : children.getOrDefault(p, List.of());
    }

    /** Every path of the tree, as stored (unresolved). */
    java.util.Set<String> paths() {
        return nodes.keySet();
    }

    private String resolve(String path, boolean followLast, int depth) {
        if (depth > MAX_LINKS) {
            return null;
        }
        String[] parts = path.split("/");
        String at = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                at = at.isEmpty() ? "" : at.substring(0, at.lastIndexOf('/'));
                continue;
            }
            String next = at + "/" + part;
            Node n = nodes.get(next);
            boolean last = i == lastPart(parts);
            if (n != null && n.symlink() && (!last || followLast)) {
                String target = n.target().startsWith("/") ? n.target() : (at.isEmpty() ? "" : at) + "/" + n.target();
                String resolved = resolve(target, true, depth + 1);
                if (resolved == null) {
                    return null;
                }
                at = resolved.equals("/") ? "" : resolved;
            } else if (n == null && !last) {
                return null;
            } else {
                at = next;
            }
        }
        return at.isEmpty() ? "/" : at;
    }

    private static int lastPart(String[] parts) {
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads {@code rootfs/NAME.tree}: {@code #} comments, {@code @texts DIR} (where its texts lie, else {@code NAME}),
     * {@code @base TREE} (an image built on another: that tree's inodes and texts, this one's lines laid over them as a
     * layer lies over its parent's), then one inode a line, {@code TYPE MODE UID GID SIZE PATH [TARGET]} (octal mode,
     * PATH relative to the root, {@code .} the root).
     */
    private static ImageTree load(String name) {
        String texts = name;
        Map<String, Node> nodes = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, String> programs = new HashMap<>();
        String resource = "rootfs/" + name + ".tree";
        try (InputStream in = ImageTree.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("@texts ")) {
                    texts = line.substring("@texts ".length());
                }
                if (line.startsWith("@base ")) {
                    ImageTree base = named(line.substring("@base ".length()));
                    nodes.putAll(base.nodes);
                    base.children.forEach((dir, names) -> children.put(dir, new ArrayList<>(names)));
                    programs.putAll(base.programs);
                    texts = base.texts;
                }
                if (line.startsWith("@program ")) {
                    String path = line.substring("@program ".length());
                    programs.put(path.substring(path.lastIndexOf('/') + 1), path);
                }
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                    continue;
                }
                String[] f = line.split(" ");
                String path = f[5].equals(".") ? "/" : "/" + f[5];
                Node old = nodes.put(path, new Node(f[0].charAt(0), Integer.parseInt(f[1], 8), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Long.parseLong(f[4]), f.length > 6 ? f[6] : null));
                if (!path.equals("/") && old == null) {
                    int slash = path.lastIndexOf('/');
                    children.computeIfAbsent(slash == 0 ? "/" : path.substring(0, slash), k -> new ArrayList<>())
                            .add(path.substring(slash + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        children.replaceAll((dir, names) -> {
            Collections.sort(names);
            return List.copyOf(names);
        });
        return new ImageTree(Map.copyOf(nodes), Map.copyOf(children), texts, Map.copyOf(programs));
    }
}
