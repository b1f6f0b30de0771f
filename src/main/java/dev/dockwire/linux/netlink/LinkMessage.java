package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Value form of a link message (RTM_NEWLINK/DELLINK/GETLINK/SETLINK: {@code ifinfomsg} plus IFLA_*
 * attributes), for requests and for dump replies. Absent attributes are null; set fields with the
 * fluent setters. A veth's peer ({@code VETH_INFO_PEER} in IFLA_INFO_DATA) is itself a link message;
 * a bridge port's hairpin mode travels as IFLA_BRPORT_MODE in IFLA_PROTINFO with family AF_BRIDGE.
 */
public final class LinkMessage {
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_MASTER = 10;
    public static final int IFLA_PROTINFO = 12;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_STATS64 = 23;
    public static final int IFLA_NET_NS_FD = 28;
    public static final int IFLA_EXT_MASK = 29;
    public static final int IFLA_LINK_NETNSID = 37;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int VETH_INFO_PEER = 1;
    /** In IFLA_INFO_DATA of kind vxlan (include/uapi/linux/if_link.h): VNI (u32), local (in_addr), learning and proxy (u8), dstport (be16). */
    public static final int IFLA_VXLAN_ID = 1;
    public static final int IFLA_VXLAN_LOCAL = 4;
    public static final int IFLA_VXLAN_LEARNING = 7;
    public static final int IFLA_VXLAN_PROXY = 11;
    public static final int IFLA_VXLAN_PORT = 15;
    /** In IFLA_INFO_DATA of kind macvlan: the mode, a {@code MACVLAN_MODE_*} bit (u32). */
    public static final int IFLA_MACVLAN_MODE = 1;
    /** In IFLA_INFO_DATA of kind vlan: the 802.1Q VID (u16). */
    public static final int IFLA_VLAN_ID = 1;
    /** Bridge port attribute in IFLA_PROTINFO: hairpin mode ({@code bridge link set hairpin on}). */
    public static final int IFLA_BRPORT_MODE = 4;
    /** IFLA_EXT_MASK bits iproute2 sends: RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS. */
    public static final int RTEXT_FILTER_VF_SKIP_STATS = 9;

    private int family;
    private int ifiType;
    private int index;
    private int flags;
    private int change;
    private Integer extMask;
    private String ifname;
    private Long address;
    private Integer mtu;
    private Integer master;
    private Integer link;
    private Integer netnsFd;
    private Integer linkNetnsid;
    private String kind;
    private LinkMessage peer;
    private Boolean hairpin;
    private Integer macvlanMode;
    private Integer vlanId;
    private Integer vxlanId;
    private int vxlanLocal;
    private int vxlanPort;
    private boolean vxlanLearning;
    private boolean vxlanProxy;
    private long[] stats64;

    public static LinkMessage parse(ByteBuf buf, int offset, int length) {
        Ifinfomsg h = new Ifinfomsg().wrap(buf, offset);
        LinkMessage m = new LinkMessage().family(h.family()).index(h.index()).flags(h.flags(), h.change());
        m.ifiType = h.type();
        m.readAttributes(Rtattrs.parse(buf, offset + Ifinfomsg.LENGTH, length - Ifinfomsg.LENGTH));
        return m;
    }

