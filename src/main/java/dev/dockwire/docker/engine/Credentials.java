package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.kernel.CapableKernel;
import dev.dockwire.kernel.Capabilities;
import dev.dockwire.kernel.Kernel;

/**
 * The credentials of a container's processes as the network stack checks them: the bounding set
 * runc gives the container (HostConfig's CapAdd, CapDrop and Privileged over moby's
 * oci/caps/defaults.go), and the seam as a process holding it sees it.
 */
public final class Credentials {
    private Credentials() {
    }

    /** {@code c}'s CAP_NET_ADMIN and CAP_NET_RAW. */
    public static Capabilities of(Container c) {
        return new Capabilities(c.options().hasCapability("CAP_NET_ADMIN"), c.options().hasCapability("CAP_NET_RAW"));
    }

    /** {@code kernel} as {@code c}'s processes call it: changes refused without CAP_NET_ADMIN, captures without CAP_NET_RAW. */
    public static Kernel kernel(Kernel kernel, Container c) {
        return CapableKernel.of(kernel, of(c));
    }
}
