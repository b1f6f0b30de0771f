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

    /**
     * What a process of {@code c} running as {@code who} holds: the container's set for root; none
     * for any other user, as runc starts it (its permitted and effective sets are cleared by
     * execve(2) for a non-root uid; Docker sets no ambient capabilities).
     */
    public static Capabilities of(Container c, dev.dockwire.app.Cred who) {
        return who.root() ? of(c) : NONE;
    }

    private static final Capabilities NONE = new Capabilities(false, false);
}
