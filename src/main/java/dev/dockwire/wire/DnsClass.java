package dev.dockwire.wire;

/** DNS CLASS values (RFC 1035 section 3.2.4). */
public final class DnsClass {
    public static final int IN = 1;
    public static final int CH = 3;
    public static final int HS = 4;
    public static final int NONE = 254;
    public static final int ANY = 255;

    private DnsClass() {
    }

    public static String name(int dnsClass) {
        return switch (dnsClass) {
            case IN -> "IN";
            case CH -> "CH";
            case HS -> "HS";
            case NONE -> "NONE";
            case ANY -> "ANY";
            default -> "CLASS" + dnsClass;
        };
    }
}
