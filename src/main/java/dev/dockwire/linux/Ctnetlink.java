package dev.dockwire.linux;

import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.linux.netlink.NlmsgWriter;
import dev.dockwire.linux.netlink.Nlmsghdr;
import dev.dockwire.linux.netlink.Rtattrs;
import io.netty.buffer.ByteBuf;

/**
 * ctnetlink, conntrack's netlink interface (include/uapi/linux/netfilter/nfnetlink_conntrack.h,
 * net/netfilter/nf_conntrack_netlink.c) over NETLINK_NETFILTER, as conntrack-tools speaks it: the
 * table's dump (IPCTNL_MSG_CT_GET with NLM_F_DUMP), its flush (IPCTNL_MSG_CT_DELETE without a
 * tuple) and the messages of the event groups, each after an {@code nfgenmsg} for AF_INET. The
 * attributes' numbers are in network byte order.
 */
final class Ctnetlink {
    static final int NFNL_SUBSYS_CTNETLINK = 1;
    static final int IPCTNL_MSG_CT_NEW = 0;
    static final int IPCTNL_MSG_CT_GET = 1;
    static final int IPCTNL_MSG_CT_DELETE = 2;
    /** enum nfnetlink_groups: NFNLGRP_CONNTRACK_NEW, _UPDATE, _DESTROY as a bind(2) group mask. */
    static final int CONNTRACK_GROUPS = 1 | 1 << 1 | 1 << 2;
    /** sizeof(struct nfgenmsg): family, version (NFNETLINK_V0), res_id. */
    static final int NFGENMSG = 4;
    private static final int AF_INET = 2;
    private static final int NLA_F_NESTED = 0x8000;

    private static final int CTA_TUPLE_ORIG = 1;
    private static final int CTA_TUPLE_REPLY = 2;
    private static final int CTA_STATUS = 3;
    private static final int CTA_PROTOINFO = 4;
    private static final int CTA_TIMEOUT = 7;
    private static final int CTA_MARK = 8;
    private static final int CTA_USE = 11;
    private static final int CTA_TUPLE_IP = 1;
    private static final int CTA_TUPLE_PROTO = 2;
    private static final int CTA_IP_V4_SRC = 1;
    private static final int CTA_IP_V4_DST = 2;
    private static final int CTA_PROTO_NUM = 1;
    private static final int CTA_PROTO_SRC_PORT = 2;
    private static final int CTA_PROTO_DST_PORT = 3;
    private static final int CTA_PROTO_ICMP_ID = 4;
    private static final int CTA_PROTO_ICMP_TYPE = 5;
    private static final int CTA_PROTO_ICMP_CODE = 6;
    private static final int CTA_PROTOINFO_TCP = 1;
    private static final int CTA_PROTOINFO_TCP_STATE = 1;
    private static final int IPS_SEEN_REPLY = 1 << 1;
    private static final int IPS_ASSURED = 1 << 2;
    /** enum tcp_conntrack, as conntrack prints the states. */
    private static final String[] TCP_STATES = {"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
        "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2"};

    private Ctnetlink() {
    }

    /** The nlmsg_type of ctnetlink message {@code msg}: the subsystem in the high byte. */
    static int type(int msg) {
        return NFNL_SUBSYS_CTNETLINK << 8 | msg;
    }

    /** The nfgenmsg every request starts with: AF_INET, NFNETLINK_V0, res_id 0. */
    static void nfgenmsg(NlmsgWriter w) {
        int at = w.reserve(NFGENMSG);
        w.buf().setByte(at, AF_INET);
    }

    /** Every IPv4 connection of the socket's namespace ({@code conntrack -L}). */
    static java.util.List<ConntrackInfo> dump(NetlinkSocket nl) {
        return nl.dump(type(IPCTNL_MSG_CT_GET), Ctnetlink::nfgenmsg, (buf, off, len) -> connection(buf, off, len, true));
    }

    /** {@code conntrack -F}: IPCTNL_MSG_CT_DELETE without a tuple deletes every IPv4 connection. */
    static void flush(NetlinkSocket nl) {
        nl.request(type(IPCTNL_MSG_CT_DELETE), 0, Ctnetlink::nfgenmsg);
    }

