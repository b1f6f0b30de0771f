package dev.dockwire.netns;

import dev.dockwire.sim.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One host's kernel log (kernel/printk/printk_ringbuffer.c): the records every namespace of the
 * host printed, stamped with the time since the host booted (the virtual clock), read from the
 * last clear as {@code dmesg} reads /dev/kmsg after {@code SEEK_DATA}. Bounded as the ring is with
 * Debian's {@code CONFIG_LOG_BUF_SHIFT=17}: 128 KiB of text blocks (each its text plus the 8-byte
 * block id, rounded up to 8) and {@code 2^(17-5)} descriptors; the oldest records go first. It also
 * keeps {@code net_ratelimit}'s state (net/core/utils.c: {@code net_msg_cost} 5 s, {@code
 * net_msg_burst} 10), which is one per kernel, not per namespace.
 */
public final class KernelLog {
    /** {@code log_buf_len}: 2^CONFIG_LOG_BUF_SHIFT bytes of text blocks. */
    public static final int LOG_BUF_LEN = 1 << 17;
    /** The descriptor ring: {@code LOG_BUF_LEN >> PRB_AVGBITS} records at most. */
    public static final int RECORDS = LOG_BUF_LEN >> 5;
    static final long NET_MSG_COST = 5_000_000_000L;
    static final int NET_MSG_BURST = 10;

    /** A record: its sequence number, {@code ts_nsec} and text (without the level). */
    public record Record(long seq, long nanos, String text) {
    }

    private final EventLoop loop;
    private final ArrayDeque<Record> ring = new ArrayDeque<>();
    private final List<Consumer<Record>> followers = new ArrayList<>(1);
    private long bytes;
    private long nextSeq;
    private long clearSeq;
    private long rateBegin = -1;
    private int ratePrinted;
    private int rateMissed;

    public KernelLog(EventLoop loop) {
        this.loop = loop;
    }

    /** printk: appends a record, dropping the oldest while the ring is over its bound. */
    public void printk(String text) {
        Record r = new Record(nextSeq++, loop.nanos(), text);
        ring.addLast(r);
        bytes += blockSize(r);
        while (bytes > LOG_BUF_LEN || ring.size() > RECORDS) {
            bytes -= blockSize(ring.removeFirst());
        }
        for (Consumer<Record> f : List.copyOf(followers)) {
            f.accept(r);
        }
    }

    /** A text block's size in the data ring: the id, the text, aligned to a long (to_blk_size). */
    private static long blockSize(Record r) {
        return (8 + r.text.length() + 7) & ~7L;
    }

    /**
     * net_ratelimit (lib/ratelimit.c ___ratelimit): at most {@value #NET_MSG_BURST} messages per
     * 5 s interval; the first call after an interval that suppressed some prints
     * {@code net_ratelimit: N callbacks suppressed} before its own message.
     */
    public boolean netRatelimit() {
        long now = loop.nanos();
        if (rateBegin < 0) {
            rateBegin = now;
        }
        if (now > rateBegin + NET_MSG_COST) {
            if (rateMissed > 0) {
                printk("net_ratelimit: " + rateMissed + " callbacks suppressed");
                rateMissed = 0;
            }
            rateBegin = now;
            ratePrinted = 0;
        }
        if (ratePrinted < NET_MSG_BURST) {
            ratePrinted++;
            return true;
        }
        rateMissed++;
        return false;
    }

    /** The records since the last clear that the ring still holds, oldest first. */
    public List<Record> read() {
        List<Record> out = new ArrayList<>(ring.size());
        for (Record r : ring) {
            if (r.seq >= clearSeq) {
                out.add(r);
            }
        }
        return out;
    }

    /** SYSLOG_ACTION_CLEAR: later reads start after what is there now. */
    public void clear() {
        clearSeq = nextSeq;
    }

    /** Every record printed from now on goes to {@code follower} until the handle is closed. */
    public AutoCloseable follow(Consumer<Record> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }
}
