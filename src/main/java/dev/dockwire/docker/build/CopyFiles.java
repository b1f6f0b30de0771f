package dev.dockwire.docker.build;

import dev.dockwire.docker.LayerFile;
import dev.dockwire.docker.LayerDir;
import dev.dockwire.docker.TarFormat;
import dev.dockwire.libc.LexicalPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * COPY and ADD's files (BuildKit's dispatchCopy over fileop): each source from the context (or
 * {@code --from}'s stage) — a file, a directory's contents, a glob — put at the destination, which is
 * a directory when it ends in {@code /}, names a directory the stage already has, or takes more
 * than one file; a relative destination is under WORKDIR; a here-document is a file of its own.
 * With {@code --chown} what it puts is the owner's: the files, the directories a directory's copy
 * brings, and the missing directories above the destination (fsutil copy's MkdirAll with the chown;
 * the legacy builder's MkdirAllAndChownNew above a file, while above a directory CopyWithTar makes
 * them root's and fixPermissions chowns only what the copy put). Without it they are root's. ADD
 * unpacks a local tar archive into the destination instead.
 */
final class CopyFiles {
    /** Directories the catalogue's images have that Dockerfiles copy into without a trailing slash. */
    private static final List<String> IMAGE_DIRS = List.of("/etc/nginx/conf.d", "/usr/share/nginx/html", "/etc/nginx",
            "/docker-entrypoint-initdb.d", "/docker-entrypoint.d", "/usr/local/bin", "/etc", "/tmp");

    private final BuildContext context;
    private final Map<String, String> files;
    private final String workdir;
    private final ShellLex lex;
    private final Function<String, String> scope;
    /** What {@link #copy} put, path and content. */
    private final StringBuilder put = new StringBuilder();
    /** The stage's files' owners other than root and its layers' directories, which a --chown copy adds to. */
    private final Map<String, LayerFile> owners;
    private final Map<String, LayerDir> dirs;
    /** {@code --chown}'s owner, null for none (root's). */
    private final LayerFile owner;
    private final boolean legacy;

    CopyFiles(BuildContext context, Map<String, String> files, String workdir, ShellLex lex, Map<String, String> scope) {
        this(context, files, workdir, lex, scope, new java.util.HashMap<>(), new java.util.HashMap<>(), null, false);
    }

    CopyFiles(BuildContext context, Map<String, String> files, String workdir, ShellLex lex, Map<String, String> scope,
            Map<String, LayerFile> owners, Map<String, LayerDir> dirs, LayerFile owner, boolean legacy) {
        this.context = context;
        this.files = files;
        this.workdir = workdir;
        this.lex = lex;
        this.scope = scope::get;
        this.owners = owners;
        this.dirs = dirs;
        this.owner = owner;
        this.legacy = legacy;
    }

    /**
     * Copies {@code cp}'s sources; {@code stage} the files of its {@code --from} stage (empty for an
     * image), null for the context. Returns what it put (each path and content), which the step's
     * cache key checksums as BuildKit's contenthash does: only what the step copies.
     */
    String copy(Instruction.Copy cp, Map<String, String> stage) throws DockerfileException {
        String dest = lex.processWord(cp.dest(), scope);
        String abs = dest.startsWith("/") ? dest : (workdir.isEmpty() ? "/" : workdir) + "/" + dest;
        boolean intoDir = dest.endsWith("/") || dest.equals(".") || isDir(clean(abs));
        String target = clean(abs);
        Set<String> made = new HashSet<>();
        for (Node.Heredoc h : cp.heredocs()) {
            String content = h.expand() ? lex.processWord(h.content(), scope) : h.content();
            String path = intoDir ? join(target, h.name()) : target;
            if (owner != null) {
                chownDirs(path, null, made);
            }
            put(path, content);
        }
        List<String[]> found = new ArrayList<>();
        for (String raw : cp.sources()) {
            String src = lex.processWord(raw, scope);
            if (cp.add() && stage == null && (src.startsWith("http://") || src.startsWith("https://"))) {
                // BuildKit's llb.HTTP source (the legacy builder's downloadSource) fetches it: dockwire's host reaches no outside network
                throw new DockerfileException((legacy ? "" : "failed to load cache key: ") + "Get \"" + src
                        + "\": dockwire: ADD of a URL is not modelled: the emulated host has no outside network");
            }
            List<String[]> matched = matches(src, stage);
            if (matched.isEmpty() && stage == null) {
                throw new DockerfileException(legacy ? (cp.add() ? "ADD" : "COPY") // copier.go calcCopyInfo's words
                        + " failed: file not found in build context or excluded by .dockerignore: stat " + src + ": file does not exist"
                        : "failed to compute cache key: failed to calculate checksum of ref " + ref() + ": \"" + clean("/" + src) + "\": not found");
            }
            found.addAll(matched);
        }
        boolean many = found.size() > 1 || cp.sources().size() > 1;
        for (String[] f : found) {
            boolean whole = f[1].isEmpty();
            String path = intoDir || many || !whole ? join(target, whole ? base(f[0]) : f[1]) : target;
            if (owner != null) {
                chownDirs(path, whole ? null : target, made);
            }
            List<TarFormat.Entry> archive = cp.add() && stage == null && whole ? untar(f[2]) : null;
            if (archive != null) {
                unpack(archive, target);
            } else {
                put(path, f[2]);
            }
        }
        return put.toString();
    }

    /**
     * The members of {@code content} when it is a tar archive (the builders' isArchivePath: the first header reads;
     * the content decides, not the name), else null.
     */
    private static List<TarFormat.Entry> untar(String content) {
        try {
            List<TarFormat.Entry> entries = TarFormat.read(TarFormat.fromText(content));
            return entries.isEmpty() ? null : entries;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * ADD's unpacking of a local archive into directory {@code dir} (archive.go Untar's createTarFile, as root: each
     * member with its header's mode, uid and gid).
     */
    private void unpack(List<TarFormat.Entry> archive, String dir) {
        for (TarFormat.Entry e : archive) {
            String path = join(dir, e.name());
            if (e.content() == null) {
                dirs.put(path, new LayerDir(e.mode(), e.uid(), e.gid()));
                continue;
            }
            String text = new String(e.content(), java.nio.charset.StandardCharsets.UTF_8); // a member is a text file of the model
            files.put(path, text);
            LayerFile fields = new LayerFile(e.mode(), e.uid(), e.gid());
            if (fields.equals(LayerFile.owned(0, 0))) {
                owners.remove(path);
            } else {
                owners.put(path, fields);
            }
            put.append(path).append('\0').append(text).append('\0');
        }
    }

    /**
     * The directories above {@code path} that the stage lacked, made the owner's ({@code tree}: the destination of a
     * directory's copy, whose missing parents the legacy builder leaves root's); {@code made}: those this copy made so far.
     */
    private void chownDirs(String path, String tree, Set<String> made) {
        List<String> above = new ArrayList<>();
        for (String d = parent(path); !d.equals("/"); d = parent(d)) {
            above.add(0, d);
        }
        for (String d : above) {
            boolean inTree = tree != null && (d.equals(tree) || d.startsWith(tree + "/"));
            if (!made.contains(d) && !dirs.containsKey(d) && !isDir(d)) {
                made.add(d);
                if (inTree || tree == null || !legacy) {
                    dirs.put(d, new LayerDir(0755, owner.uid(), owner.gid()));
                }
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private void put(String path, String content) {
        files.put(path, content);
        if (owner != null) {
            owners.put(path, owner);
        } else {
            owners.remove(path);
        }
        put.append(path).append('\0').append(content).append('\0');
    }

    /**
     * The cache ref BuildKit names for the context ({@code <uuid>::<25 base-36 characters>}): random
     * there, derived from the context's file names here so that a build's errors repeat.
     */
    private String ref() {
        java.util.UUID uuid = java.util.UUID.nameUUIDFromBytes(String.join("\0", context.files()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = new java.math.BigInteger(1, uuid.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(36);
        return uuid + "::" + id.substring(0, 25);
    }

    /** {path, path under the source directory ("" for a file named itself), content} for each file {@code src} names. */
    private List<String[]> matches(String src, Map<String, String> stage) {
        List<String[]> out = new ArrayList<>();
        String s = clean("/" + src);
        Pattern glob = src.contains("*") || src.contains("?") ? glob(s) : null;
        List<String> all = stage == null ? context.files().stream().map(f -> "/" + f).toList() : List.copyOf(stage.keySet());
        for (String f : all) {
            String content = stage == null ? context.read(f.substring(1)) : stage.get(f);
            if (f.equals(s) || glob != null && glob.matcher(f).matches()) {
                out.add(new String[] {f, "", content});
            } else if (s.equals("/") || f.startsWith(s + "/")) {
                out.add(new String[] {f, f.substring(s.equals("/") ? 1 : s.length() + 1), content});
            }
        }
        return out;
    }

    private boolean isDir(String path) {
        if (path.equals("/") || IMAGE_DIRS.contains(path)) {
            return true;
        }
        String prefix = path + "/";
        return files.keySet().stream().anyMatch(f -> f.startsWith(prefix));
    }

    private static Pattern glob(String s) {
        StringBuilder re = new StringBuilder();
        for (char c : s.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String join(String dir, String name) {
        return clean(dir + "/" + name);
    }

    /** path.Clean for an absolute path. */
    static String clean(String path) {
        return LexicalPath.clean(path);
    }
}