    private void readAttributes(Rtattrs a) {
        extMask = a.has(IFLA_EXT_MASK) ? a.u32(IFLA_EXT_MASK) : null;
        ifname = a.has(IFLA_IFNAME) ? a.string(IFLA_IFNAME) : null;
        address = a.length(IFLA_ADDRESS) == 6 ? a.mac(IFLA_ADDRESS) : null;
        mtu = a.has(IFLA_MTU) ? a.u32(IFLA_MTU) : null;
        master = a.has(IFLA_MASTER) ? a.u32(IFLA_MASTER) : null;
        link = a.has(IFLA_LINK) ? a.u32(IFLA_LINK) : null;
        netnsFd = a.has(IFLA_NET_NS_FD) ? a.u32(IFLA_NET_NS_FD) : null;
        linkNetnsid = a.has(IFLA_LINK_NETNSID) ? a.u32(IFLA_LINK_NETNSID) : null;
        if (a.length(IFLA_STATS64) >= 64) {
            stats64 = new long[8];
            for (int i = 0; i < 8; i++) {
                stats64[i] = a.u64(IFLA_STATS64, i);
            }
        }
        if (a.has(IFLA_LINKINFO)) {
            Rtattrs info = a.nested(IFLA_LINKINFO);
            kind = info.has(IFLA_INFO_KIND) ? info.string(IFLA_INFO_KIND) : null;
            if ("veth".equals(kind) && info.has(IFLA_INFO_DATA)) {
                Rtattrs data = info.nested(IFLA_INFO_DATA);
                if (data.length(VETH_INFO_PEER) >= Ifinfomsg.LENGTH) {
                    peer = parse(data.buf(), data.offset(VETH_INFO_PEER), data.length(VETH_INFO_PEER));
                }
            }
            if (("macvlan".equals(kind) || "vlan".equals(kind)) && info.has(IFLA_INFO_DATA)) {
                Rtattrs data = info.nested(IFLA_INFO_DATA);
                if ("macvlan".equals(kind) && data.length(IFLA_MACVLAN_MODE) >= 4) {
                    macvlanMode = data.u32(IFLA_MACVLAN_MODE);
                } else if ("vlan".equals(kind) && data.length(IFLA_VLAN_ID) >= 2) {
                    vlanId = data.u16(IFLA_VLAN_ID);
                }
            }
        }
        if (family == Rtm.AF_BRIDGE && a.has(IFLA_PROTINFO)) {
            Rtattrs port = a.nested(IFLA_PROTINFO);
            hairpin = port.has(IFLA_BRPORT_MODE) ? port.u8(IFLA_BRPORT_MODE) != 0 : null;
        }
    }

    /** Writes the ifinfomsg and attributes after a header started by {@code w}. */
    public void emit(NlmsgWriter w) {
        new Ifinfomsg().wrap(w.buf(), w.reserve(Ifinfomsg.LENGTH)).set(family, ifiType, index, flags, change);
        if (extMask != null) {
            w.u32(IFLA_EXT_MASK, extMask);
        }
        if (link != null) {
            w.u32(IFLA_LINK, link); // iproute2 puts the parent ({@code link DEV}) first
        }
        if (ifname != null) {
            w.string(IFLA_IFNAME, ifname);
        }
        if (address != null) {
            w.mac(IFLA_ADDRESS, address);
        }
        if (mtu != null) {
            w.u32(IFLA_MTU, mtu);
        }
        if (master != null) {
            w.u32(IFLA_MASTER, master);
        }
        if (netnsFd != null) {
            w.u32(IFLA_NET_NS_FD, netnsFd);
        }
        if (linkNetnsid != null) {
            w.u32(IFLA_LINK_NETNSID, linkNetnsid);
        }
        if (kind != null) {
            int info = w.nest(IFLA_LINKINFO);
            w.text(IFLA_INFO_KIND, kind);
            if (peer != null) {
                int data = w.nest(IFLA_INFO_DATA);
                int p = w.nest(VETH_INFO_PEER);
                peer.emit(w);
                w.end(p).end(data);
            } else if (macvlanMode != null) {
                int data = w.nest(IFLA_INFO_DATA);
                w.u32(IFLA_MACVLAN_MODE, macvlanMode);
                w.end(data);
            } else if (vlanId != null) {
                int data = w.nest(IFLA_INFO_DATA);
                w.u16(IFLA_VLAN_ID, vlanId);
                w.end(data);
            } else if (vxlanId != null) {
                int data = w.nest(IFLA_INFO_DATA);
                // In iproute2's order (ip/iplink_vxlan.c), so the request is byte for byte the same.
                if (vxlanProxy) {
                    w.u8(IFLA_VXLAN_PROXY, 1);
                }
                w.u32(IFLA_VXLAN_ID, vxlanId);
                if (vxlanLocal != 0) {
                    w.ipv4(IFLA_VXLAN_LOCAL, vxlanLocal);
                }
                w.u8(IFLA_VXLAN_LEARNING, vxlanLearning ? 1 : 0);
                w.bytes(IFLA_VXLAN_PORT, new byte[] {(byte) (vxlanPort >>> 8), (byte) vxlanPort});
                w.end(data);
            }
            w.end(info);
        }
        if (hairpin != null) {
            int port = w.nest(IFLA_PROTINFO | Rtattr.NLA_F_NESTED);
            w.u8(IFLA_BRPORT_MODE, hairpin ? 1 : 0);
            w.end(port);
        }
    }

