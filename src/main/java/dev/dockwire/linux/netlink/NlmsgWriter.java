package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink message into a {@link ByteBuf}: the header, the family's fixed struct, then
 * attributes, nested ones bracketed by {@link #nest}/{@link #end} like libmnl's
 * {@code mnl_attr_nest_start/end}. {@link #finish} writes {@code nlmsg_len}.
 */
public final class NlmsgWriter {
    private final ByteBuf buf;
    private final int start;

    /** Starts a message at the buffer's writer index. */
    public NlmsgWriter(ByteBuf buf, int type, int flags, int seq) {
        this.buf = buf;
        this.start = buf.writerIndex();
        buf.writeZero(Nlmsghdr.LENGTH);
        new Nlmsghdr().wrap(buf, start).set(0, type, flags, seq, 0);
    }

    public ByteBuf buf() {
        return buf;
    }

    /** Appends {@code length} zero bytes (a fixed struct, padded) and returns where they start. */
    public int reserve(int length) {
        int at = buf.writerIndex();
        buf.writeZero(Nlmsghdr.align(length));
        return at;
    }

    private void header(int type, int payload) {
        buf.writeShortLE(Rtattr.HDRLEN + payload);
        buf.writeShortLE(type);
    }

    private void pad() {
        buf.writeZero(Nlmsghdr.align(buf.writerIndex() - start) - (buf.writerIndex() - start));
    }

    public NlmsgWriter u8(int type, int value) {
        header(type, 1);
        buf.writeByte(value);
        pad();
        return this;
    }

    /** A host-order u16 ({@code nla_put_u16}), padded to 4 bytes. */
    public NlmsgWriter u16(int type, int value) {
        header(type, 2);
        buf.writeShortLE(value);
        pad();
        return this;
    }

    public NlmsgWriter u32(int type, int value) {
        header(type, 4);
        buf.writeIntLE(value);
        return this;
    }

    /** An IPv4 address: network byte order, as the kernel keeps {@code __be32}. */
    public NlmsgWriter ipv4(int type, int address) {
        header(type, 4);
        buf.writeInt(address);
        return this;
    }

    /** A 48-bit MAC address (IFLA_ADDRESS, NDA_LLADDR). */
    public NlmsgWriter mac(int type, long mac) {
        header(type, 6);
        buf.writeShort((int) (mac >>> 32));
        buf.writeInt((int) mac);
        pad();
        return this;
    }

    public NlmsgWriter bytes(int type, byte[] value) {
        header(type, value.length);
        buf.writeBytes(value);
        pad();
        return this;
    }

    /** A NUL-terminated string (IFLA_IFNAME), as iproute2's {@code addattr_l(..., strlen + 1)}. */
    public NlmsgWriter string(int type, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        header(type, b.length + 1);
        buf.writeBytes(b).writeByte(0);
        pad();
        return this;
    }

    /** A string without the NUL (IFLA_INFO_KIND), as iproute2 sends it. */
    public NlmsgWriter text(int type, String value) {
        return bytes(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a nested attribute; returns its offset for {@link #end}. */
    public int nest(int type) {
        int at = buf.writerIndex();
        header(type, 0);
        return at;
    }

    /** Closes the nest opened at {@code at}, writing its length. */
    public NlmsgWriter end(int at) {
        buf.setShortLE(at + Rtattr.LEN, buf.writerIndex() - at);
        return this;
    }

    /** Writes {@code nlmsg_len}; returns the buffer. */
    public ByteBuf finish() {
        new Nlmsghdr().wrap(buf, start).length(buf.writerIndex() - start);
        return buf;
    }
}
