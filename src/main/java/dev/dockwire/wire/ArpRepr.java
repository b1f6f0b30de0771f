package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/** Value form of an Ethernet/IPv4 ARP packet (RFC 826). */
public record ArpRepr(int operation, MacAddress senderMac, Ipv4Address senderIp,
                      MacAddress targetMac, Ipv4Address targetIp) {

    /** Parses {@code length} bytes at {@code offset}; null unless a well-formed Ethernet/IPv4 ARP. */
    public static ArpRepr parse(ByteBuf buf, int offset, int length) {
        ArpPacket p = new ArpPacket();
        if (!p.wrapChecked(buf, offset, length)) {
            return null;
        }
        return new ArpRepr(p.operation(), MacAddress.of(p.senderMac()), Ipv4Address.of(p.senderIp()),
                MacAddress.of(p.targetMac()), Ipv4Address.of(p.targetIp()));
    }

    public void emit(ByteBuf buf, int offset) {
        new ArpPacket().wrap(buf, offset)
                .set(operation, senderMac.bits(), senderIp.bits(), targetMac.bits(), targetIp.bits());
    }
}
