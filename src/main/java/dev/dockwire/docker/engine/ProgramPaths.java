package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a container's PATH finds a program, the file {@code command -v}, {@code type} and
 * {@code hash} name: alpine's BusyBox applets where its trigger ({@code busybox --install -s})
 * links them, in the directory include/applets.h gives each ({@code /bin/ls}, {@code /usr/bin/wget},
 * {@code /sbin/ip}; resource {@code busybox-paths.txt}); every applet of the busybox image in
 * {@code /bin} (its Dockerfile installs them all there); apk-tools' {@code /sbin/apk}; what a
 * package manager installed where {@link InstalledPackages} wrote it; and a Debian image's programs
 * under {@code /usr} (merged-/usr: {@code /bin} is a link to {@code usr/bin}, and the PATH lists
 * {@code /usr/sbin:/usr/bin} before {@code /sbin:/bin}); a server image's own programs where its {@link ImageTree}
 * places them (redis's and postgres's entrypoints and binaries in /usr/local/bin, nginx in /usr/sbin, httpd's in
 * /usr/local/apache2/bin).
 */
final class ProgramPaths {
    private static final Map<String, String> BUSYBOX = load();

    private ProgramPaths() {
    }

    /** The path of {@code name} (a bare name the image has, from {@code provider}) in {@code c}. */
    static String of(Container c, String name, String provider) {
        if (name.contains("/")) {
            return name;
        }
        if (InstalledPackages.programs(c).containsKey(name)) {
            return InstalledPackages.path(name);
        }
        ImageTree tree = ImageTree.of(c);
        String own = tree == null ? null : tree.program(name);
        if (own != null) {
            return own; // the image's own program where its Dockerfile put it (redis-server in /usr/local/bin)
        }
        if (provider.equals(Images.BUSYBOX)) {
            return Images.baseName(c).equals("busybox") ? "/bin/" + name : BUSYBOX.getOrDefault(name, "/usr/bin/" + name);
        }
        if (name.equals("apk")) {
            return "/sbin/apk";
        }
        return InstalledPackages.path(name);
    }

    /** Whether {@code name} is a BusyBox applet alpine's busybox links ({@code busybox-paths.txt}). */
    static boolean busyboxApplet(String name) {
        return BUSYBOX.containsKey(name);
    }

    /** busybox-paths.txt: {@code bin/ls} lines, name to absolute path. */
    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ProgramPaths.class.getResourceAsStream("/dev/dockwire/docker/busybox-paths.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.put(line.substring(line.lastIndexOf('/') + 1), "/" + line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
