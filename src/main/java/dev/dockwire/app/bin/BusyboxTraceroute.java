package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.bin.ping.Getopt32;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Address;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's traceroute (networking/traceroute.c, 1.36.1 with alpine's TRACEROUTE6, USE_ICMP and
 * VERBOSE): {@code traceroute to web (172.18.0.2), 30 hops max, 46 byte packets}, then per TTL
 * {@code %2d} and for each of {@code -q} probes (UDP to port {@code -p}+seq, seq from 1; ICMP echo
 * with {@code -I}) the router that answered ({@code  172.18.0.2} with {@code -n}, else
 * {@code  name (172.18.0.2)} by its PTR) when it differs from the last, its round trip as
 * {@code  0.014 ms}, a mark for an unreachable ({@code !N}, {@code !H}, {@code !P}, {@code !A}...),
 * or {@code  *} after {@code -w} seconds (default 5) of silence. A port unreachable (an echo reply
 * with {@code -I}) means the host was reached; the run stops after that hop, or when all probes of
 * a hop but one were unreachable. A name that does not resolve is {@code traceroute: bad address
 * 'x'} (1); otherwise the exit status is 0. The errors reach it by IP_RECVERR on the probe socket
 * where the real one reads a raw ICMP socket: the same routers, codes and TTLs. {@code -v} adds each
 * reply's ICMP length and the local address it came to. Not modelled: {@code -F}, {@code -t},
 * {@code -r}, {@code -i} (accepted, no effect), {@code -l}'s TTL of an ICMP error to {@code -I}
 * probes (the ping socket does not report it: printed as 0), {@code !F}'s next-hop MTU (0).
 */
