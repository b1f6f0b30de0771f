package dev.dockwire.kernel;

/**
 * How a journey names what it passes, as the user knows it (the kernel knows namespaces and
 * sockets; the engine knows containers and processes).
 */
public interface JourneyNames {
    /** Names are the kernel's own: namespaces by their names, sockets by their ports. */
    JourneyNames KERNEL = ns -> ns;

    /** Namespace {@code ns} (a seam name) as users know it: a container's name for its sandbox. */
    String namespace(String ns);

    /**
     * The process holding the {@code proto} ({@code tcp}/{@code udp}) socket on {@code port} in
     * namespace {@code ns}, e.g. {@code nginx (pid 1)}, or null when unknown.
     */
    default String socketOwner(String ns, String proto, int port) {
        return null;
    }
}
