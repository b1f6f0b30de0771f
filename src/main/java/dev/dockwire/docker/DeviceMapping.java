package dev.dockwire.docker;

/**
 * One {@code --device HOST[:CONTAINER][:PERMISSIONS]} as moby keeps it (api/types/container
 * DeviceMapping, HostConfig.Devices): the host's node, where it appears in the container, and the
 * device cgroup's access letters ({@code rwm} unless given).
 */
public record DeviceMapping(String pathOnHost, String pathInContainer, String cgroupPermissions) {
}
