package dev.dockwire.app.dns;

import java.util.List;

/**
 * What Docker's embedded DNS server knows for one container: the addresses of names on the
 * networks the container is attached to (container names, aliases, short ids, hostnames, and
 * {@code name.network}), the names of those addresses, and where to forward everything else.
 */
public interface Records {
    /**
     * The IPv4 addresses of {@code name} (lower-cased, no trailing dot); empty when unknown.
     * Names known only in the other address family answer true to {@link #known}.
     */
    List<Integer> a(String name);

    /** Whether {@code name} is a local name at all (then AAAA gets NOERROR with no answer). */
    boolean known(String name);

    /** The PTR target for a container address ({@code name.network}), or null. */
    String ptr(int address);

    /** Upstream servers to forward to, in order (at most 3 are used); empty on --internal networks. */
    List<Integer> upstreams();
}
