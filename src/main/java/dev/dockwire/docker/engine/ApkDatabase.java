package dev.dockwire.docker.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * apk's database of the alpine image's own packages ({@code /lib/apk/db/installed} as apk-tools reads it): each
 * package's version, origin, license, description and files in apk's order, from resource {@code rootfs/alpine.packages}
 * (its header says where they came from), read once. What {@code apk info -v}, {@code -vv}, {@code -L} and
 * {@code apk list --installed} print of them ({@link Apk}).
 */
final class ApkDatabase {
    /** One installed package: {@code files} relative to the root, as {@code apk info -L} lists them. */
    record Package(String name, String version, String origin, String license, String description, List<String> files) {
    }

    private static volatile Map<String, Package> image;

    private ApkDatabase() {
    }

    /** The image's packages by name, in the order apk installed them. */
    static Map<String, Package> image() {
        Map<String, Package> out = image;
        if (out == null) {
            out = load();
            image = out;
        }
        return out;
    }

    private static Map<String, Package> load() {
        Map<String, Package> out = new LinkedHashMap<>();
        try (InputStream in = ApkDatabase.class.getResourceAsStream("rootfs/alpine.packages")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] head = null;
            List<String> files = new ArrayList<>();
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.startsWith("@")) {
                    if (head != null) {
                        out.put(head[0], new Package(head[0], head[1], head[2], head[3], head[4], List.copyOf(files)));
                    }
                    if (line == null) {
                        break;
                    }
                    head = line.substring(1).split("\\|", 5);
                    files.clear();
                } else if (!line.startsWith("#") && !line.isEmpty()) {
                    files.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
