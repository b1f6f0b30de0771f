package dev.dockwire.docker.engine;

import dev.dockwire.docker.ImageConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images this daemon has, after moby's daemon/images ImageService: the catalogue's (as if
 * pulled from Docker Hub) and the ones a script or the prompt declared with {@code # dockwire:
 * image NAME http PORT ...}. Any other image is one the daemon cannot pull.
 */
public final class ImageService {
    private final Map<String, ImageDaemons.Declared> declared = new LinkedHashMap<>();

    /** Declares what {@code image} runs: an HTTP server on {@code port} answering {@code text} (its hostname when null). */
    void declare(String image, int port, String text) {
        declared.put(key(image), new ImageDaemons.Declared(port, text));
    }

    /** The declaration of {@code image} under any of its names ({@code app}, {@code app:latest}, {@code docker.io/library/app}). */
    ImageDaemons.Declared declared(String image) {
        return declared.get(key(image));
    }

    /**
     * The image's config: a declared image's says only that it exposes the port it serves (a
     * declaration names no entrypoint); otherwise the catalogue's; null for an image the daemon
     * does not have.
     */
    public ImageConfig config(String image) {
        ImageDaemons.Declared d = declared(image);
        if (d != null) {
            return new ImageConfig(image, List.of(), List.of(), List.of(ImageConfig.DEFAULT_PATH), "", "",
                    List.of(d.port() + "/tcp"), "SIGTERM", null, Map.of());
        }
        return Images.config(image);
    }

    /**
     * What pulling {@code image} fails with when the daemon does not have it: Docker Hub's answer
     * for a repository that does not exist (moby distribution/errors.go, notFoundError with
     * errcode.ErrorCodeDenied), or null when the daemon has it. A reference that does not parse is
     * left to the daemon's other checks.
     */
    public String pullError(String image) {
        Reference ref = Reference.parse(image);
        if (ref == null || config(image) != null) {
            return null;
        }
        return "pull access denied for " + ref.familiarName() + ", repository does not exist or may require 'docker login': "
                + "denied: requested access to the resource is denied";
    }

    /**
     * Why the CLI refuses {@code image} before asking the daemon (distribution/reference
     * ParseNormalizedNamed), or null for a valid reference: an upper-case repository is named with
     * the {@code library/} prefix Docker Hub's official images get.
     */
    public static String referenceError(String image) {
        if (Reference.parse(image) != null) {
            return null;
        }
        String remote = image.split("[:@]", 2)[0];
        int slash = remote.indexOf('/');
        String first = slash < 0 ? "" : remote.substring(0, slash);
        if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            remote = remote.substring(slash + 1);
        } else if (slash < 0) {
            remote = "library/" + remote;
        }
        if (!remote.toLowerCase(java.util.Locale.ROOT).equals(remote)
                && Reference.parse(image.toLowerCase(java.util.Locale.ROOT)) != null) {
            return "invalid reference format: repository name (" + remote + ") must be lowercase";
        }
        return "invalid reference format";
    }

    /** The CLI's line before it pulls (docker/cli container/create.go): {@code Unable to find image 'app:latest' locally}. */
    public static String unableToFind(String image) {
        Reference ref = Reference.parse(image);
        return "Unable to find image '" + (ref == null ? image : ref.familiarTagged()) + "' locally";
    }

    /** The name the daemon gives {@code image}: {@code nginx} and {@code docker.io/library/nginx:latest} are {@code nginx:latest}. */
    public static String familiar(String image) {
        return key(image);
    }

    private static String key(String image) {
        Reference ref = Reference.parse(image);
        return ref == null ? image : ref.familiarTagged();
    }
}
