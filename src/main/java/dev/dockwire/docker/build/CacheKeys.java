package dev.dockwire.docker.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache keys of a build's steps as BuildKit's solver derives them (a vertex's digest over its
 * inputs' digests and its own definition, solver/cachekey.go): each step's key is chained from the one
 * before it in its stage, a stage FROM another stage starting from that stage's last; the same base,
 * instructions and inputs give the same key, which the build cache answers.
 */
final class CacheKeys {
    private CacheKeys() {
    }

    /** The key of step {@code text} that took {@code input} in, after the step whose key is {@code previous} ("" for none). */
    static String chain(String previous, String text, String input) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((previous + "\0" + text + "\0" + input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
