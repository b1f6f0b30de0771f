package dev.dockwire.app.dns;

import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Sends and reads DNS messages over UDP sockets. */
final class DnsUdp {
    /** The classic limit for a DNS message over UDP without EDNS (RFC 1035 section 4.2.1). */
    static final int MAX_UDP = 512;

    private DnsUdp() {
    }

    /**
     * Sends {@code message}; false when the kernel refused it at once (no route: sendto's
     * ENETUNREACH), which a DNS server shrugs off like any lost datagram.
     */
    static boolean send(UdpSocket socket, int dst, int port, DnsMessage message) {
        ByteBuf buf = Unpooled.buffer(message.length());
        try {
            int len = message.emit(buf, 0);
            buf.writerIndex(len);
            socket.send(dst, port, buf);
            return true;
        } catch (SocketException e) {
            return false;
        } finally {
            buf.release();
        }
    }

    /** The message in {@code data}'s readable bytes, or null when malformed. */
    static DnsMessage parse(ByteBuf data) {
        return DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
    }
}
