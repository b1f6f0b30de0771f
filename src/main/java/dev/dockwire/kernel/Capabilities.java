package dev.dockwire.kernel;

/**
 * The capabilities of a process that the network stack asks about (include/uapi/linux/capability.h):
 * {@code CAP_NET_ADMIN} for every change to links, addresses, routes, neighbours, qdiscs and for
 * any use of netfilter, {@code CAP_NET_RAW} for raw and packet sockets. A Docker container has
 * what its bounding set holds (moby's oci/caps/defaults.go: NET_RAW yes, NET_ADMIN no); the host's
 * root has both.
 */
public record Capabilities(boolean netAdmin, boolean netRaw) {
    /** The host's root: every capability. */
    public static final Capabilities ROOT = new Capabilities(true, true);
}
