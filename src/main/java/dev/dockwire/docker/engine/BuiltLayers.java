package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.LayerFile;
import dev.dockwire.docker.FileStore;
import dev.dockwire.docker.FileTable;
import dev.dockwire.docker.LayerDir;
import java.util.Map;
import java.util.Set;

/**
 * A built or committed image's layers as one read-only table over its catalogue image's files, as
 * overlayfs stacks the lowerdirs of its containers (and of a build's RUN containers): the directories
 * its layers made with their modes and owners (an empty one included: go-archive's ChangesDirs puts an
 * added directory in the layer tar), the files they wrote (with their owners: COPY --chown's), then their whiteouts (a file's,
 * or a directory's and all below it).
 */
public final class BuiltLayers {
    private BuiltLayers() {
    }

    /** The layers of {@code files}, {@code dirs} and {@code removed} over {@code c}'s catalogue image's files. */
    public static FileTable of(Container c, FileStore image, Map<String, String> files, Map<String, LayerDir> dirs, Set<String> removed) {
        return of(c, image, files, dirs, removed, Map.of());
    }

    /** The layers as {@link #of(Container, FileStore, Map, Map, Set)}, the files of {@code owners} with their modes and owners (their tar headers' Mode, Uid and Gid). */
    public static FileTable of(Container c, FileStore image, Map<String, String> files, Map<String, LayerDir> dirs, Set<String> removed,
            Map<String, LayerFile> owners) {
        FileTable layers = new FileTable();
        layers.lower(image);
        dirs.forEach((path, dir) -> {
            // Before the files under them (a table refuses mkdir over its files); WORKDIR's are made only where the
            // catalogue image lacks them (mkdir -p): the image's keep their own fields.
            if (!ImageDirectories.catalogue(c, path) && !layers.isDirectory(path) && layers.mkdir(path)) {
                layers.chmod(path, dir.mode());
                layers.own(path, dir.uid(), dir.gid());
            }
        });
        files.forEach((path, text) -> {
            layers.write(path, text, false);
            LayerFile o = owners.get(path);
            if (o != null) {
                layers.own(path, o.uid(), o.gid());
                if (o.mode() != 0644) {
                    layers.chmod(path, o.mode());
                }
            }
        });
        for (String gone : removed) {
            if (!layers.remove(gone)) {
                layers.removeDirectory(gone, true);
            }
        }
        return layers;
    }

    /**
     * The layer entry of directory {@code path} that {@code c} made in its writable layer (mkdir(2):
     * the mode it was made with or chmod gave it, its owner), or null when {@code c} did not make it.
     */
    public static LayerDir made(Container c, String path) {
        if (!c.madeDirectory(path)) {
            return null;
        }
        long owner = c.owner(path);
        int mode = c.mode(path);
        return new LayerDir(mode < 0 ? 0755 : mode, (int) (owner >>> 32), (int) owner);
    }
}
