package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;

/** Where the builder finds a {@code FROM} image: the daemon's images (the catalogue, earlier builds). */
public interface Bases {
    /** The config of {@code image} as named in FROM after substitution, or null when the registry has no such image. */
    ImageConfig config(String image);

    /** The manifest digest the image resolves to ({@code sha256:...}), shown in the FROM step. */
    String digest(String image);

    /** The image's LABELs, which a stage built on it starts with (none: an image without labels). */
    default java.util.Map<String, String> labels(String image) {
        return java.util.Map.of();
    }

    /**
     * The programs package {@code pkg} of distribution {@code family} ({@code alpine}, {@code debian},
     * {@code fedora}) puts on the PATH, name to provider; null for a package the catalogue does not know.
     */
    default java.util.Map<String, String> packagePrograms(String family, String pkg) {
        return null;
    }

    /** The files the image's own layers hold over its catalogue base (one this daemon committed or built), which a stage FROM it starts with. */
    default java.util.Map<String, String> files(String image) {
        return java.util.Map.of();
    }

    /** The directories the image's own layers made (a build's RUN mkdir and WORKDIR, a commit's), which a stage FROM it starts with. */
    default java.util.Map<String, dev.dockwire.docker.LayerDir> dirs(String image) {
        return java.util.Map.of();
    }

    /** The owners other than root of the files the image's own layers hold ({@code COPY --chown}'s), which a stage FROM it keeps. */
    default java.util.Map<String, dev.dockwire.docker.LayerFile> owners(String image) {
        return java.util.Map.of();
    }

    /** The text of {@code path} in catalogue image {@code reference} ({@code /etc/passwd} for {@code --chown}), or null when it has none. */
    default String file(String reference, String path) {
        return null;
    }

    /** Whether catalogue image {@code reference} has directory {@code path} (WORKDIR makes none there). */
    default boolean directory(String reference, String path) {
        return false;
    }

    /** The catalogue base's files the image's layers removed (its whiteouts), which a stage FROM it lacks. */
    default java.util.Set<String> removed(String image) {
        return java.util.Set.of();
    }

    /** The name BuildKit shows and resolves: {@code nginx} is {@code docker.io/library/nginx:latest}. */
    static String canonical(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (slash < 0) {
            name = "docker.io/library/" + name;
        } else if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            name = "docker.io/" + name;
        }
        int lastSlash = name.lastIndexOf('/');
        if (!name.contains("@") && name.indexOf(':', lastSlash) < 0) {
            name += ":latest";
        }
        return name;
    }
}
