package dev.dockwire.app.bin.ping;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The part of ping both iputils (ping.c, ping_common.c) and BusyBox (networking/ping.c) do the
 * same way over the ICMP socket each opened: one request every {@code -i}, a table of which sequence numbers
 * were answered, round-trip times, {@code -w}'s deadline, SIGINT ending the run with the
 * statistics, and after the last request of {@code -c} a wait for late replies. Where the two
 * differ (sequence base, payload, when a run is complete, every text) the {@link PingFamily} says.
 */
final class Pinger {
    private final ProcessContext ctx;
    private final PingOptions o;
    private final PingFamily family;
    private final int dst;
    private PingSocket socket;
    private int sent;
    private int received;
    private int duplicates;
    private int errors;
    /** Per slot of the family's table (sequence number modulo its size): when that request went, whether it was answered. */
    private final long[] sentAt;
    private final boolean[] answered;
    private long start;
    private long rttMin = Long.MAX_VALUE;
    private long rttMax;
    private long rttSum;
    private double rttSumSquaresMs;
    private Timer next;
    private Timer deadline;
    private boolean finished;

    /** A run over {@code socket}, which the family opened as its program does (BusyBox a raw socket, iputils a ping socket first). */
    Pinger(ProcessContext ctx, PingOptions o, PingFamily family, int dst, PingSocket socket) {
        this.ctx = ctx;
        this.o = o;
        this.family = family;
        this.dst = dst;
        this.socket = socket;
        this.sentAt = new long[family.dupTableSize()];
        this.answered = new boolean[family.dupTableSize()];
    }

    /** Arms SIGINT and the deadline, and sends the first request. */
    void start() {
        socket.onReply(this::reply);
        socket.onError(this::error);
        if (o.pmtu() != null) {
            socket.pmtuDiscover(o.pmtu());
        }
        start = ctx.nanos();
        // Both install the handler once set up: Ctrl-C (or docker stop -s INT) prints the statistics.
        ctx.onSignal(Signal.SIGINT, this::finish);
        if (o.deadlineNanos() > 0 && !family.deadlineAtSend()) {
            deadline = ctx.schedule(o.deadlineNanos(), this::finish);
        }
        send();
    }

    /** The tally so far. */
    PingStats stats() {
        return new PingStats(sent, received, duplicates, errors, received == 0 ? 0 : rttMin, rttMax, rttSum,
                rttSumSquaresMs, ctx.nanos() - start);
    }

    private void send() {
        long now = ctx.nanos();
        if (family.deadlineAtSend() && o.deadlineNanos() > 0 && now - start >= o.deadlineNanos()) {
            finish();
            return;
        }
        int seq = (family.firstSeq() + sent++) & 0xFFFF;
        int slot = seq % answered.length;
        sentAt[slot] = now;
        answered[slot] = false; // CLR(seq) before the request goes: its slot's old answer belongs to a wrapped-away sequence
        ByteBuf data = Unpooled.buffer(o.size());
        family.payload(data, o.size(), now, ctx.epochMillis() * 1000 + now / 1000);
        try {
            socket.send(dst, seq, data, o.ttl());
        } catch (SocketException e) {
            if (family.sendFailed(e)) {
                stop();
                return;
            }
            errors++;
        } finally {
            data.release();
        }
        if (family.moreToSend(stats(), o)) {
            next = ctx.schedule(o.intervalNanos(), this::send);
        } else {
            long wait = family.lastWait(stats(), o);
            next = wait < 0 ? null : ctx.schedule(wait, this::finish);
        }
    }

    private void reply(int src, int seq, int replyTtl, ByteBuf data) {
        if (sent < 0x10000 && ((seq - family.firstSeq()) & 0xFFFF) >= sent) {
            return; // no such request yet
        }
        int index = seq % answered.length;
        boolean dup = answered[index];
        long rtt = ctx.nanos() - sentAt[index];
        if (dup) {
            duplicates++;
        } else {
            answered[index] = true;
            received++;
            ctx.sample("ping rtt", rtt);
            rttMin = Math.min(rttMin, rtt);
            rttMax = Math.max(rttMax, rtt);
            rttSum += rtt;
            rttSumSquaresMs += (rtt / 1e6) * (rtt / 1e6);
        }
        if (!o.quiet()) {
            family.reply(data.readableBytes() + IcmpPacket.HEADER_LENGTH, src, seq, replyTtl, rtt, dup);
        }
        if (family.complete(stats(), o)) {
            finish();
        }
    }

    private void error(int reporter, int seq, int type, int code, int info) {
        errors++;
        family.icmpError(reporter, seq, type, code, info);
        if (family.complete(stats(), o)) {
            finish();
        }
    }

    /** Ends the run: the statistics and the family's exit status. */
    private void finish() {
        if (finished) {
            return;
        }
        stop();
        ctx.exit(family.statistics(stats(), o));
    }

    private void stop() {
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
    }
}
