package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over {@code struct ndmsg} (rtnetlink(7)), the fixed part of RTM_NEWNEIGH,
 * RTM_DELNEIGH and RTM_GETNEIGH (neighbours with AF_INET, bridge FDB entries with AF_BRIDGE).
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |  ndm_family   |   (pad)       |            (pad)              |
 * +---------------+---------------+---------------+---------------+
 * |                          ndm_ifindex                          |
 * +---------------+---------------+---------------+---------------+
 * |      ndm_state (NUD_*)        |   ndm_flags   |   ndm_type    |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Ndmsg {
    public static final int FAMILY = 0;
    public static final int IFINDEX = 4;
    public static final int STATE = 8;
    public static final int FLAGS = 10;
    public static final int TYPE = 11;
    public static final int LENGTH = 12;

    private ByteBuf buf;
    private int offset;

    public Ndmsg wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    public int family() {
        return buf.getUnsignedByte(offset + FAMILY);
    }

    public int ifindex() {
        return buf.getIntLE(offset + IFINDEX);
    }

    public int state() {
        return buf.getUnsignedShortLE(offset + STATE);
    }

    public int flags() {
        return buf.getUnsignedByte(offset + FLAGS);
    }

    public int type() {
        return buf.getUnsignedByte(offset + TYPE);
    }

    public Ndmsg set(int family, int ifindex, int state, int flags, int type) {
        buf.setByte(offset + FAMILY, family);
        buf.setIntLE(offset + IFINDEX, ifindex);
        buf.setShortLE(offset + STATE, state);
        buf.setByte(offset + FLAGS, flags);
        buf.setByte(offset + TYPE, type);
        return this;
    }
}
