package dev.dockwire.docker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What dockwire knows of common images: their default command (for ps and inspect) and a stable digest. */
final class Images {
    private static final Map<String, List<String>> DEFAULT_CMD = Map.of(
            "alpine", List.of("/bin/sh"),
            "busybox", List.of("sh"),
            "ubuntu", List.of("/bin/bash"),
            "debian", List.of("bash"),
            "nginx", List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"),
            "httpd", List.of("httpd-foreground"));

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

    static List<String> defaultCmd(String image) {
        return DEFAULT_CMD.getOrDefault(baseName(image), List.of());
    }

    /** A made-up but stable image id: sha256 of the name. */
    static String digest(String image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
