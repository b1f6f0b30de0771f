package dev.dockwire.docker;

/**
 * A regular file's fields a layer holds besides its content (a tar header's Mode, Uid and Gid:
 * {@code COPY --chown}'s owner, an ADDed archive member's mode and ids), which its containers see through
 * overlayfs as stat's st_mode, st_uid and st_gid; a file without one is root's, 0644.
 */
public record LayerFile(int mode, int uid, int gid) {
    public LayerFile {
        mode &= 07777;
    }

    /** A file of {@code uid}:{@code gid} with the mode a context file has (0644). */
    public static LayerFile owned(int uid, int gid) {
        return new LayerFile(0644, uid, gid);
    }
}
