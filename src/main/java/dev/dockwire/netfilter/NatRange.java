package dev.dockwire.netfilter;

/**
 * {@code struct nf_nat_range2}: the addresses and ports a NAT target may map to.
 * {@link #MAP_IPS} means the address range applies, {@link #PROTO_SPECIFIED} the port range.
 */
public record NatRange(int flags, int minIp, int maxIp, int minPort, int maxPort) {
    public static final int MAP_IPS = 1;
    public static final int PROTO_SPECIFIED = 2;
    /** enum nf_nat_manip_type: NF_NAT_MANIP_SRC (SNAT, MASQUERADE) and NF_NAT_MANIP_DST (DNAT). */
    public static final int MANIP_SRC = 0;
    public static final int MANIP_DST = 1;

    public boolean mapIps() {
        return (flags & MAP_IPS) != 0;
    }

    public boolean protoSpecified() {
        return (flags & PROTO_SPECIFIED) != 0;
    }

    /** {@code IP[-IP][:PORT[-PORT]]} as the DNAT/SNAT targets print it after {@code to:}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (mapIps()) {
            sb.append(dev.dockwire.wire.Ipv4Address.format(minIp));
            if (maxIp != minIp) {
                sb.append('-').append(dev.dockwire.wire.Ipv4Address.format(maxIp));
            }
        }
        if (protoSpecified()) {
            sb.append(':').append(minPort);
            if (maxPort != minPort) {
                sb.append('-').append(maxPort);
            }
        }
        return sb.toString();
    }
}
