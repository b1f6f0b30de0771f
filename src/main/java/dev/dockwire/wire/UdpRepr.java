package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/** Value form of a UDP datagram (RFC 768): ports and payload. */
public record UdpRepr(int srcPort, int dstPort, byte[] payload) {

    /**
     * Parses the datagram at {@code offset}; null when the length is inconsistent or the checksum
     * (when not zero) does not match the pseudo-header of {@code src}/{@code dst}.
     */
    public static UdpRepr parse(ByteBuf buf, int offset, int available, int src, int dst) {
        UdpPacket p = new UdpPacket();
        if (!p.wrapChecked(buf, offset, available) || !p.verifyChecksum(src, dst)) {
            return null;
        }
        return new UdpRepr(p.srcPort(), p.dstPort(), ByteBufUtil.getBytes(buf, p.payloadOffset(), p.payloadLength()));
    }

    public int length() {
        return UdpPacket.HEADER_LENGTH + payload.length;
    }

    /** Writes header and payload and fills the checksum for {@code src}/{@code dst}. */
    public void emit(ByteBuf buf, int offset, int src, int dst) {
        UdpPacket p = new UdpPacket().wrap(buf, offset).set(srcPort, dstPort, length());
        buf.setBytes(p.payloadOffset(), payload);
        p.fillChecksum(src, dst);
    }

    /** Compares the payload by content: a record's default equals would compare the array reference. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UdpRepr r && r.srcPort == srcPort && r.dstPort == dstPort
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return (srcPort * 31 + dstPort) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UdpRepr[srcPort=" + srcPort + ", dstPort=" + dstPort + ", payload=" + ByteBufUtil.hexDump(payload) + "]";
    }
}
