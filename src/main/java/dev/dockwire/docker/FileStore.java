package dev.dockwire.docker;

import java.util.Set;

/** Files by absolute path: a container's own or a volume's ({@link FileTable}), or a directory of the host's under a bind mount. */
public interface FileStore {
    /** The file's content, or null when there is none. */
    String read(String path);

    /** Writes ({@code append}: adds to) the file. */
    boolean write(String path, String content, boolean append);

    /** Every file's path. */
    Set<String> paths();

    /** Whether {@code path} is a directory: the root, or one a file lies under. */
    default boolean isDirectory(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return prefix.equals("/") || paths().stream().anyMatch(p -> p.startsWith(prefix));
    }
}
