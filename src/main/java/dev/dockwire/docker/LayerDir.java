package dev.dockwire.docker;

/**
 * A directory an image's layer holds, empty or not: its permission bits and owner, the fields of the
 * directory's tar header (Mode, Uid, Gid) that go-archive's ChangesDirs/ExportChanges write for an
 * added directory and that the layer's containers see through overlayfs (stat's st_mode, st_uid, st_gid).
 */
public record LayerDir(int mode, int uid, int gid) {
    /** A directory as mkdir(2) by root makes it under the default umask (022), and as the builders make WORKDIR's. */
    public static final LayerDir DEFAULT = new LayerDir(0755, 0, 0);

    public LayerDir {
        mode &= 07777;
    }
}
