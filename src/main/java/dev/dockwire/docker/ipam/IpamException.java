package dev.dockwire.docker.ipam;

/**
 * An IPAM request refused, with libnetwork's {@code ipamapi} error (ipamapi/contract.go); the
 * engine wraps it in the daemon's wording, which names the network or the endpoint.
 */
public final class IpamException extends RuntimeException {
    /** The ipamapi errors dockwire can meet. */
    public enum Kind {
        /** {@code ErrNoAvailableIPs}. */
        NO_AVAILABLE_IPS("No available addresses on this pool"),
        /** {@code ErrIPOutOfRange}. */
        IP_OUT_OF_RANGE("requested address is out of range"),
        /** {@code ErrIPAlreadyAllocated}. */
        IP_ALREADY_ALLOCATED("Address already in use");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private final Kind kind;

    public IpamException(Kind kind) {
        super(kind.text);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
