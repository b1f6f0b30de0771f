package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * Value form of an ICMPv4 message: type, code, the 4-byte rest of header (echo id/sequence or
 * the frag-needed MTU) and the data that follows (echo payload, or the quoted IP header).
 */
public record IcmpRepr(int type, int code, int restHi, int restLo, byte[] data) {

    public static IcmpRepr echoRequest(int ident, int sequence, byte[] data) {
        return new IcmpRepr(IcmpPacket.TYPE_ECHO_REQUEST, 0, ident, sequence, data);
    }

    public static IcmpRepr echoReply(int ident, int sequence, byte[] data) {
        return new IcmpRepr(IcmpPacket.TYPE_ECHO_REPLY, 0, ident, sequence, data);
    }

    /** Destination unreachable / fragmentation needed with the next-hop MTU (RFC 1191). */
    public static IcmpRepr fragNeeded(int mtu, byte[] quoted) {
        return new IcmpRepr(IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_FRAG_NEEDED, 0, mtu, quoted);
    }

    /** Parses {@code length} bytes at {@code offset}; null when short or the checksum is wrong. */
    public static IcmpRepr parse(ByteBuf buf, int offset, int length) {
        IcmpPacket p = new IcmpPacket();
        if (!p.wrapChecked(buf, offset, length) || !p.verifyChecksum()) {
            return null;
        }
        return new IcmpRepr(p.type(), p.code(), p.ident(), p.sequence(),
                ByteBufUtil.getBytes(buf, p.dataOffset(), p.dataLength()));
    }

    public int length() {
        return IcmpPacket.HEADER_LENGTH + data.length;
    }

    public void emit(ByteBuf buf, int offset) {
        IcmpPacket p = new IcmpPacket().wrap(buf, offset, length());
        p.type(type).code(code).restOfHeader(restHi, restLo);
        buf.setBytes(p.dataOffset(), data);
        p.fillChecksum();
    }

    /** Compares the data by content: a record's default equals would compare the array reference. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpRepr r && r.type == type && r.code == code && r.restHi == restHi
                && r.restLo == restLo && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return (((type * 31 + code) * 31 + restHi) * 31 + restLo) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IcmpRepr[type=" + type + ", code=" + code + ", restHi=" + restHi + ", restLo=" + restLo
                + ", data=" + ByteBufUtil.hexDump(data) + "]";
    }
}
