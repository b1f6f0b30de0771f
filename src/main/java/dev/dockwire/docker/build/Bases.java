package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;

/** Where the builder finds a {@code FROM} image: the daemon's images (the catalogue, earlier builds). */
public interface Bases {
    /** The config of {@code image} as named in FROM after substitution, or null when the registry has no such image. */
    ImageConfig config(String image);

    /** The manifest digest the image resolves to ({@code sha256:...}), shown in the FROM step. */
    String digest(String image);
}
