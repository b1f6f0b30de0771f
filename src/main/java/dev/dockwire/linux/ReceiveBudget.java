package dev.dockwire.linux;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a real socket has read from the kernel and handed to the emulation's loop but the
 * program has not yet received: without a bound, a sender faster than the loop would queue
 * datagrams in the JVM's heap without end. Bounded as the socket's own receive buffer bounds the
 * kernel's queue: at most {@link #RMEM_DEFAULT} bytes ({@code net.core.rmem_default}, the
 * {@code SO_RCVBUF} a UDP socket gets; Linux counts each skb's truesize, this counts payload). A
 * datagram that does not fit is dropped as {@code __udp_enqueue_schedule_skb} drops it
 * (UDP's RcvbufErrors). Taken on the I/O thread, given back on the loop's. A live capture's
 * hand-off is bounded the same way, by libpcap's buffer ({@link RealCapture#PCAP_BUFFER_SIZE}).
 */
final class ReceiveBudget {
    /** Linux's {@code net.core.rmem_default}: 212992 bytes. */
    static final int RMEM_DEFAULT = 212_992;

    private final int limit;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    ReceiveBudget() {
        this(RMEM_DEFAULT);
    }

    ReceiveBudget(int limit) {
        this.limit = limit;
    }

    /** Counts a datagram of {@code bytes} in; false (and counted as dropped) when the buffer is full. */
    boolean take(int bytes) {
        while (true) {
            int now = queued.get();
            // Linux admits a datagram while the queue is under the limit, whatever its size.
            if (now > 0 && now + bytes > limit) {
                dropped.incrementAndGet();
                return false;
            }
            if (queued.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** The datagram of {@code bytes} reached the program (or was discarded at close). */
    void give(int bytes) {
        queued.addAndGet(-bytes);
    }

    /** Bytes waiting for the loop now. */
    int queued() {
        return queued.get();
    }

    /** Datagrams dropped because the buffer was full. */
    long dropped() {
        return dropped.get();
    }
}
