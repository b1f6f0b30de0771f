package dev.dockwire.netfilter;

/** ICMP type facts conntrack needs: which requests start a connection and their reply types. */
public final class IcmpTypes {
    private IcmpTypes() {
    }

    /** The reply to a query type and back (echo 8/0, timestamp 13/14, info 15/16, mask 17/18), or -1. */
    public static int invert(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** icmp_new's valid_new: the request types that may create a connection. */
    public static boolean validNew(int type) {
        return type == 8 || type == 13 || type == 15 || type == 17;
    }

    /** The error types whose payload quotes an offending packet (icmp_error). */
    public static boolean isError(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    /** The query types whose identifier NAT may remap (icmp_manip_pkt). */
    public static boolean hasId(int type) {
        return type == 0 || type == 8 || type == 13 || type == 14 || type == 15 || type == 16 || type == 17
                || type == 18;
    }
}
