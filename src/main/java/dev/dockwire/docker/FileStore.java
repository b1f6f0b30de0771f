package dev.dockwire.docker;

import java.util.Set;

/** Files by absolute path: a container's own, a volume's, or a directory of the host's under a bind mount. */
public interface FileStore {
    /** The file's content, or null when there is none. */
    String read(String path);

    /** Writes ({@code append}: adds to) the file. */
    boolean write(String path, String content, boolean append);

    /** Every file's path. */
    Set<String> paths();

    /** {@code table}'s files as a store (a volume's). */
    static FileStore of(FileTable table) {
        return new FileStore() {
            @Override
            public String read(String path) {
                return table.read(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return table.write(path, content, append);
            }

            @Override
            public Set<String> paths() {
                return table.paths();
            }
        };
    }
}
