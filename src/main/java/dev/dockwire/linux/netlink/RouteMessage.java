package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Value form of an IPv4 route message (RTM_NEWROUTE/DELROUTE: {@code rtmsg} plus RTA_*).
 * {@code dst}, {@code gateway} and {@code prefsrc} are IPv4 bits, 0 when absent (a default route
 * carries no RTA_DST); {@code oif} and {@code priority} are 0 when absent. {@code table} is the
 * full table id (RTA_TABLE when it does not fit in {@code rtm_table}).
 */
public record RouteMessage(int family, int dstLen, int tos, int table, int protocol, int scope, int type, int flags,
                           int dst, int gateway, int oif, int prefsrc, int priority) {
    public static final int RTA_DST = 1;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_TABLE = 15;

    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_NOWHERE = 255;
    public static final int RTN_UNICAST = 1;
    /** rtm_flags: the nexthop's device has no carrier ({@code linkdown}). */
    public static final int RTNH_F_LINKDOWN = 16;

    /**
     * {@code ip route add DST/LEN [via GW] dev OIF} as iproute2 sends it: main table, proto boot,
     * scope universe with a gateway, else link.
     */
    public static RouteMessage add(int dst, int dstLen, int gateway, int oif) {
        return new RouteMessage(Rtm.AF_INET, dstLen, 0, RT_TABLE_MAIN, RTPROT_BOOT,
                gateway != 0 ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK, RTN_UNICAST, 0, dst, gateway, oif, 0, 0);
    }

    /** {@code ip route del DST/LEN} as iproute2 sends it: main table, scope nowhere (any), no protocol. */
    public static RouteMessage delete(int dst, int dstLen) {
        return new RouteMessage(Rtm.AF_INET, dstLen, 0, RT_TABLE_MAIN, 0, RT_SCOPE_NOWHERE, 0, 0, dst, 0, 0, 0, 0);
    }

    public static RouteMessage parse(ByteBuf buf, int offset, int length) {
        Rtmsg h = new Rtmsg().wrap(buf, offset);
        Rtattrs a = Rtattrs.parse(buf, offset + Rtmsg.LENGTH, length - Rtmsg.LENGTH);
        int table = a.has(RTA_TABLE) ? a.u32(RTA_TABLE) : h.get(Rtmsg.TABLE);
        return new RouteMessage(h.get(Rtmsg.FAMILY), h.get(Rtmsg.DST_LEN), h.get(Rtmsg.TOS), table,
                h.get(Rtmsg.PROTOCOL), h.get(Rtmsg.SCOPE), h.get(Rtmsg.TYPE), h.flags(),
                AddrMessage.ipv4(a, RTA_DST), AddrMessage.ipv4(a, RTA_GATEWAY), a.has(RTA_OIF) ? a.u32(RTA_OIF) : 0,
                AddrMessage.ipv4(a, RTA_PREFSRC), a.has(RTA_PRIORITY) ? a.u32(RTA_PRIORITY) : 0);
    }

    public void emit(NlmsgWriter w) {
        new Rtmsg().wrap(w.buf(), w.reserve(Rtmsg.LENGTH))
                .set(family, dstLen, 0, tos, Math.min(table, 255), protocol, scope, type, flags);
        if (table > 255) {
            w.u32(RTA_TABLE, table);
        }
        if (dstLen != 0 || dst != 0) {
            w.ipv4(RTA_DST, dst);
        }
        if (prefsrc != 0) {
            w.ipv4(RTA_PREFSRC, prefsrc);
        }
        if (gateway != 0) {
            w.ipv4(RTA_GATEWAY, gateway);
        }
        if (oif != 0) {
            w.u32(RTA_OIF, oif);
        }
        if (priority != 0) {
            w.u32(RTA_PRIORITY, priority);
        }
    }
}