    public LinkMessage family(int family) {
        this.family = family;
        return this;
    }

    public LinkMessage index(int index) {
        this.index = index;
        return this;
    }

    /** Sets {@code ifi_flags} and {@code ifi_change} (which of the flags to change). */
    public LinkMessage flags(int flags, int change) {
        this.flags = flags;
        this.change = change;
        return this;
    }

    public LinkMessage extMask(int mask) {
        this.extMask = mask;
        return this;
    }

    public LinkMessage ifname(String name) {
        this.ifname = name;
        return this;
    }

    public LinkMessage address(long mac) {
        this.address = mac;
        return this;
    }

    public LinkMessage mtu(int mtu) {
        this.mtu = mtu;
        return this;
    }

    public LinkMessage master(int ifindex) {
        this.master = ifindex;
        return this;
    }

    public LinkMessage netnsFd(int fd) {
        this.netnsFd = fd;
        return this;
    }

    public LinkMessage kind(String kind) {
        this.kind = kind;
        return this;
    }

    public LinkMessage peer(LinkMessage peer) {
        this.kind = "veth";
        this.peer = peer;
        return this;
    }

    /** {@code link DEV}: the parent's ifindex (IFLA_LINK). */
    public LinkMessage link(int ifindex) {
        this.link = ifindex;
        return this;
    }

    /** {@code type macvlan mode MODE} with the {@code MACVLAN_MODE_*} bit. */
    public LinkMessage macvlan(int mode) {
        this.kind = "macvlan";
        this.macvlanMode = mode;
        return this;
    }

    /** {@code type vxlan id VNI [local A] dstport PORT [no]learning [proxy]} ({@code local} 0: none). */
    public LinkMessage vxlan(int vni, int local, int dstport, boolean learning, boolean proxy) {
        this.kind = "vxlan";
        this.vxlanId = vni;
        this.vxlanLocal = local;
        this.vxlanPort = dstport;
        this.vxlanLearning = learning;
        this.vxlanProxy = proxy;
        return this;
    }

    /** {@code type vlan id VID}. */
    public LinkMessage vlan(int vid) {
        this.kind = "vlan";
        this.vlanId = vid;
        return this;
    }

    /** A macvlan's {@code MACVLAN_MODE_*} bit, or 0. */
    public int macvlanMode() {
        return macvlanMode == null ? 0 : macvlanMode;
    }

    /** A vlan's VID, or 0. */
    public int vlanId() {
        return vlanId == null ? 0 : vlanId;
    }

    public LinkMessage hairpin(boolean on) {
        this.hairpin = on;
        return this;
    }

    public int family() {
        return family;
    }

    public int ifiType() {
        return ifiType;
    }

    public int index() {
        return index;
    }

    public int flags() {
        return flags;
    }

    public String ifname() {
        return ifname;
    }

    /** The MAC address, or -1 when absent. */
    public long address() {
        return address == null ? -1 : address;
    }

    public int mtu() {
        return mtu == null ? 0 : mtu;
    }

    /** The master's ifindex, or 0. */
    public int master() {
        return master == null ? 0 : master;
    }

    /** IFLA_LINK (a veth's peer ifindex), or 0. */
    public int link() {
        return link == null ? 0 : link;
    }

    /** IFLA_LINK_NETNSID (the peer's namespace id), or -1 when the peer is local. */
    public int linkNetnsid() {
        return linkNetnsid == null ? -1 : linkNetnsid;
    }

    public String kind() {
        return kind;
    }

    public LinkMessage peer() {
        return peer;
    }

    public Boolean hairpin() {
        return hairpin;
    }

    /**
     * {@code struct rtnl_link_stats64} counter {@code i} (0 rx_packets, 1 tx_packets, 2 rx_bytes,
     * 3 tx_bytes, 6 rx_dropped, 7 tx_dropped), or 0 when the dump had none.
     */
    public long stat(int i) {
        return stats64 == null ? 0 : stats64[i];
    }
}
