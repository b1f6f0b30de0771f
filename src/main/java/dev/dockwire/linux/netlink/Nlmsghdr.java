package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over a netlink message header (netlink(7), {@code struct nlmsghdr}), in host byte
 * order (little-endian: dockwire's Linux targets are x86_64 and aarch64). Messages and attributes
 * are padded to {@link #ALIGNTO} bytes.
 *
 * <pre>
 *  0               1               2               3
 * +---------------+---------------+---------------+---------------+
 * |                          nlmsg_len                            |
 * +---------------+---------------+---------------+---------------+
 * |          nlmsg_type           |          nlmsg_flags          |
 * +---------------+---------------+---------------+---------------+
 * |                          nlmsg_seq                            |
 * +---------------+---------------+---------------+---------------+
 * |                          nlmsg_pid                            |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Nlmsghdr {
    public static final int LEN = 0;
    public static final int TYPE = 4;
    public static final int FLAGS = 6;
    public static final int SEQ = 8;
    public static final int PID = 12;
    public static final int LENGTH = 16;
    public static final int ALIGNTO = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    /** In an ACK: the error carries extended-ack attributes (NLMSGERR_ATTR_*). */
    public static final int NLM_F_ACK_TLVS = 0x200;
    /** In an ACK: the original request's payload was left out (NETLINK_CAP_ACK). */
    public static final int NLM_F_CAPPED = 0x100;

    private ByteBuf buf;
    private int offset;

    /** Rounds {@code n} up to the netlink alignment (NLMSG_ALIGN / RTA_ALIGN). */
    public static int align(int n) {
        return (n + ALIGNTO - 1) & ~(ALIGNTO - 1);
    }

    public Nlmsghdr wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    public int length() {
        return buf.getIntLE(offset + LEN);
    }

    public int type() {
        return buf.getUnsignedShortLE(offset + TYPE);
    }

    public int flags() {
        return buf.getUnsignedShortLE(offset + FLAGS);
    }

    public int seq() {
        return buf.getIntLE(offset + SEQ);
    }

    public int pid() {
        return buf.getIntLE(offset + PID);
    }

    public Nlmsghdr set(int length, int type, int flags, int seq, int pid) {
        buf.setIntLE(offset + LEN, length);
        buf.setShortLE(offset + TYPE, type);
        buf.setShortLE(offset + FLAGS, flags);
        buf.setIntLE(offset + SEQ, seq);
        buf.setIntLE(offset + PID, pid);
        return this;
    }

    public Nlmsghdr length(int length) {
        buf.setIntLE(offset + LEN, length);
        return this;
    }
}
