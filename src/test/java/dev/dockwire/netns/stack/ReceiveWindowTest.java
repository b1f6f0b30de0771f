package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The receive window's state from SYN to autotuning, on a manual clock (µs), with Linux 6.1's figures. */
class ReceiveWindowTest {
    private static final int SCALE = 7;

    /** A client's window after its SYN (MSS 1460) and the SYN-ACK, both using timestamps (advmss 1448). */
    private static ReceiveWindow established() {
        ReceiveWindow w = new ReceiveWindow();
        w.initial(1460, SCALE);
        w.established(1448, 0, 0);
        return w;
    }

    @Test
    void theFirstWindowsAreWholeSegmentsWithinHalfTheBuffer() {
        ReceiveWindow syn = new ReceiveWindow();
        syn.initial(1460, SCALE);
        assertEquals(64240, syn.wnd, "44 x 1460");
        assertEquals(0xFFFF << SCALE, syn.clamp);
        ReceiveWindow synAck = new ReceiveWindow();
        synAck.initial(1448, SCALE);
        assertEquals(65160, synAck.wnd, "45 x 1448");
        ReceiveWindow plain = new ReceiveWindow();
        plain.initial(1460, 0);
        plain.unscaled();
        assertEquals(0xFFFF, plain.clamp);
    }

    @Test
    void establishedKeepsOneSegmentInReserveButTheOfferedEdgeNeverMovesLeft() {
        ReceiveWindow w = established();
        assertEquals(65536 - 1448, w.clamp, "tcp_init_buffer_space: the reserve of one segment");
        assertEquals(64088, w.ssthresh);
        assertEquals(64128, w.select(536, SCALE), "64,088 aligned up to 128");
        assertEquals(502, w.next(64240, 536, SCALE), "the SYN's edge is kept: ALIGN(64240, 128) >> 7");
        assertEquals(64256, w.wnd);
        // 1,129 bytes later the window the buffer allows is the larger: 501
        assertEquals(501, w.next(64256 - 1129, 536, SCALE));
    }

    @Test
    void unreadDataShrinksTheWindowToZeroWhenLessThanASixteenthIsFree() {
        ReceiveWindow w = established();
        int queued = 0;
        while (w.select(1448, SCALE) > 0) {
            w.charge(1448);
            queued += 1448;
        }
        // tcp_space: half of what is free; 0 once below tcp_full_space / 16 (4,096 bytes of window)
        assertTrue(ReceiveWindow.winFromSpace(ReceiveWindow.RMEM_DEFAULT - queued - queued / 1448 * ReceiveWindow.SKB_HEAD) < 4096,
                "queued " + queued);
        w.uncharge(queued, true);
        assertEquals(64128, w.select(1448, SCALE), "read: the whole window again");
    }

    @Test
    void autotuningGrowsTheBufferOncePerRoundTripFromWhatTheProgramRead() {
        ReceiveWindow w = established();
        // the first full-sized segment echoing a new timestamp: a round trip of at least 1 ms
        w.measureTs(1000, 1000, 1448, 1448);
        w.adjust(100_000, 500, 1448);
        assertEquals(ReceiveWindow.RMEM_DEFAULT, w.rcvbuf(), "within the round trip: no new measure");
        w.adjust(20_000, 1_000, 1448);
        // copied 20,000 > the first measure's 14,480 (10 segments): twice what was read, and more as it grew
        assertTrue(w.rcvbuf() > ReceiveWindow.RMEM_DEFAULT, "grown: " + w.rcvbuf());
        int grown = w.rcvbuf();
        assertEquals(ReceiveWindow.winFromSpace(grown), w.clamp, "the clamp follows the buffer");
        w.adjust(25_000, 2_000, 1448);
        assertEquals(grown, w.rcvbuf(), "5,000 bytes read in the next round trip: no growth");
        w.adjust(10_000_000, 3_000, 1448);
        assertEquals(Tcp.RMEM_MAX, w.rcvbuf(), "at most tcp_rmem[2]");
    }

    @Test
    void arrivingDataRaisesRcvSsthreshTowardTheClampAfterTheBufferGrew() {
        ReceiveWindow w = established();
        w.grow(1448, true, 1448, 1448);
        assertEquals(64088, w.ssthresh, "no room before autotuning: the clamp is the buffer's window less a segment");
        w.measureTs(1000, 1000, 1448, 1448);
        w.adjust(1_000_000, 1_000, 1448);
        w.grow(1448, true, 1448, 1448);
        assertEquals(64088 + 2 * 1448, w.ssthresh, "two segments per segment (tcp_grow_window)");
        w.grow(65160, true, 1448, 1448);
        assertEquals(64088 + 2 * 1448 + 2 * 65160, w.ssthresh, "twice a super-packet's length");
        assertTrue(w.ssthresh < w.clamp);
    }
}
