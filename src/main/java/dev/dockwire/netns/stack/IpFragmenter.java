package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * IPv4 fragmentation (RFC 791 section 3.2) as Linux's {@code ip_do_fragment} slow path
 * (net/ipv4/ip_output.c, {@code ip_frag_init}/{@code ip_frag_next}): every fragment but the last
 * carries a multiple of 8 payload bytes, MF is set on all but the last (and on the last too when
 * the datagram was itself a non-last fragment), offsets add to the datagram's own offset, the
 * identification is kept, DF is cleared unless {@code keepDf} (a reassembled datagram whose
 * fragments all had DF, IPSKB_FRAG_PMTU), and each header gets its own total length and checksum.
 * Options the RFC does not copy (copied bit clear) become NOOPs after the first fragment, as
 * {@code ip_options_fragment} does. Only called for datagrams that do not fit: the normal path
 * never gets here.
 */
final class IpFragmenter {
    /** IPOPT_END / IPOPT_NOOP and the copied bit of the option type (RFC 791). */
    private static final int OPT_END = 0;
    private static final int OPT_NOOP = 1;
    private static final int OPT_COPIED = 0x80;

    private IpFragmenter() {
    }

    /**
     * ip_fragment's call of ip_do_fragment with the MIB counters (FragOKs, FragCreates, FragFails):
     * a datagram that fits goes out whole; an offloaded checksum is completed before the payload
     * is cut up (ip_do_fragment's skb_checksum_help).
     */
    static void fragmentOut(IpMib counters, ByteBuf packet, int mtu, boolean keepDf, Consumer<ByteBuf> out) {
        if (Ipv4Packet.totalLength(packet, packet.readerIndex()) <= mtu) {
            out.accept(packet);
            return;
        }
        dev.dockwire.link.Gso.checksumHelp(packet);
        int made = fragment(packet, mtu, keepDf, out);
        if (made == 0) {
            counters.fragFails++;
        } else {
            counters.fragOks++;
            counters.fragCreates += made;
        }
    }

    /**
     * Splits {@code packet} (reader index at its IPv4 header) into fragments of at most {@code mtu}
     * bytes and hands each, reader index at its header, to {@code out}. Releases {@code packet}.
     *
     * @return the number of fragments made, or 0 when the MTU leaves no room for 8 payload bytes
     */
    static int fragment(ByteBuf packet, int mtu, boolean keepDf, Consumer<ByteBuf> out) {
        Ipv4Packet ip = new Ipv4Packet().wrap(packet, packet.readerIndex());
        int start = packet.readerIndex();
        int hlen = ip.headerLength();
        int word = ip.flagsFrag();
        int offset = (word & Ipv4Packet.FRAG_OFFSET_MASK) * 8;
        boolean notLastFrag = (word & Ipv4Packet.FLAG_MF) != 0;
        int left = ip.totalLength() - hlen;
        int ptr = start + hlen;
        if (mtu - hlen < 8) {
            packet.release();
            return 0;
        }
        int made = 0;
        Ipv4Packet frag = new Ipv4Packet();
        try {
            while (left > 0) {
                int len = Math.min(left, mtu - hlen);
                if (len < left) {
                    len &= ~7;
                }
                ByteBuf f = Frames.allocate(hlen + len);
                f.writeBytes(packet, start, hlen);
                f.writeBytes(packet, ptr, len);
                if (made == 0 && hlen > Ipv4Packet.MIN_HEADER_LENGTH) {
                    // After the first fragment is copied, later ones inherit only copied options.
                    blankUncopiedOptions(packet, start, hlen);
                }
                left -= len;
                ptr += len;
                int flags = (keepDf ? Ipv4Packet.FLAG_DF : 0) | (left > 0 || notLastFrag ? Ipv4Packet.FLAG_MF : 0);
                frag.wrap(f, f.readerIndex()).flagsFrag(flags | (offset >>> 3));
                frag.totalLength(hlen + len).fillChecksum();
                offset += len;
                made++;
                out.accept(f);
            }
        } finally {
            packet.release();
        }
        return made;
    }

    /** ip_options_fragment: options without the copied bit become NOOPs (the header keeps its length). */
    static void blankUncopiedOptions(ByteBuf buf, int start, int hlen) {
        int i = start + Ipv4Packet.MIN_HEADER_LENGTH;
        int end = start + hlen;
        while (i < end) {
            int type = buf.getUnsignedByte(i);
            if (type == OPT_END) {
                return;
            }
            if (type == OPT_NOOP) {
                i++;
                continue;
            }
            int optlen = i + 1 < end ? buf.getUnsignedByte(i + 1) : 0;
            if (optlen < 2 || i + optlen > end) {
                return;
            }
            if ((type & OPT_COPIED) == 0) {
                for (int k = 0; k < optlen; k++) {
                    buf.setByte(i + k, OPT_NOOP);
                }
            }
            i += optlen;
        }
    }
}
