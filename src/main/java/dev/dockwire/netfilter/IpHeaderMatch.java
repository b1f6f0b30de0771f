package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;

/**
 * The fixed part of every rule ({@code struct ipt_ip}): source and destination with masks,
 * input and output interface (a trailing {@code +} matches a prefix), protocol, and an inversion
 * flag for each ({@code ! -s}, ...). {@code ip_packet_match} in ip_tables.c.
 */
public final class IpHeaderMatch {
    public static final int INV_SRC = 0x08;
    public static final int INV_DST = 0x10;
    public static final int INV_IN = 0x01;
    public static final int INV_OUT = 0x02;
    public static final int INV_PROTO = 0x40;

    final int src;
    final int smsk;
    final int dst;
    final int dmsk;
    final String in;
    final String out;
    final int proto;
    final int inv;
    /** No interface and nothing inverted (most rules): {@link #matches} compares the three fields only. */
    private final boolean plain;

    public IpHeaderMatch(int src, int smsk, int dst, int dmsk, String in, String out, int proto, int inv) {
        this.src = src & smsk;
        this.smsk = smsk;
        this.dst = dst & dmsk;
        this.dmsk = dmsk;
        this.in = in;
        this.out = out;
        this.proto = proto;
        this.inv = inv;
        this.plain = in == null && out == null && inv == 0;
    }

    /** Equal when every field is: rules with equal headers share one ({@link RuleParts}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof IpHeaderMatch m && src == m.src && smsk == m.smsk && dst == m.dst && dmsk == m.dmsk
                && proto == m.proto && inv == m.inv && java.util.Objects.equals(in, m.in) && java.util.Objects.equals(out, m.out);
    }

    @Override
    public int hashCode() {
        return ((((src * 31 + smsk) * 31 + dst) * 31 + dmsk) * 31 + proto) * 31 + inv
                + java.util.Objects.hashCode(in) * 7 + java.util.Objects.hashCode(out) * 13;
    }

    public int proto() {
        return proto;
    }

    public int src() {
        return src;
    }

    public int srcMask() {
        return smsk;
    }

    public int dst() {
        return dst;
    }

    public int dstMask() {
        return dmsk;
    }

    /** The input interface pattern, or null. */
    public String in() {
        return in;
    }

    /** The output interface pattern, or null. */
    public String out() {
        return out;
    }

    /** Whether the part with flag {@code inv} ({@link #INV_SRC}, ...) is inverted. */
    public boolean inverted(int flag) {
        return (inv & flag) != 0;
    }

    public boolean protoInverted() {
        return (inv & INV_PROTO) != 0;
    }

    boolean matches(NfPacket p) {
        if (plain) {
            return (p.src & smsk) == src && (p.dst & dmsk) == dst && (proto == 0 || p.protocol == proto);
        }
        if ((((p.src & smsk) != src) ^ ((inv & INV_SRC) != 0))
                || (((p.dst & dmsk) != dst) ^ ((inv & INV_DST) != 0))) {
            return false;
        }
        if (in != null && !iface(p.in, in, (inv & INV_IN) != 0)) {
            return false;
        }
        if (out != null && !iface(p.out, out, (inv & INV_OUT) != 0)) {
            return false;
        }
        return proto == 0 || ((p.protocol == proto) ^ ((inv & INV_PROTO) != 0));
    }

    private static boolean iface(NetDevice dev, String pattern, boolean invert) {
        String name = dev == null ? "" : dev.name();
        boolean hit;
        int n = pattern.length();
        if (n > 0 && pattern.charAt(n - 1) == '+') {
            hit = name.regionMatches(0, pattern, 0, n - 1);
        } else {
            hit = name.equals(pattern);
        }
        return hit ^ invert;
    }

    /** The iptables-save text: {@code [! -s A] [! -d A] [! -i I] [! -o I] [! -p P]}. */
    void save(StringBuilder sb) {
        if (smsk != 0 || (inv & INV_SRC) != 0) {
            sb.append((inv & INV_SRC) != 0 ? " ! -s " : " -s ").append(XtFormat.addrMask(src, smsk));
        }
        if (dmsk != 0 || (inv & INV_DST) != 0) {
            sb.append((inv & INV_DST) != 0 ? " ! -d " : " -d ").append(XtFormat.addrMask(dst, dmsk));
        }
        if (in != null) {
            sb.append((inv & INV_IN) != 0 ? " ! -i " : " -i ").append(in);
        }
        if (out != null) {
            sb.append((inv & INV_OUT) != 0 ? " ! -o " : " -o ").append(out);
        }
        if (proto != 0) {
            sb.append((inv & INV_PROTO) != 0 ? " ! -p " : " -p ").append(XtFormat.protoName(proto));
        }
    }
}
