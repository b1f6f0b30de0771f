package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over {@code struct ifaddrmsg} (rtnetlink(7)), the fixed part of RTM_NEWADDR,
 * RTM_DELADDR and RTM_GETADDR.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |  ifa_family   | ifa_prefixlen |   ifa_flags   |   ifa_scope   |
 * +---------------+---------------+---------------+---------------+
 * |                          ifa_index                            |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Ifaddrmsg {
    public static final int FAMILY = 0;
    public static final int PREFIXLEN = 1;
    public static final int FLAGS = 2;
    public static final int SCOPE = 3;
    public static final int INDEX = 4;
    public static final int LENGTH = 8;

    private ByteBuf buf;
    private int offset;

    public Ifaddrmsg wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    public int family() {
        return buf.getUnsignedByte(offset + FAMILY);
    }

    public int prefixlen() {
        return buf.getUnsignedByte(offset + PREFIXLEN);
    }

    public int flags() {
        return buf.getUnsignedByte(offset + FLAGS);
    }

    public int scope() {
        return buf.getUnsignedByte(offset + SCOPE);
    }

    public int index() {
        return buf.getIntLE(offset + INDEX);
    }

    public Ifaddrmsg set(int family, int prefixlen, int flags, int scope, int index) {
        buf.setByte(offset + FAMILY, family);
        buf.setByte(offset + PREFIXLEN, prefixlen);
        buf.setByte(offset + FLAGS, flags);
        buf.setByte(offset + SCOPE, scope);
        buf.setIntLE(offset + INDEX, index);
        return this;
    }
}
