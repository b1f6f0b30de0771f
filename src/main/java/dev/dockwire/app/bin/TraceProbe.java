package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one probe {@code dockwire trace} sends from a container: the destination resolved as the
 * container's programs resolve it (its /etc/hosts, then its resolv.conf's name server), then one
 * TCP SYN (a connect, closed at once when it succeeds), one UDP datagram, or one ICMP echo. Its one
 * line says what came back; it exits 0 when the destination answered (SYN-ACK, a datagram, an echo
 * reply), 1 when it refused (RST, ICMP unreachable) or nothing came back within the wait.
 * Arguments: {@code NAME PORT PROTO WAIT_MS}, PROTO one of {@code tcp}, {@code udp}, {@code icmp}.
 */
public final class TraceProbe implements Program {
    /** The first line the probe writes: where the name went. */
    public static final String RESOLVED = "resolved ";
    /** The exit status when the name did not resolve. */
    public static final int UNRESOLVED = 2;

    private ProcessContext ctx;
    private Timer timer;
    private AutoCloseable socket;
    private boolean done;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String name = args.get(0);
        int port = Integer.parseInt(args.get(1));
        String proto = args.get(2);
        long waitNanos = Long.parseLong(args.get(3)) * 1_000_000L;
        new StubResolver(ctx).lookup(name, r -> {
            if (!r.ok()) {
                ctx.out(name + " did not resolve from here (" + r.failure().name() + ")");
                ctx.exit(UNRESOLVED);
                return;
            }
            int addr = r.addresses().get(0);
            ctx.out(RESOLVED + name + " to " + Ipv4Address.format(addr));
            timer = ctx.schedule(waitNanos, () -> finish(1, "no answer within " + waitNanos / 1_000_000 + " ms"));
            try {
                switch (proto) {
                    case "tcp" -> tcp(addr, port);
                    case "udp" -> udp(addr, port);
                    default -> icmp(addr);
                }
            } catch (SocketException e) {
                finish(1, "send failed: " + e.error().name());
            }
        });
    }

    private void tcp(int addr, int port) {
        TcpSocket s = ctx.sockets().openTcp();
        socket = s;
        s.connect(addr, port, error -> {
            if (error == null) {
                finish(0, "answered: SYN-ACK (connection established, then closed)");
            } else if (error == SocketError.ECONNREFUSED) {
                finish(1, "refused: RST");
            } else {
                finish(1, "failed: " + error.name());
            }
        });
    }

    private void udp(int addr, int port) {
        UdpSocket s = ctx.sockets().openUdp();
        socket = s;
        s.onReceive((sock, src, srcPort, data) -> finish(0, "answered: a datagram from " + Ipv4Address.format(src) + ":" + srcPort));
        s.onIcmpError((reporter, ttl, type, code, dst, dstPort) ->
                finish(1, "refused: ICMP " + unreachable(type, code) + " from " + Ipv4Address.format(reporter)));
        s.send(addr, port, Unpooled.copiedBuffer("dockwire trace\n", StandardCharsets.US_ASCII));
    }

    private void icmp(int addr) {
        PingSocket s = ctx.sockets().openPing();
        socket = s;
        s.onReply((src, seq, ttl, data) -> finish(0, "answered: echo reply from " + Ipv4Address.format(src)));
        s.onError((reporter, seq, type, code, info) ->
                finish(1, "refused: ICMP " + unreachable(type, code) + " from " + Ipv4Address.format(reporter)));
        s.send(addr, 1, Unpooled.copiedBuffer(new byte[56]), 0);
    }

    private static String unreachable(int type, int code) {
        if (type == 11) {
            return "time exceeded";
        }
        return switch (code) {
            case 0 -> "net unreachable";
            case 1 -> "host unreachable";
            case 3 -> "port unreachable";
            case 13 -> "administratively prohibited";
            default -> "unreachable (code " + code + ")";
        };
    }

    private void finish(int status, String line) {
        if (done) {
            return;
        }
        done = true;
        if (timer != null) {
            timer.cancel();
        }
        ctx.out(line);
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (Exception e) {
            // closing a probe's socket cannot fail in a way the trace could report
        }
        ctx.exit(status);
    }
}
