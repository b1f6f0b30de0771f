package dev.dockwire.libc;

import java.util.ArrayList;
import java.util.List;

/**
 * A path folded by its text alone, no symlink followed: {@code .} and empty components dropped,
 * {@code ..} taking one back (never above {@code /}) — Go's {@code path.Clean} on an absolute path
 * (BuildKit's COPY destinations) and the shell's logical {@code cd}/redirection targets.
 */
public final class LexicalPath {
    private LexicalPath() {
    }

    /** {@code path} made absolute against {@code cwd} (itself absolute), then folded. */
    public static String clean(String cwd, String path) {
        String full = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        List<String> parts = new ArrayList<>();
        for (String p : full.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** An absolute {@code path}, folded. */
    public static String clean(String path) {
        return clean("/", path);
    }
}
