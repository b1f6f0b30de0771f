package dev.dockwire.docker.cli;

import dev.dockwire.docker.TarArchive;
import java.util.ArrayList;
import java.util.List;

/**
 * docker cp's path rules, as moby/go-archive's copy.go has them (v0.1.0, vendored by moby v28.2.2 and
 * docker/cli v28.2.2): a trailing {@code /.} means a directory's contents, a trailing {@code /}
 * asserts a directory, and PrepareArchiveCopy decides from the source's and the destination's stat
 * which directory the archive is extracted into and whether its top entry takes the destination's name.
 * Paths are Go's filepath on Linux: {@link #clean}, {@link #dir} and {@link #base} are path/filepath's.
 */
final class ArchiveCopy {
    /** archive.CopyInfo: a path, whether it exists and whether it is a directory. */
    record Info(String path, boolean exists, boolean directory) {
    }

    /** Where the archive goes ({@code dstDir}) and the archive as it is to be extracted there. */
    record Prepared(String dstDir, TarArchive content) {
    }

    /** go-archive's errors (ErrNotDirectory, ErrDirNotExists, ErrCannotCopyDir) and the client's own, printed as they are. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private ArchiveCopy() {
    }

    /**
     * PrepareArchiveCopy: into an existing directory as it is; a directory onto an existing file is
     * {@code cannot copy directory}; a file to a missing path that asserts a directory is
     * {@code no such directory}; otherwise into the destination's parent, the top entry renamed to
     * the destination's base name.
     */
    static Prepared prepare(TarArchive src, Info srcInfo, Info dstInfo) {
        String[] dst = splitPathDirEntry(dstInfo.path());
        String srcBase = splitPathDirEntry(srcInfo.path())[1];
        if (dstInfo.exists() && dstInfo.directory()) {
            return new Prepared(dstInfo.path(), src);
        }
        if (dstInfo.exists() && srcInfo.directory()) {
            throw new Failed("cannot copy directory");
        }
        if (!dstInfo.exists() && !srcInfo.directory() && assertsDirectory(dstInfo.path())) {
            throw new Failed("no such directory");
        }
        return new Prepared(dst[0], rebase(src, srcBase, dst[1]));
    }

    /** RebaseArchiveEntries: {@code old} and what lies under it named {@code now}. */
    static TarArchive rebase(TarArchive src, String old, String now) {
        TarArchive out = new TarArchive();
        for (TarArchive.Entry e : src.entries()) {
            String n = e.name();
            if (n.equals(old)) {
                n = now;
            } else if (n.startsWith(old + "/")) {
                n = now + n.substring(old.length());
            }
            out.add(e.named(n));
        }
        return out;
    }

    /** PreserveTrailingDotOrSeparator: {@code cleaned} keeps the {@code /.} or {@code /} that {@code original} ended with. */
    static String preserveTrailingDotOrSeparator(String cleaned, String original) {
        if (!specifiesCurrentDir(cleaned) && specifiesCurrentDir(original)) {
            if (!cleaned.endsWith("/")) {
                cleaned += "/";
            }
            cleaned += ".";
        }
        if (!cleaned.endsWith("/") && original.endsWith("/")) {
            cleaned += "/";
        }
        return cleaned;
    }

    /** assertsDirectory: a trailing {@code /} or {@code .}. */
    static boolean assertsDirectory(String path) {
        return path.endsWith("/") || specifiesCurrentDir(path);
    }

    private static boolean specifiesCurrentDir(String path) {
        return base(path).equals(".");
    }

    /** SplitPathDirEntry: the directory and the entry, {@code .} for a path ending in {@code /.}. */
    static String[] splitPathDirEntry(String path) {
        String cleaned = clean(path);
        if (specifiesCurrentDir(path)) {
            cleaned += "/.";
        }
        return new String[] {dir(cleaned), base(cleaned)};
    }

    /** filepath.Clean: relative paths stay relative ({@code .} when nothing is left), {@code ..} kept where it leads out. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(p);
                }
            } else {
                parts.add(p);
            }
        }
        String joined = String.join("/", parts);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /** filepath.Dir. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(slash < 0 ? "." : path.substring(0, slash + 1));
    }

    /** filepath.Base. */
    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
