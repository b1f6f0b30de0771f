package dev.dockwire.wire;

/** DNS resource record TYPE values (RFC 1035 3.2.2, RFC 3596 AAAA, RFC 2782 SRV, RFC 6891 OPT). */
public final class DnsType {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int OPT = 41;
    public static final int ANY = 255;

    private DnsType() {
    }

    /** The mnemonic dig prints, or {@code TYPEnnn} (RFC 3597 section 5). */
    public static String name(int type) {
        return switch (type) {
            case A -> "A";
            case NS -> "NS";
            case CNAME -> "CNAME";
            case SOA -> "SOA";
            case PTR -> "PTR";
            case MX -> "MX";
            case TXT -> "TXT";
            case AAAA -> "AAAA";
            case SRV -> "SRV";
            case OPT -> "OPT";
            case ANY -> "ANY";
            default -> "TYPE" + type;
        };
    }
}
