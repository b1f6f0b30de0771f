package dev.dockwire.docker;

import java.util.Set;

/**
 * The Docker host's files as the daemon sees them for bind mounts: the host shell's file system
 * when there is one (host/HostFileSystem), else {@link #memory()}.
 */
public interface HostFiles {
    /** Whether {@code path} is a file or directory. */
    boolean exists(String path);

    /** {@code mkdir -p}: the daemon makes a missing {@code -v} source (moby daemon/volumes_unix.go, MkdirAllAndChown). */
    void mkdirs(String path);

    String read(String path);

    /** Whether {@code path} is a directory: it exists and is no regular file. */
    default boolean isDirectory(String path) {
        return exists(path) && read(path) == null;
    }

    boolean write(String path, String content, boolean append);

    /** The paths of the files under directory {@code dir} (a symbolic link there among them, not followed). */
    Set<String> filesUnder(String dir);

    /** readlink(2): the target of the symbolic link {@code path} names, or null when it is none (or links are not kept). */
    default String readlink(String path) {
        return null;
    }

    /** What archive.Untar does for a link entry: whatever non-directory is at {@code path} removed, then symlink(2); false when it cannot. */
    default boolean symlink(String path, String target) {
        return false;
    }

    /** Host files held in memory only, for an engine without a host shell. */
    static HostFiles memory() {
        return new HostFiles() {
            private final FileTable files = new FileTable();
            private final java.util.Set<String> dirs = new java.util.HashSet<>(Set.of("/"));

            @Override
            public boolean exists(String path) {
                return dirs.contains(path) || files.read(path) != null || files.holdsFilesUnder(path);
            }

            @Override
            public void mkdirs(String path) {
                for (String p = path; p.length() > 1; p = p.substring(0, Math.max(1, p.lastIndexOf('/')))) {
                    dirs.add(p);
                }
            }

            @Override
            public String read(String path) {
                return files.read(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return files.write(path, content, append);
            }

            @Override
            public Set<String> filesUnder(String dir) {
                String prefix = dir.endsWith("/") ? dir : dir + "/";
                Set<String> out = new java.util.LinkedHashSet<>();
                files.paths().stream().filter(p -> p.startsWith(prefix)).forEach(out::add);
                return out;
            }
        };
    }
}
