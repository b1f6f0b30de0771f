package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The attributes in a byte range of a message, indexed by type (flags masked off; a repeated type
 * keeps the last, as {@code nla_parse} does). Malformed trailing bytes end the walk, as
 * {@code nla_ok} does in the kernel.
 */
public final class Rtattrs {
    /** Highest attribute type kept (IFLA_MAX is 65 in 6.x kernels). */
    private static final int MAX = 128;
    private final ByteBuf buf;
    private final int[] offsets = new int[MAX];
    private final int[] lengths = new int[MAX];

    private Rtattrs(ByteBuf buf) {
        this.buf = buf;
        java.util.Arrays.fill(offsets, -1);
    }

    /** Parses the attributes in {@code [offset, offset + length)}. */
    public static Rtattrs parse(ByteBuf buf, int offset, int length) {
        Rtattrs a = new Rtattrs(buf);
        int end = offset + length;
        int at = offset;
        while (at + Rtattr.HDRLEN <= end) {
            int len = buf.getUnsignedShortLE(at + Rtattr.LEN);
            if (len < Rtattr.HDRLEN || at + len > end) {
                break;
            }
            int type = buf.getUnsignedShortLE(at + Rtattr.TYPE) & Rtattr.NLA_TYPE_MASK;
            if (type < MAX) {
                a.offsets[type] = at + Rtattr.HDRLEN;
                a.lengths[type] = len - Rtattr.HDRLEN;
            }
            at += Nlmsghdr.align(len);
        }
        return a;
    }

    public boolean has(int type) {
        return type < MAX && offsets[type] >= 0;
    }

    public int length(int type) {
        return has(type) ? lengths[type] : -1;
    }

    public int u8(int type) {
        return buf.getUnsignedByte(offsets[type]);
    }

    public int u16(int type) {
        return buf.getUnsignedShortLE(offsets[type]);
    }

    public int u32(int type) {
        return buf.getIntLE(offsets[type]);
    }

    public long u64(int type, int index) {
        return buf.getLongLE(offsets[type] + 8 * index);
    }

    public int ipv4(int type) {
        return buf.getInt(offsets[type]);
    }

    public long mac(int type) {
        int at = offsets[type];
        return ((long) buf.getUnsignedShort(at) << 32) | buf.getUnsignedInt(at + 2);
    }

    /** A string attribute, with or without its NUL. */
    public String string(int type) {
        int len = lengths[type];
        int at = offsets[type];
        while (len > 0 && buf.getByte(at + len - 1) == 0) {
            len--;
        }
        return buf.toString(at, len, StandardCharsets.UTF_8);
    }

    /** The attributes nested in attribute {@code type}. */
    public Rtattrs nested(int type) {
        return parse(buf, offsets[type], lengths[type]);
    }

    /** The nested attributes after a fixed struct of {@code skip} bytes (VETH_INFO_PEER carries an ifinfomsg first). */
    public Rtattrs nested(int type, int skip) {
        return parse(buf, offsets[type] + skip, lengths[type] - skip);
    }

    /** The buffer the attributes are in. */
    public ByteBuf buf() {
        return buf;
    }

    /** Where attribute {@code type}'s payload starts in the buffer. */
    public int offset(int type) {
        return offsets[type];
    }
}
