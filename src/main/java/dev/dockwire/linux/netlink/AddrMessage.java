package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Value form of an IPv4 address message (RTM_NEWADDR/DELADDR: {@code ifaddrmsg} plus IFA_*).
 * Addresses are IPv4 bits; 0 means the attribute is absent. For a point-to-point link IFA_ADDRESS
 * is the peer; otherwise it equals IFA_LOCAL, and iproute2 sends both.
 */
public record AddrMessage(int family, int prefixlen, int flags, int scope, int index,
                          int local, int address, int broadcast, String label) {
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;

    /** {@code ip addr add LOCAL/PREFIXLEN [broadcast BRD] dev INDEX}. */
    public static AddrMessage inet(int index, int local, int prefixlen, int broadcast) {
        return new AddrMessage(Rtm.AF_INET, prefixlen, 0, RT_SCOPE_UNIVERSE, index, local, local, broadcast, null);
    }

    public static AddrMessage parse(ByteBuf buf, int offset, int length) {
        Ifaddrmsg h = new Ifaddrmsg().wrap(buf, offset);
        Rtattrs a = Rtattrs.parse(buf, offset + Ifaddrmsg.LENGTH, length - Ifaddrmsg.LENGTH);
        return new AddrMessage(h.family(), h.prefixlen(), h.flags(), h.scope(), h.index(),
                ipv4(a, IFA_LOCAL), ipv4(a, IFA_ADDRESS), ipv4(a, IFA_BROADCAST),
                a.has(IFA_LABEL) ? a.string(IFA_LABEL) : null);
    }

    static int ipv4(Rtattrs a, int type) {
        return a.length(type) == 4 ? a.ipv4(type) : 0;
    }

    public void emit(NlmsgWriter w) {
        new Ifaddrmsg().wrap(w.buf(), w.reserve(Ifaddrmsg.LENGTH)).set(family, prefixlen, flags, scope, index);
        if (local != 0) {
            w.ipv4(IFA_LOCAL, local);
        }
        if (address != 0) {
            w.ipv4(IFA_ADDRESS, address);
        }
        if (broadcast != 0) {
            w.ipv4(IFA_BROADCAST, broadcast);
        }
        if (label != null) {
            w.string(IFA_LABEL, label);
        }
    }
}
