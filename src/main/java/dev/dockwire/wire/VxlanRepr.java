package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/** Value form of a VXLAN header (RFC 7348): the 24-bit VNI. */
public record VxlanRepr(int vni) {

    public VxlanRepr {
        if (vni < 0 || vni > VxlanHeader.VNI_MAX) {
            throw new IllegalArgumentException("invalid VNI " + vni + ": expected 0-16777215");
        }
    }

    /** Parses the header at {@code offset}; null when shorter than 8 bytes or the I flag is clear. */
    public static VxlanRepr parse(ByteBuf buf, int offset, int available) {
        VxlanHeader h = new VxlanHeader();
        if (!h.wrapChecked(buf, offset, available)) {
            return null;
        }
        return new VxlanRepr(h.vni());
    }

    /** Writes the 8-byte header at {@code offset}. */
    public void emit(ByteBuf buf, int offset) {
        new VxlanHeader().wrap(buf, offset).set(vni);
    }
}
