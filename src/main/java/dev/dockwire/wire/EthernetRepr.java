package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/** Value form of an Ethernet II header. */
public record EthernetRepr(MacAddress dst, MacAddress src, int etherType) {

    /** Parses the header at the reader index; null when the buffer is too short. */
    public static EthernetRepr parse(ByteBuf buf) {
        EthernetFrame f = new EthernetFrame();
        if (!f.wrapChecked(buf)) {
            return null;
        }
        return new EthernetRepr(MacAddress.of(f.dst()), MacAddress.of(f.src()), f.etherType());
    }

    /** Writes the 14-byte header at {@code offset}. */
    public void emit(ByteBuf buf, int offset) {
        new EthernetFrame().wrap(buf, offset).dst(dst.bits()).src(src.bits()).etherType(etherType);
    }
}
