package dev.dockwire.docker;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The files of a container or of the host that commands read and write ({@code cat}, {@code printf ... > FILE}).
 * Held as path, content, path, content, in the order first written: a container has three
 * (hostname, hosts, resolv.conf), and a map of them was some 230 bytes of each of 100,000 containers.
 */
public final class FileTable implements FileStore {
    /**
     * The lines every container's /etc/hosts begins with (libnetwork's etchosts defaultContent): a
     * text that begins with them is held as what follows (a {@link HostsTail}), some 120 bytes less of
     * each container; it reads back whole.
     */
    public static final String HOSTS_HEAD = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";
    private static final Object[] NONE = new Object[0];
    /** Path, content, path, content: a content is a String or a {@link HostsTail}. */
    private Object[] files = NONE;

    /** A text that is {@link #HOSTS_HEAD} followed by {@code tail}. */
    private record HostsTail(String tail) {
    }

    /** Every file's path, in the order they were first written. */
    @Override
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < files.length; i += 2) {
            paths.add((String) files[i]);
        }
        return Collections.unmodifiableSet(paths);
    }

    @Override
    public String read(String path) {
        int i = index(normalize(path));
        return i < 0 ? null : text(files[i + 1]);
    }

    /** Writes or appends; {@code /dev/null} swallows everything. */
    @Override
    public boolean write(String path, String content, boolean append) {
        String p = normalize(path);
        if (p.equals("/dev/null")) {
            return true;
        }
        Objects.requireNonNull(content);
        int i = index(p);
        if (i < 0) {
            Object[] f = Arrays.copyOf(files, files.length + 2);
            f[f.length - 2] = p;
            f[f.length - 1] = held(content);
            files = f;
        } else {
            files[i + 1] = held(append ? text(files[i + 1]) + content : content);
        }
        return true;
    }

    private static Object held(String content) {
        return content.length() > HOSTS_HEAD.length() && content.startsWith(HOSTS_HEAD)
                ? new HostsTail(content.substring(HOSTS_HEAD.length())) : content;
    }

    private static String text(Object held) {
        return held instanceof HostsTail t ? HOSTS_HEAD + t.tail() : (String) held;
    }

    /** Whether some file lies under {@code dir} (a directory that holds files exists). */
    public boolean holdsFilesUnder(String dir) {
        String prefix = normalize(dir).endsWith("/") ? normalize(dir) : normalize(dir) + "/";
        for (int i = 0; i < files.length; i += 2) {
            if (((String) files[i]).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private int index(String path) {
        for (int i = 0; i < files.length; i += 2) {
            if (files[i].equals(path)) {
                return i;
            }
        }
        return -1;
    }

    private static String normalize(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
