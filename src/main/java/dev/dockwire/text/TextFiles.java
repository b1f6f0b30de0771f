package dev.dockwire.text;

/** The caller's view of files: what {@code sed -i}, {@code tee} and file operands read and write. */
public interface TextFiles {
    /** The file's content, or null when there is none. */
    String read(String path);

    /** Writes (or appends to) the file; false when it cannot be written. */
    boolean write(String path, String content, boolean append);

    /** When {@code path} was last modified ({@code diff -u}'s headers), or null when the place keeps no times. */
    default java.time.Instant modified(String path) {
        return null;
    }

    /** Whether {@code path} is a directory ({@code grep PATTERN DIR}: {@code Is a directory}). */
    default boolean isDirectory(String path) {
        return false;
    }

    /**
     * The regular files under directory {@code path}, relative to it, sorted, not through symbolic
     * links to directories ({@code grep -r}); null when it is no directory.
     */
    default java.util.List<String> walk(String path) {
        return null;
    }
}
