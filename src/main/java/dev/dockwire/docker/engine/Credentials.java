package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.kernel.Capabilities;

/**
 * The credentials of a container's processes as the network stack checks them: the bounding set
 * runc gives the container (HostConfig's CapAdd, CapDrop and Privileged over moby's
 * oci/caps/defaults.go); a process carries them ({@link Exec#credentials}), and the seam it calls
 * and the sockets it opens ask them ({@code kernel.CapableKernel}).
 */
public final class Credentials {
    private Credentials() {
    }

    /** {@code c}'s CAP_NET_ADMIN and CAP_NET_RAW. */
    public static Capabilities of(Container c) {
        return new Capabilities(c.options().hasCapability("CAP_NET_ADMIN"), c.options().hasCapability("CAP_NET_RAW"));
    }
}
