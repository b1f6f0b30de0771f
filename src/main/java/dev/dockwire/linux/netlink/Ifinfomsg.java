package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over {@code struct ifinfomsg} (rtnetlink(7)), the fixed part of RTM_NEWLINK,
 * RTM_DELLINK, RTM_GETLINK and RTM_SETLINK.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |  ifi_family   |   (pad)       |           ifi_type            |
 * +---------------+---------------+---------------+---------------+
 * |                          ifi_index                            |
 * |                          ifi_flags (IFF_*)                    |
 * |                          ifi_change (mask of flags to change) |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Ifinfomsg {
    public static final int FAMILY = 0;
    public static final int TYPE = 2;
    public static final int INDEX = 4;
    public static final int FLAGS = 8;
    public static final int CHANGE = 12;
    public static final int LENGTH = 16;

    public static final int IFF_UP = 0x1;
    public static final int IFF_LOWER_UP = 0x10000;
    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;

    private ByteBuf buf;
    private int offset;

    public Ifinfomsg wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    public int family() {
        return buf.getUnsignedByte(offset + FAMILY);
    }

    public int type() {
        return buf.getUnsignedShortLE(offset + TYPE);
    }

    public int index() {
        return buf.getIntLE(offset + INDEX);
    }

    public int flags() {
        return buf.getIntLE(offset + FLAGS);
    }

    public int change() {
        return buf.getIntLE(offset + CHANGE);
    }

    public Ifinfomsg set(int family, int type, int index, int flags, int change) {
        buf.setByte(offset + FAMILY, family);
        buf.setShortLE(offset + TYPE, type);
        buf.setIntLE(offset + INDEX, index);
        buf.setIntLE(offset + FLAGS, flags);
        buf.setIntLE(offset + CHANGE, change);
        return this;
    }
}
