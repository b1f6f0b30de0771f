package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.IcmpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The probes both traceroutes send, their behaviour once (the printers, {@link BusyboxTraceroute}
 * and {@link DebianTraceroute}, differ only in texts and pacing): probe {@code n} is a UDP datagram
 * to port {@code base}+{@code n} with its TTL whose ICMP errors come back by IP_RECVERR (the
 * quoted destination must be the traced one), or with {@code -I} an ICMP echo of sequence
 * {@code n} from a raw socket (both open SOCK_RAW for it: CAP_NET_RAW). Every answer reaches one handler with its ICMP type and code; an echo reply is
 * {@link IcmpPacket#TYPE_ECHO_REPLY}.
 */
final class TraceProbes {
    /** An answer to probe {@code n} from {@code from}; {@code replyTtl} is 0 where the socket does not report it. */
    interface Answer {
        void answered(int n, int from, int replyTtl, int type, int code);
    }

    private final UdpSocket udp;
    private final PingSocket ping;
    private final int dst;
    private final int base;

    private TraceProbes(UdpSocket udp, PingSocket ping, int dst, int base) {
        this.udp = udp;
        this.ping = ping;
        this.dst = dst;
        this.base = base;
    }

    /** Opens the probe socket toward {@code dst}, UDP bound to {@code source} (0: the route's) or ICMP echo. */
    static TraceProbes open(ProcessContext ctx, boolean icmp, int source, int dst, int base, Answer answer) {
        if (icmp) {
            PingSocket ping = ctx.sockets().openRawIcmp();
            ping.onReply((src, seq, replyTtl, data) -> answer.answered(seq, src, replyTtl, IcmpPacket.TYPE_ECHO_REPLY, 0));
            ping.onError((reporter, seq, type, code, info) -> answer.answered(seq, reporter, 0, type, code));
            return new TraceProbes(null, ping, dst, base);
        }
        UdpSocket udp = ctx.sockets().openUdp();
        udp.bind(source, 0);
        udp.onIcmpError((reporter, replyTtl, type, code, to, toPort) -> {
            if (to == dst) {
                answer.answered(toPort - base, reporter, replyTtl, type, code);
            }
        });
        return new TraceProbes(udp, null, dst, base);
    }

    /** Whether the probes are ICMP echoes (-I). */
    boolean icmp() {
        return ping != null;
    }

    /** Sends probe {@code n} with {@code ttl}, {@code packlen} bytes with the IP header; its first data bytes are n and the TTL. */
    void send(int n, int ttl, int packlen) {
        ByteBuf data = Unpooled.buffer(packlen - 28);
        data.writeZero(packlen - 28);
        data.setByte(0, n);
        data.setByte(1, ttl);
        try {
            if (ping != null) {
                ping.send(dst, n, data, ttl);
            } else {
                udp.ttl(ttl);
                udp.send(dst, base + n, data);
            }
        } finally {
            data.release();
        }
    }

    void close() {
        if (udp != null) {
            udp.close();
        }
        if (ping != null) {
            ping.close();
        }
    }
}
