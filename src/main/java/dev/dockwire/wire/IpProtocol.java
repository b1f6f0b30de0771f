package dev.dockwire.wire;

/** IANA protocol numbers carried in the IPv4 protocol field. */
public final class IpProtocol {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int SCTP = 132;

    private IpProtocol() {
    }

    public static String name(int protocol) {
        return switch (protocol) {
            case ICMP -> "icmp";
            case TCP -> "tcp";
            case UDP -> "udp";
            case SCTP -> "sctp";
            default -> Integer.toString(protocol);
        };
    }
}
