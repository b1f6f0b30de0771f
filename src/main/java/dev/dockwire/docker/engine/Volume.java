package dev.dockwire.docker.engine;

import dev.dockwire.docker.FileTable;
import java.util.Map;

/**
 * A volume of the {@code local} driver (moby volume/local): its name, when it was made, its labels
 * and its files, kept under {@code /var/lib/docker/volumes/NAME/_data} for every container that
 * mounts it. An anonymous one (a container's {@code -v /path}, its image's VOLUME) carries moby 28's
 * {@code com.docker.volume.anonymous} label, which is what {@code docker rm -v} and a
 * {@code volume prune} without {@code -a} remove.
 */
public record Volume(String name, long createdNanos, Map<String, String> labels, FileTable files) {
    /** The label moby 28 gives the volumes it makes for a container (volume/service AnonymousLabel). */
    public static final String ANONYMOUS = "com.docker.volume.anonymous";

    public Volume {
        labels = Map.copyOf(labels);
    }

    /** Its {@code _data} directory, under the daemon's data root (Mountpoint). */
    public String mountpoint() {
        return "/var/lib/docker/volumes/" + name + "/_data";
    }

    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS);
    }
}
