package dev.dockwire.netfilter.nat;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One NAT rewrite of an offloaded UDP flow direction, made once for the flow: what
 * {@link NatManip#ports} (nf_nat_ipv4_manip_pkt, __udp_manip_pkt) does to each of its packets,
 * with the RFC 1624 sums of the changed words added up in advance. A packet's checksum then takes
 * one end-around-carry fold: folding the address's and the port's words one after the other
 * ({@code Checksum.update32} then {@code update16}, as the kernel's inet_proto_csum_replace4/2) gives
 * the same 16 bits, since a fold keeps a sum modulo 0xFFFF and makes zero only of zero. As there, a
 * UDP checksum of zero (RFC 768: none) stays zero and a result of zero is sent as 0xFFFF
 * (CSUM_MANGLED_0); a CHECKSUM_PARTIAL packet's field holds the pseudo-header sum, which has the
 * address in it but not the port. For packets of a 20-byte IPv4 header and at least a UDP header
 * (what the flow step forwards).
 */
public final class NatRewrite {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** The bytes a rewrite touches from the IPv4 header's start: the header and the UDP header. */
    private static final int SPAN = Ipv4Packet.MIN_HEADER_LENGTH + 8;

    /** The address's offset in the IPv4 header (source or destination). */
    private int addrAt;
    /** The port's offset in the UDP header (source or destination). */
    private int portAt;
    private int addr;
    private int port;
    private boolean addrChanges;
    /** The address's words: ~old + new, for the IPv4 header's checksum and a partial UDP sum. */
    private long addrSum;
    /** The address's and the port's words, for a full UDP checksum. */
    private long udpSum;

    /** Sets the rewrite of the source ({@code src}) or destination from {@code oldAddr:oldPort} to {@code addr:port}. */
    public NatRewrite set(boolean src, int oldAddr, int addr, int oldPort, int port) {
        this.addrAt = src ? Ipv4Packet.SRC : Ipv4Packet.DST;
        this.portAt = src ? 0 : 2;
        this.addr = addr;
        this.port = port;
        this.addrChanges = oldAddr != addr;
        this.addrSum = (~(oldAddr >>> 16) & 0xFFFF) + (~oldAddr & 0xFFFF) + ((addr >>> 16) & 0xFFFF) + (addr & 0xFFFF);
        this.udpSum = addrSum + (~oldPort & 0xFFFF) + (port & 0xFFFF);
        return this;
    }

    /**
     * Rewrites the UDP datagram in {@code buf} whose IPv4 header (20 bytes) starts at {@code off}: in a
     * heap frame's array after one bounds check (Netty checks each of the six accesses), else through
     * Netty's accessors.
     */
    public void apply(ByteBuf buf, int off) {
        apply(buf, off, true);
    }

    /**
     * {@link #apply} but for the IPv4 header's checksum, which the caller updates with {@link #ipSum()}
     * folded into its own update of that checksum (the flow step's TTL decrement): one fold, not two,
     * and the same 16 bits, as folds are added modulo 0xFFFF (see the class comment).
     */
    public void applyLeavingIpChecksum(ByteBuf buf, int off) {
        apply(buf, off, false);
    }

    /** The RFC 1624 sum of the IPv4 header's words this rewrite changes (~old + new; 0 when the address stays). */
    public long ipSum() {
        return addrChanges ? addrSum : 0;
    }

    private void apply(ByteBuf buf, int off, boolean ipChecksum) {
        if (buf.hasArray() && (off | (buf.capacity() - SPAN - off)) >= 0) {
            apply(buf.array(), buf.arrayOffset() + off, Frames.checksumPartial(buf), ipChecksum);
            return;
        }
        int t = off + Ipv4Packet.MIN_HEADER_LENGTH;
        int c = buf.getUnsignedShort(t + 6);
        if (Frames.checksumPartial(buf)) {
            c = Checksum.fold(c + addrSum);
            buf.setShort(t + 6, c == 0 ? 0xFFFF : c);
        } else if (c != 0) {
            c = ~Checksum.fold((~c & 0xFFFF) + udpSum) & 0xFFFF;
            buf.setShort(t + 6, c == 0 ? 0xFFFF : c);
        }
        buf.setShort(t + portAt, port);
        if (addrChanges) {
            buf.setInt(off + addrAt, addr);
        }
        if (addrChanges && ipChecksum) {
            int sum = off + Ipv4Packet.CHECKSUM;
            buf.setShort(sum, ~Checksum.fold((~buf.getUnsignedShort(sum) & 0xFFFF) + addrSum) & 0xFFFF);
        }
    }

    /** {@link #apply} on the array: the IPv4 header at {@code a[i]}. */
    private void apply(byte[] a, int i, boolean partial, boolean ipChecksum) {
        int u = i + Ipv4Packet.MIN_HEADER_LENGTH + 6;
        int c = (short) SHORT.get(a, u) & 0xFFFF;
        if (partial) {
            c = Checksum.fold(c + addrSum);
            SHORT.set(a, u, (short) (c == 0 ? 0xFFFF : c));
        } else if (c != 0) {
            c = ~Checksum.fold((~c & 0xFFFF) + udpSum) & 0xFFFF;
            SHORT.set(a, u, (short) (c == 0 ? 0xFFFF : c));
        }
        SHORT.set(a, i + Ipv4Packet.MIN_HEADER_LENGTH + portAt, (short) port);
        if (addrChanges) {
            INT.set(a, i + addrAt, addr);
        }
        if (addrChanges && ipChecksum) {
            int h = i + Ipv4Packet.CHECKSUM;
            SHORT.set(a, h, (short) (~Checksum.fold((~(short) SHORT.get(a, h) & 0xFFFF) + addrSum)));
        }
    }
}
