package dev.dockwire.testing;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP segment's checksum as the wire holds it on a host that offloads: complete, or, for a
 * segment a socket sent (tcp_v4_send_check, CHECKSUM_PARTIAL), only the pseudo-header sum, which
 * tcpdump calls "incorrect" and the receiver trusts (skb_csum_unnecessary). Tests check each as
 * what it is: a partial sum must be exactly the pseudo-header sum of the segment's addresses and
 * length, and a frame that carries its skb metadata must say CHECKSUM_PARTIAL at this very field.
 */
public final class TcpChecksums {
    private TcpChecksums() {
    }

    /** Whether the one's-complement sum over the segment and its pseudo-header checks out (RFC 9293 3.1). */
    public static boolean full(ByteBuf b, int tcp, int len, int src, int dst) {
        return Checksum.fold(Checksum.sum(b, tcp, len, Checksum.pseudoHeader(src, dst, IpProtocol.TCP, len))) == 0xFFFF;
    }

    /** Whether the checksum field holds the pseudo-header sum alone, as __tcp_v4_send_check leaves it. */
    public static boolean partial(ByteBuf b, int tcp, int len, int src, int dst) {
        return b.getUnsignedShort(tcp + TcpSegment.CHECKSUM) == Checksum.fold(Checksum.pseudoHeader(src, dst, IpProtocol.TCP, len));
    }

    /**
     * What a receiver accepts of bytes without skb metadata (a capture's): a complete sum or a
     * pseudo-header sum.
     */
    public static boolean valid(ByteBuf b, int tcp, int len, int src, int dst) {
        return full(b, tcp, len, src, dst) || partial(b, tcp, len, src, dst);
    }

    /**
     * What the receiving stack accepts of a live frame: a frame marked CHECKSUM_PARTIAL at this
     * segment's checksum field holding the pseudo-header sum, or a frame with a complete sum.
     */
    public static boolean validFrame(ByteBuf frame, int tcp, int len, int src, int dst) {
        if (Frames.checksumPartial(frame)) {
            return Frames.csumStart(frame) == tcp && Frames.csumOffset(frame) == TcpSegment.CHECKSUM
                    && partial(frame, tcp, len, src, dst);
        }
        return full(frame, tcp, len, src, dst);
    }

    /**
     * The TCP frames of capture file {@code cap} (ICMP errors' quotes aside) whose checksum tshark,
     * checking checksums, finds neither complete nor the pseudo-header sum of the segment's
     * addresses and length: empty when every one is as a Linux host's bridge shows them.
     */
    public static List<String> wrongInFile(Path cap) throws IOException, InterruptedException {
        List<String> rows = ExternalTools.run("tshark", "-r", cap.toString(), "-o", "tcp.check_checksum:TRUE",
                "-Y", "tcp and not icmp", "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "ip.dst",
                "-e", "ip.len", "-e", "ip.hdr_len", "-e", "tcp.checksum", "-e", "tcp.checksum.status");
        List<String> wrong = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split("\t");
            if (f.length == 7 && f[6].equals("1")) {
                continue; // complete
            }
            int len = Integer.parseInt(f[3]) - Integer.parseInt(f[4]);
            int pseudo = Checksum.fold(Checksum.pseudoHeader(Ipv4Address.parse(f[1]).bits(), Ipv4Address.parse(f[2]).bits(),
                    IpProtocol.TCP, len));
            if (f.length != 7 || !f[6].equals("0") || Integer.decode(f[5]) != pseudo) {
                wrong.add(row);
            }
        }
        return wrong;
    }

    /**
     * A copy of the segment with its checksum complete, as skb_checksum_help would make it: a
     * pseudo-header sum is completed, a complete sum is kept (a wrong one stays wrong).
     */
    public static ByteBuf completed(ByteBuf b, int tcp, int len, int src, int dst) {
        ByteBuf copy = Unpooled.buffer(len);
        copy.writeBytes(b, tcp, len);
        if (partial(b, tcp, len, src, dst) && !full(b, tcp, len, src, dst)) {
            // The field holds the pseudo-header sum: the sum from the header on is the whole sum.
            copy.setShort(TcpSegment.CHECKSUM, ~Checksum.fold(Checksum.sum(copy, 0, len, 0)) & 0xFFFF);
        }
        return copy;
    }
}