public final class BusyboxTraceroute implements Program {
    private static final String OPTIONS = "FIlnrdvt:i:m:p:q:s:w:z:f:46";
    private static final long MILLI = 1_000_000L;
    private static final int TIME_EXCEEDED = -1;
    private ProcessContext ctx;
    private Getopt32.Parsed opts;
    private int maxTtl = 30;
    private int port = 33434;
    private int nprobes = 3;
    private int waitSecs = 5;
    private int pauseMs;
    private int ttl = 1;
    private int packlen = 46;
    private int dst;
    private int local;
    private TraceProbes probeSocket;
    /** rcvsock: the raw ICMP socket traceroute opens first (the answers reach this model through the probe socket's error queue). */
    private PingSocket rcvsock;
    private int seq;
    private int probe;
    private int unreachable;
    private boolean gotThere;
    private int lastAddr = -1;
    private long sentAt;
    private Timer timeout;
    private final StringBuilder line = new StringBuilder();

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (!args.isEmpty() && args.get(0).equals("--help")) {
            BusyboxUsage.show(ctx, "traceroute", 0);
            return;
        }
        try {
            opts = Getopt32.parse(OPTIONS, args);
            if (opts.operands().isEmpty() || opts.operands().size() > 2) {
                BusyboxUsage.show(ctx, "traceroute", 1);
                return;
            }
            if (opts.has('m')) {
                maxTtl = (int) Getopt32.xatou(opts.values().get('m'), 1, 255);
            }
            if (opts.has('p')) {
                port = (int) Getopt32.xatou(opts.values().get('p'), 0, 0xFFFF);
            }
            if (opts.has('q')) {
                nprobes = (int) Getopt32.xatou(opts.values().get('q'), 1, Integer.MAX_VALUE);
            }
            if (opts.has('w')) {
                waitSecs = (int) Getopt32.xatou(opts.values().get('w'), 1, 24 * 60 * 60);
            }
            if (opts.has('z')) {
                pauseMs = (int) Getopt32.xatou(opts.values().get('z'), 0, 60 * 60 * 1000);
            }
            if (opts.has('f')) {
                ttl = (int) Getopt32.xatou(opts.values().get('f'), 1, maxTtl);
            }
            if (opts.operands().size() > 1) {
                packlen = (int) Getopt32.xatou(opts.operands().get(1), packlen, 32 * 1024);
            }
        } catch (Getopt32.Failure f) {
            if (f.getMessage() != null) {
                ctx.err("traceroute: " + f.getMessage());
            }
            if (f.usage()) {
                BusyboxUsage.show(ctx, "traceroute", 1);
            } else {
                ctx.exit(1);
            }
            return;
        }
        String host = opts.operands().get(0);
        new StubResolver(ctx).lookup(host, r -> {
            if (!r.ok() || opts.has('6')) {
                ctx.err("traceroute: bad address '" + host + "'");
                ctx.exit(1);
                return;
            }
            dst = r.addresses().get(0);
            local = ctx.sockets().sourceAddressFor(dst);
            if (!open()) {
                return;
            }
            String source = opts.values().get('s');
            ctx.out("traceroute to " + host + " (" + Ipv4Address.format(dst) + ")" + (source != null ? " from " + source : "")
                    + ", " + maxTtl + " hops max, " + packlen + " byte packets");
            hop();
        });
    }

    /** The probe socket, bound to -s or connected to the destination (xconnect picks the source). */
    private boolean open() {
        try {
            rcvsock = ctx.sockets().openRawIcmp();
        } catch (SocketException e) {
            // xsocket (libbb/xfuncs_printf.c) dies with perror("socket").
            ctx.err("traceroute: socket: " + e.error().message());
            ctx.exit(1);
            return false;
        }
        Integer source = opts.has('s') ? Ipv4Address.tryParse(opts.values().get('s')) : null;
        if (opts.has('s') && source == null) {
            ctx.err("traceroute: bad address '" + opts.values().get('s') + "'");
            rcvsock.close();
            ctx.exit(1);
            return false;
        }
        if (ctx.sockets().sourceAddressFor(dst) == 0 && source == null) {
            ctx.err("traceroute: connect: Network is unreachable");
            rcvsock.close();
            ctx.exit(1);
            return false;
        }
        if (source != null && !opts.has('I')) {
            local = source;
        }
        try {
            probeSocket = TraceProbes.open(ctx, opts.has('I'), source == null ? 0 : source, dst, port,
                    (s, from, replyTtl, type, code) -> answered(s, from, replyTtl,
                            type == IcmpPacket.TYPE_ECHO_REPLY ? IcmpPacket.CODE_PORT_UNREACHABLE + 1 : mark(type, code)));
        } catch (SocketException e) {
            ctx.err("traceroute: bind: " + e.error().message());
            rcvsock.close();
            ctx.exit(1);
            return false;
        }
        return true;
    }

    /** packet4_ok's verdict: -1 for time exceeded in transit, else the unreachable code + 1; 0 ignores it. */
    private static int mark(int type, int code) {
        if (type == IcmpPacket.TYPE_TIME_EXCEEDED && code == IcmpPacket.CODE_TTL_EXCEEDED) {
            return TIME_EXCEEDED;
        }
        return type == IcmpPacket.TYPE_DEST_UNREACHABLE ? code + 1 : 0;
    }

    private void hop() {
        line.setLength(0);
        line.append(String.format(Locale.ROOT, "%2d", ttl));
        probe = 0;
        unreachable = 0;
        gotThere = false;
        lastAddr = -1;
        send();
    }

    private void send() {
        seq++;
        sentAt = ctx.nanos();
        try {
            probeSocket.send(seq, ttl, packlen);
        } catch (SocketException e) {
            // send_probe: a failed sendto is reported, the probe then waits its time as any other
            ctx.err("traceroute: sendto: " + e.error().message());
        }
        int probeSeq = seq;
        timeout = ctx.schedule(waitSecs * 1000L * MILLI, () -> {
            if (probeSeq == seq) {
                timeout = null;
                line.append("  *");
                next();
            }
        });
    }

    /** A reply to probe {@code s} from {@code from}; {@code code} as {@link #mark}. */
    private void answered(int s, int from, int replyTtl, int code) {
        if (s != seq || timeout == null || code == 0) {
            return;
        }
        timeout.cancel();
        timeout = null;
        long us = (ctx.nanos() - sentAt) / 1000;
        if (probe == 0 || from != lastAddr) {
            lastAddr = from;
            String dotted = Ipv4Address.format(from);
            if (opts.has('n')) {
                line.append("  ").append(dotted);
                verbose(code);
            } else {
                new StubResolver(ctx).reverse(from, name -> {
                    line.append("  ").append(name != null ? name : dotted).append(" (").append(dotted).append(")");
                    verbose(code);
                    rest(us, replyTtl, code);
                });
                return;
            }
        }
        rest(us, replyTtl, code);
    }

    /**
     * {@code -v}: the ICMP message's length and the local address it came to (print's read_len
     * less the IP header, IP_PKTINFO). An echo reply carries the probe's data; an error quotes the
     * probe, IP header included, as far as 576 bytes allow (icmp_send).
     */
    private void verbose(int code) {
        if (!opts.has('v')) {
            return;
        }
        boolean echoReply = probeSocket.icmp() && code == IcmpPacket.CODE_PORT_UNREACHABLE + 1;
        int length = IcmpPacket.HEADER_LENGTH + (echoReply ? packlen - 28 : Math.min(packlen, 576 - 28));
        line.append(" ").append(length).append(" bytes to ").append(Ipv4Address.format(local));
    }

    private void rest(long us, int replyTtl, int code) {
        line.append(String.format(Locale.ROOT, "  %d.%03d ms", us / 1000, us % 1000));
        if (opts.has('l')) {
            line.append(" (").append(replyTtl).append(")");
        }
        if (code != TIME_EXCEEDED) {
            int c = code - 1;
            switch (c) {
                case IcmpPacket.CODE_PORT_UNREACHABLE -> {
                    if (replyTtl <= 1 && !probeSocket.icmp()) {
                        line.append(" !");
                    }
                    gotThere = true;
                }
                case 2 -> {
                    line.append(" !P");
                    gotThere = true;
                }
                case 0 -> unreachable(" !N");
                case 1 -> unreachable(" !H");
                case 4 -> unreachable(" !F-0");
                case 5 -> unreachable(" !S");
                case 13, 9 -> unreachable(" !A");
                case 10, 15 -> unreachable(" !C");
                case 14 -> unreachable(" !V");
                case 6, 7 -> unreachable(" !U");
                case 8 -> unreachable(" !I");
                case 11, 12 -> unreachable(" !T");
                default -> unreachable(" !<" + c + ">");
            }
        }
        next();
    }

    private void unreachable(String markText) {
        line.append(markText);
        unreachable++;
    }

    private void next() {
        if (++probe < nprobes) {
            if (pauseMs > 0) {
                ctx.schedule(pauseMs * MILLI, this::send);
            } else {
                send();
            }
            return;
        }
        ctx.out(line.toString());
        if (gotThere || unreachable > 0 && unreachable >= nprobes - 1 || ++ttl > maxTtl) {
            probeSocket.close();
            rcvsock.close();
            ctx.exit(0);
            return;
        }
        hop();
    }
}
