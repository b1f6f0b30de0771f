package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Locale;

/**
 * {@code ping [-c COUNT] [-i INTERVAL] [-W TIMEOUT] [-s SIZE] [-t TTL] [-M do|want|dont] HOST}, printing what
 * iputils' ping prints: the PING banner, one line per reply or ICMP error, and the statistics
 * block. Exit status as iputils: 0 when a reply came, 1 when none did, 2 on other errors.
 * Payload as iputils lays it out: a struct timeval, then bytes counting up from 0x10.
 */
public final class Ping implements Program {
    private static final long SECOND = 1_000_000_000L;
    private ProcessContext ctx;
    private PingSocket socket;
    private int count = -1;
    private long intervalNanos = SECOND;
    private long lingerNanos = 10 * SECOND;
    private boolean lingerSet;
    /** -w: iputils' deadline; ping then sends until {@code count} replies came or the deadline passed. */
    private long deadlineNanos;
    private Timer deadline;
    private int size = 56;
    private int ttl;
    private PingSocket.PmtuDisc pmtudisc;
    private int dst;
    private String target;
    private String replyFrom;
    private int sent;
    private int received;
    private int errors;
    private long[] sentAt = new long[16];
    private boolean[] answered = new boolean[16];
    private long start;
    private double rttMin = Double.MAX_VALUE;
    private double rttMax;
    private double rttSum;
    private double rttSum2;
    private Timer next;
    private boolean finished;

