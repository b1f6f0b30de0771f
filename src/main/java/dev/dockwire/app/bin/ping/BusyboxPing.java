package dev.dockwire.app.bin.ping;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's ping (networking/ping.c, FEATURE_FANCY_PING, 1.36.1 as alpine ships it):
 * {@code ping [-4|-6] [-c CNT] [-s SIZE] [-i SECS] [-t TTL] [-W SEC] [-w SEC] [-q] [-p HEXBYTE] HOST}.
 * Options by getopt32 ({@code -c1} joined, {@code -qc1} bundled); exactly one HOST, else the usage
 * and exit 1; a name that does not resolve is {@code ping: bad address 'X'} (1). Banner
 * {@code PING web (172.18.0.2): 56 data bytes}; replies {@code 64 bytes from 172.18.0.2: seq=0
 * ttl=64 time=0.147 ms}: the dotted source (no reverse name), seq from 0, the time as %u.%03u of
 * microseconds. ICMP errors are not echo replies of ours and are dropped silently (unpack4 checks the
 * id), so an unreachable host is plain loss. sendto failing ends the program ({@code ping: sendto:
 * Network is unreachable}, 1); {@code -w} is checked only when the next request is due; after the
 * last of {@code -c} it waits about two round trips (at least 1 s) when replies came, else {@code -W}
 * (10 s). Exit 1 when nothing came back or a {@code -w} run saw fewer than {@code -c} replies.
 *
 * <p>stdout is a pipe under {@code docker exec}, {@code docker run -d} and in the logs, so stdio
 * buffers it: what was printed reaches the stream at each reply (unpack_tail's fflush_all) or at
 * exit, after anything said on stderr. (A program here is not told whether its stdout is a terminal,
 * so {@code docker exec -t} buffers the same way; on a real terminal stdio flushes each line.) The
 * usage text ({@code libc.BusyboxUsage}) is BusyBox's with alpine's banner as its
 * busybox 1.36.1 apk prints it ({@code BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.},
 * the build alpine 3.19 published). Not modelled: {@code -I} (accepted; the socket is not bound),
 * {@code -A}, and IPv6 ({@code -6} finds no address, as in a container without IPv6).
 */
public final class BusyboxPing implements Program, PingFamily {
    /** getopt32's string for ping (OPT_STRING with ENABLE_PING6). */
    private static final String OPTIONS = "qvAc:+s:t:+w:+W:+I:np:i:46";
    private static final List<String> USAGE = BusyboxUsage.withBanner("ping");
    private final List<String> stdout = new ArrayList<>();
    private ProcessContext ctx;
    private String host;
    private int size = 56;
    private int pattern;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (!args.isEmpty() && args.get(0).equals("--help")) {
            // appletlib.c show_usage_if_dash_dash_help: the usage on stderr, and exit 0.
            USAGE.forEach(ctx::err);
            ctx.exit(0);
            return;
        }
        PingOptions options;
        Getopt32.Parsed p;
        try {
            p = Getopt32.parse(OPTIONS, args);
            if (p.operands().size() != 1 || p.has('q') && p.has('v')) {
                usageAndExit();
                return;
            }
            if (p.has('s')) {
                size = (int) Getopt32.xatou(p.values().get('s'), 0, 0xFFFF);
            }
            if (p.has('p')) {
                pattern = hexByte(p.values().get('p'));
            }
            Integer wait = p.numbers().get('W');
            options = new PingOptions(p.numbers().getOrDefault('c', 0), duration(p.values().getOrDefault('i', "1")),
                    wait == null ? 10 * PingOptions.SECOND : wait * PingOptions.SECOND,
                    p.numbers().getOrDefault('w', 0) * PingOptions.SECOND, size, p.numbers().getOrDefault('t', 0), null,
                    p.has('q'));
        } catch (Getopt32.Failure f) {
            if (f.getMessage() != null) {
                ctx.err("ping: " + f.getMessage());
            }
            if (f.usage()) {
                usageAndExit();
            } else {
                ctx.exit(1);
            }
            return;
        }
        host = p.operands().get(0);
        String source = p.values().get('I');
        boolean ipv6 = p.has('6');
        new StubResolver(ctx).lookup(host, result -> {
            if (!result.ok() || ipv6) {
                // libbb xhost_and_af2sockaddr: getaddrinfo failed, whatever the reason.
                ctx.err("ping: bad address '" + host + "'");
                ctx.exit(1);
                return;
            }
            int dst = result.addresses().get(0);
            String from = source != null && Ipv4Address.tryParse(source) != null ? " from " + source : "";
            out("PING " + host + " (" + Ipv4Address.format(dst) + ")" + from + ": " + size + " data bytes");
            PingSocket socket = createIcmpSocket();
            if (socket != null) {
                new Pinger(ctx, options, this, dst, socket).start();
            }
        });
    }

    /**
     * create_icmp_socket (networking/ping.c): a raw ICMP socket, whose EPERM without CAP_NET_RAW is
     * libbb's bb_msg_perm_denied_are_you_root; any other failure is bb_msg_can_not_create_raw_socket.
     * Null when the program ended on it (status 1; the PING line stdio held reaches the pipe at exit,
     * after the message).
     */
    private PingSocket createIcmpSocket() {
        try {
            return ctx.sockets().openRawIcmp();
        } catch (SocketException e) {
            ctx.err(e.error() == SocketError.EPERM ? "ping: permission denied (are you root?)"
                    : "ping: can't create raw socket: " + e.error().message());
            flush();
            ctx.exit(1);
            return null;
        }
    }

    private void usageAndExit() {
        USAGE.forEach(ctx::err);
        ctx.exit(1);
    }

    /** libbb parse_duration_str: seconds, a fraction with a dot, or a count with suffix s/m/h/d; else the usage or invalid number. */
    private static long duration(String s) throws Getopt32.Failure {
        int end = 0;
        while (end < s.length() && "0123456789.".indexOf(s.charAt(end)) >= 0) {
            end++;
        }
        String number = s.substring(0, end);
        String suffix = s.substring(end);
        long unit = switch (suffix) {
            case "", "s" -> PingOptions.SECOND;
            case "m" -> 60 * PingOptions.SECOND;
            case "h" -> 3600 * PingOptions.SECOND;
            case "d" -> 86400 * PingOptions.SECOND;
            default -> -1;
        };
        if (!s.contains(".")) {
            if (unit < 0 || number.isEmpty()) {
                throw new Getopt32.Failure("invalid number '" + s + "'", false);
            }
            return Long.parseLong(number) * unit;
        }
        if (unit < 0 || number.indexOf('.') != number.lastIndexOf('.') || number.equals(".")) {
            throw new Getopt32.Failure(null, true);
        }
        return (long) (Double.parseDouble(number) * unit);
    }

    /** {@code -p}: xstrtou_range(str, 16, 0, 255). */
    private static int hexByte(String s) throws Getopt32.Failure {
        if (s.isEmpty() || !s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new Getopt32.Failure("invalid number '" + s + "'", false);
        }
        long v = s.length() > 8 ? Long.MAX_VALUE : Long.parseLong(s, 16);
        if (v > 255) {
            throw new Getopt32.Failure("number " + s + " is not in 0..255 range", false);
        }
        return (int) v;
    }

    private void out(String line) {
        stdout.add(line);
    }

    /** fflush_all: what stdio held reaches the pipe. */
    private void flush() {
        stdout.forEach(ctx::out);
        stdout.clear();
    }

    @Override
    public int dupTableSize() {
        return 8 * 128; // networking/ping.c: MAX_DUP_CHK
    }

    @Override
    public int firstSeq() {
        return 0;
    }

    /** sendping4: the data is the -p pattern, its first 4 bytes the send time in microseconds (monotonic_us, host order). */
    @Override
    public void payload(ByteBuf out, int size, long nanos, long wallMicros) {
        for (int i = 0; i < size; i++) {
            out.writeByte(pattern);
        }
        if (size >= 4) {
            out.setIntLE(0, (int) (nanos / 1000));
        }
    }

    @Override
    public boolean moreToSend(PingStats sofar, PingOptions o) {
        return o.count() == 0 || sofar.transmitted() < o.count();
    }

    /** sendping_tail: tmax / (512*1024) seconds (about two round trips), at least 1, when replies came; else -W. */
    @Override
    public long lastWait(PingStats sofar, PingOptions o) {
        if (sofar.received() > 0) {
            return Math.max(1, sofar.rttMaxNanos() / 1000 / (512 * 1024)) * PingOptions.SECOND;
        }
        // alarm(0) sets no alarm: with -W 0 and no reply the run waits for SIGINT.
        return o.waitNanos() == 0 ? -1 : o.waitNanos();
    }

    @Override
    public boolean deadlineAtSend() {
        return true;
    }

    @Override
    public boolean complete(PingStats s, PingOptions o) {
        return o.count() > 0 && s.received() >= o.count();
    }

    @Override
    public void reply(int bytes, int src, int seq, int ttl, long rttNanos, boolean dup) {
        long us = rttNanos / 1000;
        out(bytes + " bytes from " + Ipv4Address.format(src) + ": seq=" + seq + " ttl=" + ttl
                + (size >= 4 ? " time=" + micros(us) + " ms" : "") + (dup ? " (DUP!)" : ""));
        flush();
    }

    /** unpack4 drops what is not an echo reply with our id: an ICMP error says nothing. */
    @Override
    public void icmpError(int reporter, int seq, int type, int code, int info) {
    }

    /**
     * xsendto: bb_perror_msg_and_die("sendto"); libbb's bb_verror_msg flushes stdio (fflush_all)
     * before it writes the message, so the banner comes first (the reference engine, {@code 2>&1}).
     */
    @Override
    public boolean sendFailed(SocketException e) {
        flush();
        ctx.err("ping: sendto: " + e.error().message());
        ctx.exit(1);
        return true;
    }

    @Override
    public int statistics(PingStats s, PingOptions o) {
        out("");
        out("--- " + host + " ping statistics ---");
        out(s.transmitted() + " packets transmitted, " + s.received() + " packets received, "
                + (s.duplicates() > 0 ? s.duplicates() + " duplicates, " : "") + s.lossPercent() + "% packet loss");
        if (s.received() > 0 && size >= 4) {
            long avg = s.rttSumNanos() / 1000 / s.received();
            out("round-trip min/avg/max = " + micros(s.rttMinNanos() / 1000) + "/" + micros(avg) + "/"
                    + micros(s.rttMaxNanos() / 1000) + " ms");
        }
        flush();
        return s.received() == 0 || o.deadlineNanos() > 0 && s.received() < o.count() ? 1 : 0;
    }

    /** %u.%03u of a time in microseconds (by hand: a Formatter per reply line was most of a ping's cost). */
    static String micros(long us) {
        if (us < 0) {
            return String.format(Locale.ROOT, "%d.%03d", us / 1000, us % 1000);
        }
        int frac = (int) (us % 1000);
        StringBuilder sb = new StringBuilder(24).append(us / 1000).append('.');
        if (frac < 100) {
            sb.append(frac < 10 ? "00" : "0");
        }
        return sb.append(frac).toString();
    }
}
