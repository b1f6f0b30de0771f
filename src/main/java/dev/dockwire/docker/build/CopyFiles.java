package dev.dockwire.docker.build;

import dev.dockwire.libc.LexicalPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * COPY and ADD's files (BuildKit's dispatchCopy over fileop): each source from the context (or
 * {@code --from}'s stage) — a file, a directory's contents, a glob — put at the destination, which is
 * a directory when it ends in {@code /}, names a directory the stage already has, or takes more
 * than one file; a relative destination is under WORKDIR; a here-document is a file of its own.
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

    CopyFiles(BuildContext context, Map<String, String> files, String workdir, ShellLex lex, Map<String, String> scope) {
        this.context = context;
        this.files = files;
        this.workdir = workdir;
        this.lex = lex;
        this.scope = scope::get;
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
        for (Node.Heredoc h : cp.heredocs()) {
            String content = h.expand() ? lex.processWord(h.content(), scope) : h.content();
            put(intoDir ? join(target, h.name()) : target, content);
        }
        List<String[]> found = new ArrayList<>();
        for (String raw : cp.sources()) {
            String src = lex.processWord(raw, scope);
            List<String[]> matched = matches(src, stage);
            if (matched.isEmpty() && stage == null) {
                throw new DockerfileException("failed to compute cache key: failed to calculate checksum of ref " + ref()
                        + ": \"" + clean("/" + src) + "\": not found");
            }
            found.addAll(matched);
        }
        boolean many = found.size() > 1 || cp.sources().size() > 1;
        for (String[] f : found) {
            boolean whole = f[1].isEmpty();
            put(intoDir || many || !whole ? join(target, whole ? base(f[0]) : f[1]) : target, f[2]);
        }
        return put.toString();
    }

    private void put(String path, String content) {
        files.put(path, content);
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
