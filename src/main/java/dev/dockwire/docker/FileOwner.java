package dev.dockwire.docker;

/**
 * The owner a layer gives a file it holds (a tar header's Uid and Gid: {@code COPY --chown}'s), which its
 * containers see through overlayfs as stat's st_uid and st_gid; a file without one is root's.
 */
public record FileOwner(int uid, int gid) {
}
