package dev.dockwire.wire;

/** DNS response codes (RFC 1035 section 4.1.1; BADVERS from RFC 6891 needs the EDNS0 extension). */
public final class DnsRcode {
    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;
    public static final int REFUSED = 5;
    /** Extended RCODE 16 (RFC 6891 section 9): header RCODE 0, OPT extended RCODE 1. */
    public static final int BADVERS = 16;

    private DnsRcode() {
    }

    /** The name dig prints in "status:". */
    public static String name(int rcode) {
        return switch (rcode) {
            case NOERROR -> "NOERROR";
            case FORMERR -> "FORMERR";
            case SERVFAIL -> "SERVFAIL";
            case NXDOMAIN -> "NXDOMAIN";
            case NOTIMP -> "NOTIMP";
            case REFUSED -> "REFUSED";
            case BADVERS -> "BADVERS";
            default -> "RESERVED" + rcode;
        };
    }
}
