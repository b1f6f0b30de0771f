package dev.dockwire.app.dns;

import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/** Sends and reads DNS messages over UDP sockets, within the size the client can take. */
final class DnsUdp {
    /** The classic limit for a DNS message over UDP without EDNS (RFC 1035 section 4.2.1). */
    static final int MAX_UDP = 512;
    /** The EDNS buffer size resolvers commonly offer (DNS Flag Day 2020): what a reply's buffer starts at. */
    private static final int EDNS_GUESS = 1232;

    private DnsUdp() {
    }

    /**
     * Sends {@code message}; false when the kernel refused it at once (no route: sendto's
     * ENETUNREACH), which a DNS server shrugs off like any lost datagram.
     */
    static boolean send(UdpSocket socket, int dst, int port, DnsMessage message) {
        // Most answers fit an EDNS-sized buffer: write once instead of measuring (a full compression pass) first.
        ByteBuf buf = Unpooled.buffer(EDNS_GUESS);
        try {
            int len;
            try {
                len = message.emit(buf, 0);
            } catch (IndexOutOfBoundsException tooBig) {
                buf.capacity(message.length());
                len = message.emit(buf, 0);
            }
            buf.writerIndex(len);
            socket.send(dst, port, buf);
            return true;
        } catch (SocketException e) {
            return false;
        } finally {
            buf.release();
        }
    }

    /** What a client takes over UDP: 512 bytes, or more when its EDNS OPT offers more (RFC 6891 section 6.2.5). */
    static int limit(DnsMessage q) {
        return q.edns() == null ? MAX_UDP : Math.max(MAX_UDP, q.edns().udpPayloadSize());
    }

    /**
     * The reply to {@code q} with as many of {@code answers} as fit in {@code limit} bytes, TC set
     * when some were left out (RFC 2181 section 9; miekg/dns's {@code Truncate} does the same).
     */
    static DnsMessage fit(DnsMessage q, int flagBits, int rcode, List<DnsRecord> answers, int limit) {
        DnsMessage r = q.reply(flagBits, rcode, answers, List.of(), List.of());
        int keep = answers.size();
        while (r.length() > limit && keep > 0) {
            keep--;
            r = q.reply(flagBits | DnsHeader.FLAG_TC, rcode, answers.subList(0, keep), List.of(), List.of());
        }
        return r;
    }

    /** The message in {@code data}'s readable bytes, or null when malformed. */
    static DnsMessage parse(ByteBuf data) {
        return DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
    }
}
