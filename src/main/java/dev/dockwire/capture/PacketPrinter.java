package dev.dockwire.capture;

import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;

/**
 * The text of each packet of one tcpdump run, as its flags make it (tcpdump's print.c
 * pretty_print_packet): {@link FrameDecoder}'s line, then {@code -X}'s hex or {@code -A}'s ASCII
 * of the bytes after the Ethernet header (with {@code -XX}/{@code -AA} from the frame's first). It
 * remembers each TCP conversation's first numbers, so one printer serves one run.
 */
public final class PacketPrinter {
    /** {@code -S} and nothing else: keeps no state, so it may be shared. */
    static final PacketPrinter STATELESS = new PacketPrinter(PrintOptions.ABSOLUTE);

    private final PrintOptions options;
    private final TcpSeqTable seqs = new TcpSeqTable();

    public PacketPrinter(PrintOptions options) {
        this.options = options;
    }

    public PrintOptions options() {
        return options;
    }

    TcpSeqTable seqs() {
        return seqs;
    }

    /**
     * Appends the packet's text to {@code out}: one line, or several separated by {@code '\n'}
     * (the {@code -v} header, the dumps), without a final newline.
     */
    public StringBuilder print(ByteBuf frame, StringBuilder out) {
        FrameDecoder.decode(frame, out, this);
        int start = frame.readerIndex();
        int caplen = frame.readableBytes();
        int hdrlen = linkHeaderLength(frame, start, caplen);
        if (options.hex() > 0) {
            if (options.hex() > 1) {
                PayloadDump.hexAndAscii(out, frame, start, caplen);
            } else if (caplen > hdrlen) {
                PayloadDump.hexAndAscii(out, frame, start + hdrlen, caplen - hdrlen);
            }
        } else if (options.ascii() > 0) {
            if (options.ascii() > 1) {
                PayloadDump.ascii(out, frame, start, caplen);
            } else if (caplen > hdrlen) {
                PayloadDump.ascii(out, frame, start + hdrlen, caplen - hdrlen);
            }
        }
        return out;
    }

    /** The Ethernet header with its 802.1Q tags. */
    private static int linkHeaderLength(ByteBuf b, int start, int caplen) {
        int hdr = EthernetFrame.HEADER_LENGTH;
        if (caplen < hdr) {
            return caplen;
        }
        int type = b.getUnsignedShort(start + EthernetFrame.ETHERTYPE);
        while ((type == EtherType.VLAN || type == 0x88A8) && caplen >= hdr + 4) {
            type = b.getUnsignedShort(start + hdr + 2);
            hdr += 4;
        }
        return hdr;
    }
}
