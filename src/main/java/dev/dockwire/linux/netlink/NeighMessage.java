package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Value form of a neighbour message (RTM_NEWNEIGH/DELNEIGH: {@code ndmsg} plus NDA_*): an ARP
 * entry with family AF_INET, or a bridge FDB entry with family AF_BRIDGE (then {@code dst} is 0
 * and NDA_MASTER names the bridge). {@code lladdr} is -1 when absent.
 */
public record NeighMessage(int family, int ifindex, int state, int flags, int type, int dst, long lladdr, int master) {
    public static final int NDA_DST = 1;
    public static final int NDA_LLADDR = 2;
    public static final int NDA_MASTER = 9;

    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;
    /** ndm_flags: the FDB entry belongs to the bridge itself ({@code self}) rather than its master. */
    public static final int NTF_SELF = 0x02;
    public static final int NTF_MASTER = 0x04;

    /** {@code ip neigh add DST lladdr MAC dev IFINDEX nud permanent}. */
    public static NeighMessage permanent(int ifindex, int dst, long lladdr) {
        return new NeighMessage(Rtm.AF_INET, ifindex, NUD_PERMANENT, 0, 0, dst, lladdr, 0);
    }

    public static NeighMessage parse(ByteBuf buf, int offset, int length) {
        Ndmsg h = new Ndmsg().wrap(buf, offset);
        Rtattrs a = Rtattrs.parse(buf, offset + Ndmsg.LENGTH, length - Ndmsg.LENGTH);
        return new NeighMessage(h.family(), h.ifindex(), h.state(), h.flags(), h.type(), AddrMessage.ipv4(a, NDA_DST),
                a.length(NDA_LLADDR) == 6 ? a.mac(NDA_LLADDR) : -1, a.has(NDA_MASTER) ? a.u32(NDA_MASTER) : 0);
    }

    public void emit(NlmsgWriter w) {
        new Ndmsg().wrap(w.buf(), w.reserve(Ndmsg.LENGTH)).set(family, ifindex, state, flags, type);
        if (dst != 0) {
            w.ipv4(NDA_DST, dst);
        }
        if (lladdr != -1) {
            w.mac(NDA_LLADDR, lladdr);
        }
        if (master != 0) {
            w.u32(NDA_MASTER, master);
        }
    }

    /** The state as {@code ip neigh} prints it ({@code REACHABLE}, {@code PERMANENT}, ...). */
    public String stateName() {
        return switch (state) {
            case NUD_INCOMPLETE -> "INCOMPLETE";
            case NUD_REACHABLE -> "REACHABLE";
            case NUD_STALE -> "STALE";
            case NUD_DELAY -> "DELAY";
            case NUD_PROBE -> "PROBE";
            case NUD_FAILED -> "FAILED";
            case NUD_NOARP -> "NOARP";
            case NUD_PERMANENT -> "PERMANENT";
            default -> "NONE";
        };
    }
}
