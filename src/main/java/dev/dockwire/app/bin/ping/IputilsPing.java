package dev.dockwire.app.bin.ping;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * iputils' ping (ping/ping.c, ping_common.c) as netshoot, the Debian images that install it and
 * the host run it: {@code ping [-c COUNT] [-i INTERVAL] [-W TIMEOUT] [-w DEADLINE] [-s SIZE] [-t TTL]
 * [-M do|want|dont] [-q] HOST}. The banner {@code PING web (172.18.0.2) 56(84) bytes of data.},
 * replies from the target's reverse name with {@code icmp_seq} from 1, a {@code From ...} line per
 * ICMP error, the statistics with {@code time Nms} and {@code rtt min/avg/max/mdev}. Exit status 0
 * when a reply came, 1 when none did, 2 on other errors. Payload as iputils lays it out: a struct
 * timeval, then bytes counting up from 0x10.
 */
public final class IputilsPing implements Program, PingFamily {
    /** The largest {@code -s} ping4_run sends: an IPv4 datagram's payload less the ICMP header (0xFFFF - 8 - 20). */
    static final int MAX_PACKET_SIZE = 0xFFFF - 8 - 20;
    private ProcessContext ctx;
    private PingOptions options;
    private boolean waitSet;
    private String target;
    private int dst;
    private String replyFrom;
    private PingSocket socket;

