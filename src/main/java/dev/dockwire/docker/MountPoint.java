package dev.dockwire.docker;

/**
 * A mount of a container as moby's container.MountPoint keeps it and {@code docker inspect}'s
 * {@code .Mounts} shows it (api/types.MountPoint), with the files it lays over {@code destination}.
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs}
 * @param name the volume's name; "" for a bind
 * @param source the host's path: the volume's {@code _data} directory or the bind's source
 * @param driver {@code local} for a volume; "" for a bind
 * @param mode as moby reports it: {@code z} for a named volume, the {@code -v} mode otherwise
 * @param propagation {@code rprivate} for a bind, "" for a volume
 * @param files the volume's files, or the bind source's
 * @param spec what {@code -v}/{@code --mount} asked for (HostConfig.Binds, HostConfig.Mounts); null for the image's VOLUME
 */
public record MountPoint(String type, String name, String source, String destination, String driver, String mode,
                         boolean rw, String propagation, FileStore files, MountSpec spec) {

    /**
     * Whether moby keeps it among the container's MountPoints ({@code .Mounts}): all but a
     * {@code --tmpfs} (HostConfig.Tmpfs, a tmpfs without a spec), which daemon/oci_linux.go adds to
     * the OCI spec only.
     */
    public boolean listed() {
        return !(type.equals(MountSpec.TMPFS) && spec == null);
    }

    /** Whether {@code path} is {@code destination} or lies under it. */
    boolean covers(String path) {
        return path.equals(destination) || path.startsWith(destination.endsWith("/") ? destination : destination + "/");
    }

    /** {@code path} (covered) as a path of the mounted files: {@code /dest/a/b} is {@code /a/b}. */
    String inside(String path) {
        String rest = destination.equals("/") ? path : path.substring(destination.length());
        return rest.isEmpty() ? "/" : rest;
    }
}
