package dev.dockwire.docker.engine;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.PortSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What dockwire knows of common images: their default command (for ps and inspect) and a stable digest. */
public final class Images {
    private static final Map<String, List<String>> DEFAULT_CMD = Map.of(
            "alpine", List.of("/bin/sh"),
            "busybox", List.of("sh"),
            "ubuntu", List.of("/bin/bash"),
            "debian", List.of("bash"),
            "nginx", List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"),
            "httpd", List.of("httpd-foreground"));

    /** The ports each image's Dockerfile EXPOSEs, what {@code -P} publishes. */
    private static final Map<String, List<String>> EXPOSED = Map.of(
            "nginx", List.of("80/tcp"),
            "httpd", List.of("80/tcp"),
            "whoami", List.of("80/tcp"),
            "http-echo", List.of("5678/tcp"),
            "postgres", List.of("5432/tcp"),
            "mysql", List.of("3306/tcp", "33060/tcp"),
            "mariadb", List.of("3306/tcp"),
            "mongo", List.of("27017/tcp"),
            "redis", List.of("6379/tcp"));

    private Images() {
    }

    /** The image name without registry, tag or digest: {@code docker.io/library/nginx:1.27} → {@code nginx}. */
    static String baseName(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            s = s.substring(0, colon);
        }
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** EXPOSEd ports of {@code image}; a declared image exposes the port it serves. */
    static List<PortSpec> exposed(String image, ImageDaemons.Declared declared) {
        if (declared != null) {
            return PortSpec.exposed(declared.port() + "/tcp");
        }
        List<PortSpec> out = new java.util.ArrayList<>();
        for (String p : EXPOSED.getOrDefault(baseName(image), List.of())) {
            out.addAll(PortSpec.exposed(p));
        }
        return out;
    }

    /**
     * The config of {@code image} as far as dockwire knows it, or null for an image it does not
     * know: the nginx images run {@code /docker-entrypoint.sh} with CMD {@code nginx -g 'daemon
     * off;'} and stop on SIGQUIT (their Dockerfile's STOPSIGNAL); every other known image has only
     * a CMD and stops on SIGTERM.
     */
    public static ImageConfig config(String image) {
        String base = baseName(image);
        List<String> cmd = DEFAULT_CMD.get(base);
        List<String> exposed = EXPOSED.getOrDefault(base, List.of());
        if (cmd == null && !EXPOSED.containsKey(base)) {
            return null;
        }
        List<String> entrypoint = List.of();
        String stopSignal = "SIGTERM";
        if (base.equals("nginx")) {
            entrypoint = cmd.subList(0, 1);
            cmd = cmd.subList(1, cmd.size());
            stopSignal = "SIGQUIT";
        }
        return new ImageConfig(image, entrypoint, cmd == null ? List.of() : cmd, List.of(), "", "", exposed, stopSignal,
                null, java.util.Set.of());
    }

    public static List<String> defaultCmd(String image) {
        return DEFAULT_CMD.getOrDefault(baseName(image), List.of());
    }

    /** A made-up but stable image id: sha256 of the name. */
    public static String digest(String image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
