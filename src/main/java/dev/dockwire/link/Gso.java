package dev.dockwire.link;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;

/**
 * Software segmentation and checksum completion of TCPv4 GSO packets, as {@code validate_xmit_skb}
 * does them for a device that cannot take the packet as it is: {@link #segment}
 * ({@code skb_gso_segment → inet_gso_segment → tcp_gso_segment}) and {@link #checksumHelp}
 * ({@code skb_checksum_help}). Works on Ethernet frames (one 802.1Q tag allowed) whose metadata
 * {@link Frames} carries; allocates nothing but the segments.
 */
public final class Gso {
    private static final int IP_TOTAL_LENGTH = 2;
    private static final int IP_ID = 4;

    private Gso() {
    }

    /** The offset of the IPv4 header from the frame's reader index (after the Ethernet header and a tag). */
    public static int networkOffset(ByteBuf frame) {
        int r = frame.readerIndex();
        return frame.getUnsignedShort(r + EthernetFrame.ETHERTYPE) == EtherType.VLAN
                ? EthernetFrame.HEADER_LENGTH + VlanTag.TAG_LENGTH : EthernetFrame.HEADER_LENGTH;
    }

    /**
     * skb_gso_network_seglen for an IPv4 packet starting at {@code ip}: the IP and TCP headers plus
     * gso_size, the length of each segment's IP packet.
     */
    public static int networkSegmentLength(ByteBuf packet, int ip) {
        int ihl = (packet.getUnsignedByte(ip) & 0x0F) * 4;
        int thl = (packet.getUnsignedByte(ip + ihl + 12) >>> 4) * 4;
        return ihl + thl + Frames.gsoSize(packet);
    }

    /**
     * is_skb_forwardable / skb_gso_validate_network_len for an Ethernet frame: its IP packet fits
     * {@code mtu}, or it is a GSO packet whose segments will.
     */
    public static boolean fitsMtu(ByteBuf frame, int mtu) {
        int l3 = networkOffset(frame);
        if (frame.readableBytes() - l3 <= mtu) {
            return true;
        }
        return Frames.isGso(frame) && networkSegmentLength(frame, frame.readerIndex() + l3) <= mtu;
    }

    /**
     * skb_checksum_help: completes a CHECKSUM_PARTIAL checksum. The field holds the pseudo-header
     * sum, so the one's-complement sum from csum_start to the end, folded and inverted, is the
     * checksum.
     */
    public static void checksumHelp(ByteBuf frame) {
        if (!Frames.checksumPartial(frame)) {
            return;
        }
        int start = Frames.csumStart(frame);
        int field = start + Frames.csumOffset(frame);
        int sum = Checksum.fold(Checksum.sum(frame, start, frame.writerIndex() - start, 0));
        frame.setShort(field, ~sum & 0xFFFF);
        Frames.checksumComplete(frame);
    }

    /** gso_segs: how many segments {@link #segment} makes of {@code frame} (1 for a plain frame). */
    public static int segments(ByteBuf frame) {
        return Frames.gsoSegs(frame);
    }

    /**
     * Segment {@code i} of the TCPv4 GSO packet {@code frame} (tcp_gso_segment): the headers copied,
     * gso_size bytes of payload (the last takes the rest), the IP ID counted up by one a segment
     * (inet_gso_segment, no fixed ID), the sequence number advanced, TcpSegment.FLAG_CWR only on the first and
     * TcpSegment.FLAG_PSH and TcpSegment.FLAG_FIN only on the last, the IP and TCP checksums complete (gso_make_checksum). A new
     * frame; {@code frame} is not released.
     */
    public static ByteBuf segment(ByteBuf frame, int i) {
        int r = frame.readerIndex();
        int l3 = networkOffset(frame);
        int ip = r + l3;
        int ihl = (frame.getUnsignedByte(ip) & 0x0F) * 4;
        int tcp = ip + ihl;
        int thl = (frame.getUnsignedByte(tcp + 12) >>> 4) * 4;
        int headers = l3 + ihl + thl;
        int mss = Frames.gsoSize(frame);
        int payload = frame.writerIndex() - r - headers;
        int n = Frames.gsoSegs(frame);
        int off = i * mss;
        int len = i == n - 1 ? payload - off : mss;

        ByteBuf s = Frames.allocate(headers + len);
        int at = s.readerIndex();
        s.writeBytes(frame, r, headers);
        s.writeBytes(frame, r + headers + off, len);
        int sip = at + l3;
        s.setShort(sip + IP_TOTAL_LENGTH, ihl + thl + len);
        s.setShort(sip + IP_ID, frame.getUnsignedShort(ip + IP_ID) + i);
        s.setShort(sip + Ipv4Packet.CHECKSUM, 0);
        s.setShort(sip + Ipv4Packet.CHECKSUM, Checksum.compute(s, sip, ihl));
        int st = sip + ihl;
        s.setInt(st + TcpSegment.SEQ, frame.getInt(tcp + TcpSegment.SEQ) + off);
        int flags = frame.getUnsignedByte(tcp + TcpSegment.FLAGS);
        if (i > 0) {
            flags &= ~TcpSegment.FLAG_CWR;
        }
        if (i < n - 1) {
            flags &= ~(TcpSegment.FLAG_FIN | TcpSegment.FLAG_PSH);
        }
        s.setByte(st + TcpSegment.FLAGS, flags);
        int tlen = thl + len;
        s.setShort(st + TcpSegment.CHECKSUM, 0);
        long pseudo = Checksum.pseudoHeader(frame.getInt(ip + Ipv4Packet.SRC), frame.getInt(ip + Ipv4Packet.DST), IpProtocol.TCP, tlen);
        s.setShort(st + TcpSegment.CHECKSUM, ~Checksum.fold(Checksum.sum(s, st, tlen, pseudo)) & 0xFFFF);
        return s;
    }
}
