package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * nc_bloaty.c's dolisten ({@code nc -l -p PORT [HOST] [PORT]}): TCP listens with a backlog of 1
 * and accepts one connection, refusing ({@code -v}: {@code nc: connect from wrong ip/port X
 * ignored}) one not from HOST[:PORT]; {@code -lk} (or {@code -ll}) with {@code -e PROG} gives each
 * connection its own PROG and keeps accepting. UDP waits for the first datagram and connects to its
 * sender. {@code -w SEC} bounds that wait ({@code nc: timeout}, 1). Without {@code -s} nor a HOST
 * the socket is IPv6's wildcard (xsocket_type tries AF_INET6 first; TCP's is listed so by
 * netstat, {@code :::8080}), so {@code -v} says
 * {@code listening on [::]:8080 ...} and names addresses v4-mapped. bind failing is
 * {@code nc: bind: Address already in use} (1). With {@code -v} the {@code connect to} line
 * names the peer by its PTR name unless {@code -n}.
 */
final class NcListen {
    private static final long SECOND = 1_000_000_000L;
    private final ProcessContext ctx;
    private final boolean udp;
    private final int verbose;
    private final int wait;
    private final int interval;
    private final List<String> prog;
    private final boolean persistent;
    private final boolean numeric;
    private boolean ipv6;
    private Integer them;
    private int themPort;
    private IntConsumer done;
    private Timer alarm;
    private NcStream stream;

    NcListen(ProcessContext ctx, boolean udp, boolean numeric, int verbose, int wait, int interval, List<String> prog, boolean persistent) {
        this.ctx = ctx;
        this.udp = udp;
        this.verbose = verbose;
        this.wait = wait;
        this.interval = interval;
        this.prog = prog;
        this.persistent = persistent && prog != null;
        this.numeric = numeric;
    }

    /** Binds {@code ours:lport} and waits for the peer; {@code them} (null: anyone) filters who may connect. */
    void start(int ours, int lport, Integer them, int themPort, boolean bound, IntConsumer done) {
        this.done = done;
        this.them = them;
        this.themPort = themPort;
        this.ipv6 = !bound && them == null;
        if (udp) {
            udp(ours, lport);
            return;
        }
        TcpListener l;
        try {
            l = ipv6 ? ctx.sockets().listenTcp6(lport, 1) : ctx.sockets().listenTcp(ours, lport, 1);
        } catch (SocketException e) {
            ctx.err("nc: bind: " + e.error().message());
            done.accept(1);
            return;
        }
        if (verbose > 0) {
            ctx.err("listening on " + addr(ours, l.localPort()) + " ...");
        }
        armTimeout(l::close);
        l.onAccept(s -> accepted(l, s));
    }

    private void armTimeout(Runnable close) {
        if (wait > 0) {
            alarm = ctx.schedule(wait * SECOND, () -> {
                close.run();
                ctx.err("nc: timeout");
                done.accept(1);
            });
        }
    }

    private void accepted(TcpListener l, TcpSocket s) {
        if (them != null && (s.remoteAddress() != them || themPort != 0 && s.remotePort() != themPort)) {
            if (verbose > 0) {
                ctx.err("nc: connect from wrong ip/port " + addr(s.remoteAddress(), s.remotePort()) + " ignored");
            }
            s.close();
            return;
        }
        if (persistent) {
            // The forked child runs PROG; the parent goes back to accept, under a fresh alarm(-w).
            NcExec.run(ctx, NcNet.tcp(s), prog, status -> { });
            if (alarm != null) {
                alarm.cancel();
                armTimeout(l::close);
            }
            return;
        }
        if (alarm != null) {
            alarm.cancel();
        }
        l.close();
        NcNet net = NcNet.tcp(s);
        if (verbose > 0) {
            // Reads wait while getnameinfo runs, as the real one blocks in it.
            s.pauseReading();
            connectLine(s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort(), () -> {
                connected(net);
                s.resumeReading();
            });
            return;
        }
        connected(net);
    }

    private void udp(int ours, int lport) {
        UdpSocket s = ctx.sockets().openUdp();
        try {
            s.bind(ours, lport);
        } catch (SocketException e) {
            ctx.err("nc: bind: " + e.error().message());
            done.accept(1);
            return;
        }
        if (verbose > 0) {
            ctx.err("listening on " + addr(ours, s.localPort()) + " ...");
        }
        if (them != null) {
            s.connect(them, themPort);
        }
        armTimeout(s::close);
        s.onReceive((sock, src, srcPort, data) -> {
            if (alarm != null) {
                alarm.cancel();
            }
            byte[] first = io.netty.buffer.ByteBufUtil.getBytes(data);
            if (them == null) {
                s.connect(src, srcPort);
            }
            // MSG_PEEK: the first datagram is read again by what runs on the socket.
            if (verbose > 0) {
                connectLine(ours, s.localPort(), src, srcPort, () -> connected(NcNet.udp(s, first)));
            } else {
                connected(NcNet.udp(s, first));
            }
        });
    }

    private void connected(NcNet net) {
        if (prog != null) {
            NcExec.run(ctx, net, prog, done);
            return;
        }
        stream = new NcStream(ctx, net, wait, interval);
        stream.run(ctx.stdin(), status -> {
            if (verbose > 1) {
                ctx.err(stream.counts());
            }
            done.accept(status);
        });
    }

    /**
     * {@code connect to LOCAL from REMHOST (REMADDR)}: REMHOST is the peer's PTR name and port
     * (xmalloc_sockaddr2host), or its address when there is none or with {@code -n}.
     */
    private void connectLine(int local, int localPort, int remote, int remotePort, Runnable then) {
        String remaddr = addr(remote, remotePort);
        String prefix = "connect to " + addr(local, localPort) + " from ";
        if (numeric) {
            ctx.err(prefix + remaddr + " (" + remaddr + ")");
            then.run();
            return;
        }
        new StubResolver(ctx).reverse(remote, name -> {
            ctx.err(prefix + (name == null ? remaddr : name + ":" + remotePort) + " (" + remaddr + ")");
            then.run();
        });
    }

    /** xmalloc_sockaddr2dotted: {@code IP:PORT}, or {@code [::ffff:IP]:PORT} on the IPv6 socket. */
    private String addr(int ip, int port) {
        if (!ipv6) {
            return Ipv4Address.format(ip) + ":" + port;
        }
        return "[" + (ip == 0 ? "::" : "::ffff:" + Ipv4Address.format(ip)) + "]:" + port;
    }
}