    /** {@code conntrack -D}: IPCTNL_MSG_CT_DELETE of the connection with {@code conn}'s original tuple. */
    static void delete(NetlinkSocket nl, ConntrackInfo conn) {
        nl.request(type(IPCTNL_MSG_CT_DELETE), 0, w -> {
            nfgenmsg(w);
            ConntrackInfo.Tuple t = conn.original();
            int orig = w.nest(CTA_TUPLE_ORIG | NLA_F_NESTED);
            int ip = w.nest(CTA_TUPLE_IP | NLA_F_NESTED);
            w.ipv4(CTA_IP_V4_SRC, t.src()).ipv4(CTA_IP_V4_DST, t.dst());
            w.end(ip);
            int proto = w.nest(CTA_TUPLE_PROTO | NLA_F_NESTED);
            w.u8(CTA_PROTO_NUM, conn.protocol());
            if (t.icmpType() >= 0) {
                w.bytes(CTA_PROTO_ICMP_ID, be16(t.icmpId())).u8(CTA_PROTO_ICMP_TYPE, t.icmpType())
                        .u8(CTA_PROTO_ICMP_CODE, t.icmpCode());
            } else if (t.srcPort() >= 0) {
                w.bytes(CTA_PROTO_SRC_PORT, be16(t.srcPort())).bytes(CTA_PROTO_DST_PORT, be16(t.dstPort()));
            }
            w.end(proto);
            w.end(orig);
        });
    }

    private static byte[] be16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    /** One message of the event groups: DELETE is DESTROY, NEW with NLM_F_CREATE a NEW, else an UPDATE. */
    static ConntrackEvent event(ByteBuf msg) {
        int type = msg.getUnsignedShortLE(Nlmsghdr.TYPE) & 0xFF;
        int flags = msg.getUnsignedShortLE(Nlmsghdr.FLAGS);
        long portid = msg.getUnsignedIntLE(Nlmsghdr.PID);
        ConntrackEvent.Type t = type == IPCTNL_MSG_CT_DELETE ? ConntrackEvent.Type.DESTROY
                : (flags & Nlmsghdr.NLM_F_CREATE) != 0 ? ConntrackEvent.Type.NEW : ConntrackEvent.Type.UPDATE;
        ConntrackInfo c = connection(msg, Nlmsghdr.LENGTH, msg.readableBytes() - Nlmsghdr.LENGTH, false);
        return new ConntrackEvent(t, c, portid);
    }

    /** A connection from nfgenmsg and its attributes; absent attributes as {@link ConntrackEvent} says. */
    static ConntrackInfo connection(ByteBuf buf, int offset, int length, boolean dumped) {
        Rtattrs a = Rtattrs.parse(buf, offset + NFGENMSG, length - NFGENMSG);
        Rtattrs orig = a.nested(CTA_TUPLE_ORIG);
        int proto = orig.nested(CTA_TUPLE_PROTO).u8(CTA_PROTO_NUM);
        int status = a.has(CTA_STATUS) ? a.buf().getInt(a.offset(CTA_STATUS)) : 0;
        String state = null;
        if (a.has(CTA_PROTOINFO)) {
            Rtattrs info = a.nested(CTA_PROTOINFO);
            if (info.has(CTA_PROTOINFO_TCP)) {
                Rtattrs tcp = info.nested(CTA_PROTOINFO_TCP);
                if (tcp.has(CTA_PROTOINFO_TCP_STATE)) {
                    int s = tcp.u8(CTA_PROTOINFO_TCP_STATE);
                    state = s < TCP_STATES.length ? TCP_STATES[s] : "UNKNOWN";
                }
            }
        }
        long timeout = a.has(CTA_TIMEOUT) ? a.buf().getUnsignedInt(a.offset(CTA_TIMEOUT)) : -1;
        int mark = a.has(CTA_MARK) ? a.buf().getInt(a.offset(CTA_MARK)) : 0;
        int use = a.has(CTA_USE) ? a.buf().getInt(a.offset(CTA_USE)) : 0;
        return new ConntrackInfo(proto, timeout, state, tuple(orig),
                a.has(CTA_TUPLE_REPLY) ? tuple(a.nested(CTA_TUPLE_REPLY)) : null,
                (status & IPS_SEEN_REPLY) != 0, (status & IPS_ASSURED) != 0, mark, dumped ? use : 0);
    }

    private static ConntrackInfo.Tuple tuple(Rtattrs t) {
        Rtattrs ip = t.nested(CTA_TUPLE_IP);
        Rtattrs p = t.nested(CTA_TUPLE_PROTO);
        int src = ip.ipv4(CTA_IP_V4_SRC);
        int dst = ip.ipv4(CTA_IP_V4_DST);
        if (p.has(CTA_PROTO_ICMP_TYPE)) {
            return new ConntrackInfo.Tuple(src, dst, -1, -1, p.u8(CTA_PROTO_ICMP_TYPE), p.u8(CTA_PROTO_ICMP_CODE),
                    p.buf().getUnsignedShort(p.offset(CTA_PROTO_ICMP_ID)));
        }
        if (p.has(CTA_PROTO_SRC_PORT)) {
            return new ConntrackInfo.Tuple(src, dst, p.buf().getUnsignedShort(p.offset(CTA_PROTO_SRC_PORT)),
                    p.buf().getUnsignedShort(p.offset(CTA_PROTO_DST_PORT)), -1, -1, -1);
        }
        return new ConntrackInfo.Tuple(src, dst, -1, -1, -1, -1, -1);
    }
}
