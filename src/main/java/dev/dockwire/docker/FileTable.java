package dev.dockwire.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/** The files of a container or of the host that commands read and write ({@code cat}, {@code printf ... > FILE}). */
public final class FileTable {
    private final Map<String, String> files = new LinkedHashMap<>();

    /** Every file's path, in the order they were first written. */
    public java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(files.keySet());
    }

    public String read(String path) {
        return files.get(normalize(path));
    }

    /** Writes or appends; {@code /dev/null} swallows everything. */
    public boolean write(String path, String content, boolean append) {
        String p = normalize(path);
        if (p.equals("/dev/null")) {
            return true;
        }
        files.merge(p, content, (old, add) -> append ? old + add : add);
        return true;
    }

    /** Whether some file lies under {@code dir} (a directory that holds files exists). */
    public boolean holdsFilesUnder(String dir) {
        String prefix = normalize(dir).endsWith("/") ? normalize(dir) : normalize(dir) + "/";
        return files.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    private static String normalize(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
