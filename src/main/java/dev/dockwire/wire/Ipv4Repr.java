package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Value form of an IPv4 header (RFC 791) without options. {@link #emit} always writes a 20-byte
 * header with a correct checksum; {@link #parse} skips any options.
 */
public record Ipv4Repr(int tos, int totalLength, int ident, boolean dontFragment, boolean moreFragments,
                       int fragmentOffset, int ttl, int protocol, Ipv4Address src, Ipv4Address dst) {

    /** Parses the header at {@code offset}; null when malformed or the checksum is wrong. */
    public static Ipv4Repr parse(ByteBuf buf, int offset, int available) {
        Ipv4Packet p = new Ipv4Packet();
        if (!p.wrapChecked(buf, offset, available) || !p.verifyChecksum()) {
            return null;
        }
        return new Ipv4Repr(p.tos(), p.totalLength(), p.ident(), p.dontFragment(), p.moreFragments(),
                p.fragmentOffset(), p.ttl(), p.protocol(), Ipv4Address.of(p.src()), Ipv4Address.of(p.dst()));
    }

    public void emit(ByteBuf buf, int offset) {
        int flags = (dontFragment ? Ipv4Packet.FLAG_DF : 0) | (moreFragments ? Ipv4Packet.FLAG_MF : 0)
                | (fragmentOffset / 8);
        new Ipv4Packet().wrap(buf, offset)
                .set(tos, totalLength, ident, flags, ttl, protocol, src.bits(), dst.bits())
                .fillChecksum();
    }
}