    /** getopt's attached values: {@code -c1} is {@code -c 1}, as iputils and BusyBox take it. */
    private static List<String> splitAttached(List<String> args) {
        List<String> out = new java.util.ArrayList<>();
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
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-c" -> count = positiveInt(args, ++i, "invalid argument");
                    case "-i" -> intervalNanos = (long) (Double.parseDouble(value(args, ++i)) * SECOND);
                    case "-W" -> {
                        lingerNanos = (long) (Double.parseDouble(value(args, ++i)) * SECOND);
                        lingerSet = true;
                    }
                    case "-w" -> deadlineNanos = (long) (Double.parseDouble(value(args, ++i)) * SECOND);
                    case "-s" -> size = Integer.parseInt(value(args, ++i));
                    case "-t" -> ttl = Integer.parseInt(value(args, ++i));
                    case "-M" -> {
                        String m = value(args, ++i);
                        pmtudisc = switch (m) {
                            case "do" -> PingSocket.PmtuDisc.DO;
                            case "want" -> PingSocket.PmtuDisc.WANT;
                            case "dont" -> PingSocket.PmtuDisc.DONT;
                            default -> null;
                        };
                        if (pmtudisc == null) {
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
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            ctx.err("ping: invalid argument");
            ctx.exit(2);
            return;
        }
        if (host == null) {
            usage();
            return;
        }
        target = host;
        String name = host;
        StubResolver resolver = new StubResolver(ctx);
        resolver.lookup(name, result -> {
            if (!result.ok()) {
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

    private void begin(String reverseName) {
        if (ctx.sockets().sourceAddressFor(dst) == 0) {
            ctx.err("ping: connect: Network is unreachable");
            ctx.exit(2);
            return;
        }
        String dotted = Ipv4Address.format(dst);
        replyFrom = reverseName == null ? (Ipv4Address.tryParse(target) != null ? dotted : target + " (" + dotted + ")")
                : reverseName + " (" + dotted + ")";
        socket = ctx.sockets().openPing();
        socket.onReply(this::reply);
        socket.onError(this::error);
        if (pmtudisc != null) {
            socket.pmtuDiscover(pmtudisc);
        }
        ctx.out("PING " + target + " (" + dotted + ") " + size + "(" + (size + 28) + ") bytes of data.");
        start = ctx.nanos();
        // iputils ping.c: once it is set up, SIGINT (Ctrl-C, docker stop -s INT) ends the run with the statistics.
        ctx.onSignal(Signal.SIGINT, this::finish);
        if (deadlineNanos > 0) {
            deadline = ctx.schedule(deadlineNanos, this::finish);
        }
        send();
    }

    private static String value(List<String> args, int i) {
        return args.get(i);
    }

    private int positiveInt(List<String> args, int i, String what) {
        int v = Integer.parseInt(args.get(i));
        if (v <= 0) {
            throw new NumberFormatException(what);
        }
        return v;
    }

    private void usage() {
        ctx.err("Usage: ping [-c count] [-i interval] [-W timeout] [-w deadline] [-s packetsize] [-t ttl] [-M pmtudisc_option] destination");
        ctx.exit(2);
    }

    private void send() {
        int seq = ++sent;
        if (seq >= sentAt.length) {
            sentAt = java.util.Arrays.copyOf(sentAt, seq * 2);
            answered = java.util.Arrays.copyOf(answered, seq * 2);
        }
        long now = ctx.nanos();
        sentAt[seq] = now;
        ByteBuf data = Unpooled.buffer(size);
        long wallMicros = ctx.epochMillis() * 1000 + now / 1000;
        if (size >= 16) {
            data.writeLongLE(wallMicros / 1_000_000);
            data.writeLongLE(wallMicros % 1_000_000);
        }
        for (int i = data.writerIndex(); i < size; i++) {
            data.writeByte(i);
        }
        try {
            socket.send(dst, seq & 0xFFFF, data, ttl);
        } catch (SocketException e) {
            if (e.error() == SocketError.EMSGSIZE && e.info() > 0) {
                // The kernel queued a local error (ip_local_error) that ping reads from its error queue.
                ctx.err("ping: local error: message too long, mtu=" + e.info());
            } else {
                ctx.err("ping: sendmsg: " + e.error().message());
            }
            errors++;
        } finally {
            data.release();
        }
        if (count < 0 || sent < count || deadlineNanos > 0) {
            next = ctx.schedule(intervalNanos, this::send);
        } else {
            next = ctx.schedule(exitWait(), this::finish);
        }
    }

    /**
     * After the last request, iputils waits twice the largest RTT seen (at least one interval)
     * when replies came, else the linger time (10 s, or -W).
     */
    private long exitWait() {
        if (received > 0 && !lingerSet) {
            return Math.max((long) (2 * rttMax * 1e6), intervalNanos);
        }
        return lingerNanos;
    }

    private void reply(int src, int seq, int replyTtl, ByteBuf data) {
        int s = seq;
        if (s <= 0 || s > sent || answered[s]) {
            return;
        }
        answered[s] = true;
        received++;
        long rtt = ctx.nanos() - sentAt[s];
        ctx.sample("ping rtt", rtt);
        double ms = rtt / 1e6;
        rttMin = Math.min(rttMin, ms);
        rttMax = Math.max(rttMax, ms);
        rttSum += ms;
        rttSum2 += ms * ms;
        String from = src == dst ? replyFrom : Ipv4Address.format(src);
        ctx.out((data.readableBytes() + IcmpPacket.HEADER_LENGTH) + " bytes from " + from
                + ": icmp_seq=" + s + " ttl=" + replyTtl + " time=" + formatRtt(ms) + " ms");
        if (count > 0 && (deadlineNanos > 0 ? received >= count : received + errors >= count && sent >= count)) {
            finish();
        }
    }

    private void error(int reporter, int seq, int type, int code, int info) {
        errors++;
        ctx.out("From " + Ipv4Address.format(reporter) + " icmp_seq=" + seq + " " + describe(type, code, info));
        if (count > 0 && deadlineNanos == 0 && received + errors >= count && sent >= count) {
            finish();
        }
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

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (next != null) {
            next.cancel();
        }
        if (deadline != null) {
            deadline.cancel();
        }
        if (socket != null) {
            socket.close();
        }
        long elapsedMs = (ctx.nanos() - start) / 1_000_000;
        ctx.out("");
        ctx.out("--- " + target + " ping statistics ---");
        int loss = sent == 0 ? 0 : (int) ((sent - received) * 100L / sent);
        StringBuilder sb = new StringBuilder();
        sb.append(sent).append(" packets transmitted, ").append(received).append(" received, ");
        if (errors > 0) {
            sb.append('+').append(errors).append(" errors, ");
        }
        sb.append(loss).append("% packet loss, time ").append(elapsedMs).append("ms");
        ctx.out(sb.toString());
        if (received > 0) {
            double avg = rttSum / received;
            double mdev = Math.sqrt(Math.max(0, rttSum2 / received - avg * avg));
            ctx.out(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms",
                    rttMin, avg, rttMax, mdev));
        }
        ctx.exit(received > 0 ? 0 : 1);
    }
}
