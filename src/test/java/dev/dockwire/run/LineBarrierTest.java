package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The script's order across processes, by state on a clock the test moves: a line waits for the
 * other processes to finish the line before, an announcement releases it, the silent are given up.
 */
class LineBarrierTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static String said(LineBarrier b) {
        ByteBuf a = b.announcement();
        try {
            return a.toString(StandardCharsets.US_ASCII);
        } finally {
            a.release();
        }
    }

    @Test
    void aLineWaitsUntilEveryOtherProcessFinishedTheLineBefore() {
        LineBarrier b = new LineBarrier("docker-host-1", List.of("docker-host-2", "docker-host-3"), 0);
        assertEquals(List.of(), b.holding(1)); // the first line waits for nobody
        assertEquals(List.of("docker-host-2", "docker-host-3"), b.holding(2));
        b.heard(text("dockwire lines docker-host-2 5"), S);
        assertEquals(List.of("docker-host-3"), b.holding(2));
        b.heard(text("dockwire lines docker-host-3 1"), S);
        assertEquals(List.of(), b.holding(2));
        assertEquals(List.of("docker-host-3"), b.holding(3));
        assertEquals(List.of("docker-host-2", "docker-host-3"), b.holding(7));
        assertEquals(List.of("docker-host-2", "docker-host-3"), b.holding(LineBarrier.END));
    }

    @Test
    void aLateDatagramMovesNothingBackAndOthersAreIgnored() {
        LineBarrier b = new LineBarrier("docker-host-1", List.of("docker-host-2"), 0);
        b.heard(text("dockwire lines docker-host-2 6"), S);
        b.heard(text("dockwire lines docker-host-2 4"), 2 * S);
        assertEquals(6, b.finishedBy("docker-host-2"));
        b.heard(text("dockwire lines docker-host-9 9"), 2 * S); // no such peer
        b.heard(text("dockwire lines docker-host-2 x"), 2 * S);
        b.heard(text("\b\0\0\0\0\020\001\0"), 2 * S); // a VXLAN header
        assertEquals(6, b.finishedBy("docker-host-2"));
        b.heard(text("dockwire lines docker-host-2 end"), 3 * S);
        assertEquals(List.of(), b.holding(LineBarrier.END));
    }

    @Test
    void announcesHowFarThisProcessIs() {
        LineBarrier b = new LineBarrier("docker-host-2", List.of("docker-host-1"), 0);
        assertEquals("dockwire lines docker-host-2 0", said(b));
        b.finished(3);
        b.finished(2);
        assertEquals("dockwire lines docker-host-2 3", said(b));
        b.end();
        assertEquals("dockwire lines docker-host-2 end", said(b));
    }

    @Test
    void aProcessSilentForAMinuteIsGivenUpUntilItSpeaks() {
        LineBarrier b = new LineBarrier("docker-host-1", List.of("docker-host-2"), 0);
        b.heard(text("dockwire lines docker-host-2 2"), 10 * S);
        assertEquals(List.of(), b.giveUp(4, 69 * S)); // heard 59 s ago
        assertEquals(List.of("docker-host-2"), b.giveUp(4, 70 * S));
        assertEquals(List.of(), b.holding(4));
        assertEquals(List.of(), b.holding(LineBarrier.END));
        b.heard(text("dockwire lines docker-host-2 3"), 80 * S); // it was slow, not gone
        assertEquals(List.of("docker-host-2"), b.holding(5));
        assertEquals(List.of(), b.giveUp(5, 139 * S));
    }
}
