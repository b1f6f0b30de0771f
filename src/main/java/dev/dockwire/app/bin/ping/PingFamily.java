package dev.dockwire.app.bin.ping;

import dev.dockwire.socket.SocketException;
import io.netty.buffer.ByteBuf;

/**
 * What one ping implementation decides on top of {@link Pinger}: the sequence numbers and payload
 * it sends, when a run with {@code -c} or {@code -w} ends, and every line it prints.
 */
interface PingFamily {

    /** The first request's sequence number: iputils counts from 1, BusyBox from 0. */
    int firstSeq();

    /**
     * How many sequence numbers its table of replies tracks (MAX_DUP_CHK): iputils 0x10000
     * (ping.h), BusyBox 8 * 128 (networking/ping.c). A request's slot, its sequence number modulo
     * this, is cleared when it is sent, so the 16-bit sequence wraps at 65,535 without a reply
     * counted as a duplicate or lost.
     */
    int dupTableSize();

    /** Fills {@code out} with {@code size} data bytes for a request sent at {@code nanos} (wall clock {@code wallMicros}). */
    void payload(ByteBuf out, int size, long nanos, long wallMicros);

    /** Whether another request is due after one was sent (else the run waits {@link #lastWait} for late replies). */
    boolean moreToSend(PingStats sofar, PingOptions o);

    /** How long to wait after the last request of {@code -c} before the statistics; negative: no limit. */
    long lastWait(PingStats sofar, PingOptions o);

    /** Whether {@code -w} is checked only when the next request is due (BusyBox's sendping_tail) rather than by a timer of its own. */
    boolean deadlineAtSend();

    /** Whether the run with {@code -c N} has what it waited for. */
    boolean complete(PingStats sofar, PingOptions o);

    /** One echo reply ({@code bytes} ICMP bytes from {@code src}); {@code dup} when its sequence was answered before. */
    void reply(int bytes, int src, int seq, int ttl, long rttNanos, boolean dup);

    /** An ICMP error about one of the requests. */
    void icmpError(int reporter, int seq, int type, int code, int info);

    /** sendto(2) failed; true when the program ended on it (BusyBox's xsendto), false to count an error and go on. */
    boolean sendFailed(SocketException e);

    /** The statistics block; returns the exit status. */
    int statistics(PingStats s, PingOptions o);
}