    /** getopt's attached values: {@code -c1} is {@code -c 1}. */
    private static List<String> splitAttached(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 2 && a.charAt(0) == '-' && "ciWwstM".indexOf(a.charAt(1)) >= 0) {
                out.add(a.substring(0, 2));
                out.add(a.substring(2));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void start(ProcessContext ctx, List<String> given) {
        this.ctx = ctx;
        List<String> args = splitAttached(given);
        String host = null;
        int count = 0;
        long interval = PingOptions.SECOND;
        long wait = -1;
        long deadline = 0;
        int size = 56;
        int ttl = 0;
        boolean quiet = false;
        PingSocket.PmtuDisc pmtu = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.length() == 2 && "ciWwstM".indexOf(a.charAt(1)) >= 0 && a.charAt(0) == '-' && i + 1 == args.size()) {
                    ctx.err("ping: option requires an argument -- '" + a.charAt(1) + "'");
                    usage();
                    return;
                }
                switch (a) {
                    case "-c" -> count = (int) Math.min(Integer.MAX_VALUE, IputilsNumbers.strtolOrErr(args.get(++i), 1, Long.MAX_VALUE));
                    case "-i" -> interval = bounded(args.get(++i), "bad timing interval", 0);
                    case "-W" -> wait = bounded(args.get(++i), "bad linger time", 0);
                    case "-w" -> deadline = IputilsNumbers.strtolOrErr(args.get(++i), 0, Integer.MAX_VALUE) * PingOptions.SECOND;
                    case "-s" -> size = (int) IputilsNumbers.strtolOrErr(args.get(++i), 0, Integer.MAX_VALUE);
                    case "-t" -> ttl = (int) IputilsNumbers.strtolOrErr(args.get(++i), 0, 255);
                    case "-q" -> quiet = true;
                    case "-M" -> {
                        String m = args.get(++i);
                        pmtu = switch (m) {
                            case "do" -> PingSocket.PmtuDisc.DO;
                            case "want" -> PingSocket.PmtuDisc.WANT;
                            case "dont" -> PingSocket.PmtuDisc.DONT;
                            default -> null;
                        };
                        if (pmtu == null) {
                            ctx.err("ping: invalid -M argument: " + m);
                            ctx.exit(2);
                            return;
                        }
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            ctx.err("ping: invalid option -- '" + a.substring(1) + "'");
                            usage();
                            return;
                        }
                        host = a;
                    }
                }
            }
        } catch (IputilsNumbers.Invalid e) {
            ctx.err(e.getMessage());
            ctx.exit(e.status);
            return;
        }
        if (host == null) {
            usage();
            return;
        }
        if (size > MAX_PACKET_SIZE) {
            ctx.err("ping: packet size " + size + " is too large. Maximum is " + MAX_PACKET_SIZE);
            ctx.exit(2);
            return;
        }
        waitSet = wait >= 0;
        options = new PingOptions(count, interval, waitSet ? wait : 10 * PingOptions.SECOND, deadline, size, ttl, pmtu, quiet);
        target = host;
        socket = createSocket();
        if (socket == null) {
            return;
        }
        String name = host;
        StubResolver resolver = new StubResolver(ctx);
        resolver.lookup(name, result -> {
            if (!result.ok()) {
                socket.close();
                ctx.err("ping: " + name + ": " + (result.failure() == StubResolver.Failure.TIMEOUT
                        ? "Temporary failure in name resolution" : "Name or service not known"));
                ctx.exit(2);
                return;
            }
            dst = result.addresses().get(0);
            if (Ipv4Address.tryParse(name) != null) {
                begin(null);
            } else {
                // iputils prints replies from a named target with their reverse name (getnameinfo).
                resolver.reverse(dst, this::begin);
            }
        });
    }

    /**
     * {@code -i} and {@code -W} (ping.c): seconds through ping_strtod, below {@code min} or above
     * INT_MAX/1000 refused with status 2 ({@code ping: bad timing interval: -1}).
     */
    private long bounded(String s, String what, double min) throws IputilsNumbers.Invalid {
        double v = IputilsNumbers.strtod(s, what, ctx::err);
        if (v < min || v > Integer.MAX_VALUE / 1000.0) {
            throw new IputilsNumbers.Invalid("ping: " + what + ": " + s, 2);
        }
        return (long) (v * PingOptions.SECOND);
    }

    private void usage() {
        ctx.err("Usage: ping [-c count] [-i interval] [-W timeout] [-w deadline] [-s packetsize] [-t ttl] [-M pmtudisc_option] destination");
        ctx.exit(2);
    }

    private void begin(String reverseName) {
        // iputils connect()s a probe socket first: no route fails there, before the banner.
        if (ctx.sockets().sourceAddressFor(dst) == 0) {
            socket.close();
            ctx.err("ping: connect: Network is unreachable");
            ctx.exit(2);
            return;
        }
        String dotted = Ipv4Address.format(dst);
        replyFrom = reverseName == null ? (Ipv4Address.tryParse(target) != null ? dotted : target + " (" + dotted + ")")
                : reverseName + " (" + dotted + ")";
        ctx.out("PING " + target + " (" + dotted + ") " + options.size() + "(" + (options.size() + 28) + ") bytes of data.");
        new Pinger(ctx, options, this, dst, socket).start();
    }

    /**
     * create_socket (ping.c), before the target is resolved: a ping socket, and a raw one when the
     * ping socket is refused (EACCES: the group is outside net.ipv4.ping_group_range). When the raw
     * one fails too (EPERM without CAP_NET_RAW) ping says which kind and why, and exits 2 (the IPv6
     * socket it tries next fails alike and is the requisite one; as root it adds no capability hint).
     * Null when the program ended on it.
     */
    private PingSocket createSocket() {
        try {
            return ctx.sockets().openPing();
        } catch (SocketException e) {
            if (e.error() != SocketError.EACCES) {
                return socketFailed("SOCK_DGRAM", e);
            }
        }
        try {
            return ctx.sockets().openRawIcmp();
        } catch (SocketException e) {
            return socketFailed("SOCK_RAW", e);
        }
    }

    private PingSocket socketFailed(String socktype, SocketException e) {
        ctx.err("ping: socktype: " + socktype);
        ctx.err("ping: socket: " + e.error().message());
        ctx.exit(2);
        return null;
    }

    @Override
    public int dupTableSize() {
        return 0x10000; // ping.h: MAX_DUP_CHK
    }

    @Override
    public int firstSeq() {
        return 1;
    }

    @Override
    public void payload(ByteBuf out, int size, long nanos, long wallMicros) {
        if (size >= 16) {
            out.writeLongLE(wallMicros / 1_000_000);
            out.writeLongLE(wallMicros % 1_000_000);
        }
        for (int i = out.writerIndex(); i < size; i++) {
            out.writeByte(i);
        }
    }

    @Override
    public boolean moreToSend(PingStats sofar, PingOptions o) {
        return o.count() == 0 || sofar.transmitted() < o.count() || o.deadlineNanos() > 0;
    }

    /** Twice the largest RTT seen (at least one interval) when replies came, else the linger time (10 s, or -W). */
    @Override
    public long lastWait(PingStats sofar, PingOptions o) {
        if (sofar.received() > 0 && !waitSet) {
            return Math.max(2 * sofar.rttMaxNanos(), o.intervalNanos());
        }
        return o.waitNanos();
    }

    @Override
    public boolean deadlineAtSend() {
        return false;
    }

    /** With -w, -c counts replies; without, replies and errors once all are sent. */
    @Override
    public boolean complete(PingStats s, PingOptions o) {
        return o.count() > 0 && (o.deadlineNanos() > 0 ? s.received() >= o.count()
                : s.received() + s.errors() >= o.count() && s.transmitted() >= o.count());
    }

    @Override
    public void reply(int bytes, int src, int seq, int ttl, long rttNanos, boolean dup) {
        if (dup) {
            return;
        }
        String from = src == dst ? replyFrom : Ipv4Address.format(src);
        ctx.out(bytes + " bytes from " + from + ": icmp_seq=" + seq + " ttl=" + ttl + " time=" + formatRtt(rttNanos / 1e6) + " ms");
    }

    @Override
    public void icmpError(int reporter, int seq, int type, int code, int info) {
        ctx.out("From " + Ipv4Address.format(reporter) + " icmp_seq=" + seq + " " + describe(type, code, info));
    }

    @Override
    public boolean sendFailed(SocketException e) {
        if (e.error() == SocketError.EMSGSIZE && e.info() > 0) {
            // The kernel queued a local error (ip_local_error) that ping reads from its error queue.
            ctx.err("ping: local error: message too long, mtu=" + e.info());
        } else {
            ctx.err("ping: sendmsg: " + e.error().message());
        }
        return false;
    }

    private static String describe(int type, int code, int info) {
        if (type == IcmpPacket.TYPE_TIME_EXCEEDED) {
            return code == IcmpPacket.CODE_FRAG_REASSEMBLY ? "Frag reassembly time exceeded" : "Time to live exceeded";
        }
        return switch (code) {
            case IcmpPacket.CODE_NET_UNREACHABLE -> "Destination Net Unreachable";
            case IcmpPacket.CODE_HOST_UNREACHABLE -> "Destination Host Unreachable";
            case IcmpPacket.CODE_PROTOCOL_UNREACHABLE -> "Destination Protocol Unreachable";
            case IcmpPacket.CODE_PORT_UNREACHABLE -> "Destination Port Unreachable";
            case IcmpPacket.CODE_FRAG_NEEDED -> "Frag needed and DF set (mtu = " + info + ")";
            case IcmpPacket.CODE_ADMIN_PROHIBITED -> "Packet filtered";
            default -> "Dest Unreachable, Bad Code: " + code;
        };
    }

    /** iputils prints 3 decimals under 1 ms, 2 under 10, 1 under 100, none above. */
    static String formatRtt(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%d", (long) ms);
        } else if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        } else if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    @Override
    public int statistics(PingStats s, PingOptions o) {
        ctx.out("");
        ctx.out("--- " + target + " ping statistics ---");
        StringBuilder sb = new StringBuilder();
        sb.append(s.transmitted()).append(" packets transmitted, ").append(s.received()).append(" received, ");
        if (s.errors() > 0) {
            sb.append('+').append(s.errors()).append(" errors, ");
        }
        sb.append(s.lossPercent()).append("% packet loss, time ").append(s.elapsedNanos() / 1_000_000).append("ms");
        ctx.out(sb.toString());
        if (s.received() > 0) {
            double min = s.rttMinNanos() / 1e6;
            double max = s.rttMaxNanos() / 1e6;
            double avg = s.rttSumNanos() / 1e6 / s.received();
            double mdev = Math.sqrt(Math.max(0, s.rttSumSquaresMs() / s.received() - avg * avg));
            ctx.out(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", min, avg, max, mdev));
        }
        return s.received() > 0 ? 0 : 1;
    }
}
