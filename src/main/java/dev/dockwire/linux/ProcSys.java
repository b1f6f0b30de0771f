package dev.dockwire.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** /proc/sys as the calling thread's network namespace shows it (read from a thread inside it). */
final class ProcSys {
    private static final Path ROOT = Path.of("/proc/sys");

    private ProcSys() {
    }

    /** MemTotal of /proc/meminfo in bytes (0 when it cannot be read). */
    static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable /proc: no figure
        }
        return 0;
    }

    /** The file of sysctl {@code key} ({@code net.ipv4.ip_forward}: /proc/sys/net/ipv4/ip_forward). */
    static Path path(String key) {
        return ROOT.resolve(key.replace('.', '/'));
    }

    /** A failed read or write of {@code key} as procps' sysctl words it. */
    static dev.dockwire.kernel.KernelException error(String key, IOException e) {
        return new dev.dockwire.kernel.KernelException(e instanceof java.nio.file.NoSuchFileException
                ? "sysctl: cannot stat " + path(key) + ": No such file or directory"
                : "sysctl: setting key \"" + key + "\": " + e.getMessage());
    }

    /**
     * A /proc/sys file in one read(2): the kernel's proc_dointvec handlers answer only at offset 0,
     * so Files.readString (which reads a size-0 file a byte at a time) would see just the first
     * character of "0\t2147483647".
     */
    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[4096];
            int n = in.read(b);
            return n <= 0 ? "" : new String(b, 0, n, StandardCharsets.US_ASCII).strip();
        }
    }

    /**
     * Every file under /proc/sys/net with its value, by key (procps' sysctl.c DisplayAll over the
     * net tree); a file that cannot be read (write-only, EPERM) is left out, as sysctl -a leaves it.
     */
    static SortedMap<String, String> net() {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("net"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try {
                    out.put(ROOT.relativize(f).toString().replace('/', '.'), read(f));
                } catch (IOException e) {
                    // unreadable: sysctl -a skips it without a word
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
