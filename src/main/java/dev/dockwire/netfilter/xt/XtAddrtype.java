package dev.dockwire.netfilter.xt;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.NfPacket;

/**
 * xt_addrtype: {@code -m addrtype [!] --src-type T[,T] [!] --dst-type T[,T] [--limit-iface-in |
 * --limit-iface-out]}, with the route type of an address as inet_addr_type computes it (LOCAL,
 * BROADCAST, MULTICAST, UNICAST); limited to an interface, LOCAL means assigned to that interface.
 */
public final class XtAddrtype implements Match {
    static final String[] TYPES = {"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE",
        "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"};
    static final int UNICAST = 1 << 1;
    static final int LOCAL = 1 << 2;
    static final int BROADCAST = 1 << 3;
    static final int MULTICAST = 1 << 5;
    static final int INVERT_SOURCE = 1;
    static final int INVERT_DEST = 2;
    static final int LIMIT_IN = 4;
    static final int LIMIT_OUT = 8;

    private final int source;
    private final int dest;
    private final int flags;

    XtAddrtype(int source, int dest, int flags) {
        this.source = source;
        this.dest = dest;
        this.flags = flags;
    }

    @Override
    public String name() {
        return "addrtype";
    }

    @Override
    public boolean matches(NfPacket p) {
        NetDevice dev = (flags & LIMIT_IN) != 0 ? p.in : (flags & LIMIT_OUT) != 0 ? p.out : null;
        if (source != 0 && ((type(p, p.src, dev) & source) != 0) == ((flags & INVERT_SOURCE) != 0)) {
            return false;
        }
        return dest == 0 || ((type(p, p.dst, dev) & dest) != 0) != ((flags & INVERT_DEST) != 0);
    }

    /** inet_addr_type / inet_dev_addr_type as a bit of the TYPES mask. */
    private static int type(NfPacket p, int addr, NetDevice dev) {
        if (addr == 0 || addr == -1) {
            return BROADCAST;
        }
        if ((addr >>> 28) == 0xE) {
            return MULTICAST;
        }
        return 1 << p.net.inetAddrType(addr, dev);
    }

    static String types(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < TYPES.length; i++) {
            if ((mask & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(TYPES[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public void save(StringBuilder sb) {
        if (source != 0) {
            sb.append((flags & INVERT_SOURCE) != 0 ? " !" : "").append(" --src-type ").append(types(source));
        }
        if (dest != 0) {
            sb.append((flags & INVERT_DEST) != 0 ? " !" : "").append(" --dst-type ").append(types(dest));
        }
        if ((flags & LIMIT_IN) != 0) {
            sb.append(" --limit-iface-in");
        }
        if ((flags & LIMIT_OUT) != 0) {
            sb.append(" --limit-iface-out");
        }
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" ADDRTYPE match");
        if (source != 0) {
            sb.append(" src-type ").append((flags & INVERT_SOURCE) != 0 ? "!" : "").append(types(source));
        }
        if (dest != 0) {
            sb.append(" dst-type ").append((flags & INVERT_DEST) != 0 ? "!" : "").append(types(dest));
        }
        if ((flags & LIMIT_IN) != 0) {
            sb.append(" limit-in");
        }
        if ((flags & LIMIT_OUT) != 0) {
            sb.append(" limit-out");
        }
    }

    /** The hooks where the interface limit makes sense (addrtype_mt_checkentry_v1). */
    public int hooks() {
        int all = 0x1F;
        if ((flags & LIMIT_IN) != 0) {
            all &= ~(Hook.POSTROUTING.mask() | Hook.OUTPUT.mask());
        }
        if ((flags & LIMIT_OUT) != 0) {
            all &= ~(Hook.PREROUTING.mask() | Hook.INPUT.mask());
        }
        return all;
    }

    /** The addrtype options. */
    static final class Parser extends Extension<Match> {
        private int source;
        private int dest;
        private int flags;

        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            switch (option) {
                case "--src-type" -> {
                    once(source != 0, "addrtype: can't specify src-type twice");
                    source = types(args.required(option));
                    flags |= invert ? INVERT_SOURCE : 0;
                }
                case "--dst-type" -> {
                    once(dest != 0, "addrtype: can't specify dst-type twice");
                    dest = types(args.required(option));
                    flags |= invert ? INVERT_DEST : 0;
                }
                case "--limit-iface-in" -> {
                    once((flags & LIMIT_OUT) != 0, "addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
                    flags |= LIMIT_IN;
                }
                case "--limit-iface-out" -> {
                    once((flags & LIMIT_IN) != 0, "addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
                    flags |= LIMIT_OUT;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static int types(String list) {
            int m = 0;
            for (String t : list.split(",", -1)) {
                int bit = -1;
                for (int i = 0; i < TYPES.length; i++) {
                    if (TYPES[i].equalsIgnoreCase(t)) {
                        bit = 1 << i;
                    }
                }
                if (bit < 0) {
                    throw XtablesException.param("addrtype: bad type \"" + t + "\"");
                }
                m |= bit;
            }
            return m;
        }

        @Override
        public Match build(RuleDraft rule) {
            if (source == 0 && dest == 0) {
                throw XtablesException.param("addrtype: you must specify --src-type or --dst-type");
            }
            return new XtAddrtype(source, dest, flags);
        }
    }
}
