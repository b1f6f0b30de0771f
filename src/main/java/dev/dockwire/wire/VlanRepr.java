package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/** Value form of an IEEE 802.1Q tag: priority, drop eligibility, VLAN id and the inner EtherType. */
public record VlanRepr(int pcp, boolean dei, int vid, int etherType) {

    public VlanRepr {
        if (pcp < 0 || pcp > 7) {
            throw new IllegalArgumentException("invalid 802.1Q priority " + pcp + ": expected 0-7");
        }
        if (vid < 0 || vid > VlanTag.VID_MASK) {
            throw new IllegalArgumentException("invalid VLAN id " + vid + ": expected 0-4095");
        }
    }

    /** Parses the tag at {@code offset} (its TPID); null unless a whole 802.1Q tag is there. */
    public static VlanRepr parse(ByteBuf buf, int offset, int available) {
        VlanTag t = new VlanTag();
        if (!t.wrapChecked(buf, offset, available)) {
            return null;
        }
        return new VlanRepr(t.pcp(), t.dei(), t.vid(), t.innerEtherType());
    }

    public int tci() {
        return VlanTag.tci(pcp, dei, vid);
    }

    /** Writes the 6 bytes TPID, TCI and inner EtherType at {@code offset}. */
    public void emit(ByteBuf buf, int offset) {
        new VlanTag().wrap(buf, offset).set(tci(), etherType);
    }
}
