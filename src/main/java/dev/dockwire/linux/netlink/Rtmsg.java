package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over {@code struct rtmsg} (rtnetlink(7)), the fixed part of RTM_NEWROUTE,
 * RTM_DELROUTE and RTM_GETROUTE.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |  rtm_family   |  rtm_dst_len  |  rtm_src_len  |    rtm_tos    |
 * +---------------+---------------+---------------+---------------+
 * |   rtm_table   | rtm_protocol  |   rtm_scope   |   rtm_type    |
 * +---------------+---------------+---------------+---------------+
 * |                          rtm_flags                            |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Rtmsg {
    public static final int FAMILY = 0;
    public static final int DST_LEN = 1;
    public static final int SRC_LEN = 2;
    public static final int TOS = 3;
    public static final int TABLE = 4;
    public static final int PROTOCOL = 5;
    public static final int SCOPE = 6;
    public static final int TYPE = 7;
    public static final int FLAGS = 8;
    public static final int LENGTH = 12;

    private ByteBuf buf;
    private int offset;

    public Rtmsg wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    public int get(int field) {
        return buf.getUnsignedByte(offset + field);
    }

    public int flags() {
        return buf.getIntLE(offset + FLAGS);
    }

    /** Sets the eight one-byte fields in order, then the flags. */
    public Rtmsg set(int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope, int type,
                     int flags) {
        buf.setByte(offset + FAMILY, family);
        buf.setByte(offset + DST_LEN, dstLen);
        buf.setByte(offset + SRC_LEN, srcLen);
        buf.setByte(offset + TOS, tos);
        buf.setByte(offset + TABLE, table);
        buf.setByte(offset + PROTOCOL, protocol);
        buf.setByte(offset + SCOPE, scope);
        buf.setByte(offset + TYPE, type);
        buf.setIntLE(offset + FLAGS, flags);
        return this;
    }
}
