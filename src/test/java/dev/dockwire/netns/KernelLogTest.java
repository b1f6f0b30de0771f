package dev.dockwire.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel log's ring bound, its clear, followers and net_ratelimit, on the virtual clock. */
class KernelLogTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theRingKeepsTheNewestRecordsWithin128KiB() {
        EventLoop loop = new EventLoop();
        KernelLog log = new KernelLog(loop);
        String text = "x".repeat(120); // a 128-byte block with its id
        for (int i = 0; i < 2000; i++) {
            log.printk(text + i);
        }
        List<KernelLog.Record> kept = log.read();
        assertTrue(kept.size() < 2000 && kept.size() >= KernelLog.LOG_BUF_LEN / 136, "bound by bytes: " + kept.size());
        assertEquals(text + 1999, kept.get(kept.size() - 1).text());
        assertEquals(2000 - kept.size(), kept.get(0).seq(), "the oldest went first");
        KernelLog small = new KernelLog(loop);
        for (int i = 0; i < KernelLog.RECORDS + 10; i++) {
            small.printk("");
        }
        assertEquals(KernelLog.RECORDS, small.read().size(), "bound by descriptors");
    }

    @Test
    void clearHidesWhatWasThereAndFollowersSeeOnlyNewRecords() {
        EventLoop loop = new EventLoop();
        KernelLog log = new KernelLog(loop);
        log.printk("old");
        List<String> seen = new ArrayList<>();
        AutoCloseable f = log.follow(r -> seen.add(r.text()));
        log.clear();
        log.printk("new");
        assertEquals(List.of("new"), log.read().stream().map(KernelLog.Record::text).toList());
        assertEquals(List.of("new"), seen);
        try {
            f.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        log.printk("after");
        assertEquals(List.of("new"), seen);
    }

    @Test
    void netRatelimitLetsTenThroughPerFiveSecondsAndCountsTheRest() {
        EventLoop loop = new EventLoop();
        KernelLog log = new KernelLog(loop);
        int passed = 0;
        for (int i = 0; i < 25; i++) {
            if (log.netRatelimit()) {
                passed++;
            }
        }
        assertEquals(10, passed);
        loop.runFor(5 * S);
        assertFalse(log.netRatelimit(), "the interval ends only after 5 s have passed");
        loop.runFor(1);
        assertTrue(log.netRatelimit());
        assertEquals(List.of("net_ratelimit: 16 callbacks suppressed"), log.read().stream().map(KernelLog.Record::text).toList());
        assertEquals(5 * S + 1, log.read().get(0).nanos());
    }
}
