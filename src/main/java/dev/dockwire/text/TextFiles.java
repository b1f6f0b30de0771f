package dev.dockwire.text;

/** The caller's view of files: what {@code sed -i}, {@code tee} and file operands read and write. */
public interface TextFiles {
    /** The file's content, or null when there is none. */
    String read(String path);

    /** Writes (or appends to) the file; false when it cannot be written. */
    boolean write(String path, String content, boolean append);
}
