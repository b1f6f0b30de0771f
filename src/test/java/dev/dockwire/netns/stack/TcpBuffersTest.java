package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The send and receive rings and the out-of-order ranges, wraparound included. */
class TcpBuffersTest {

    private static byte[] seq(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void theSendBufferAppendsCopiesOutAndDropsAcrossTheRingsEnd() {
        SendBuffer sb = new SendBuffer(4096);
        ByteBuf src = Unpooled.wrappedBuffer(seq(0, 3000));
        assertEquals(3000, sb.append(src));
        assertEquals(3000, src.readerIndex());
        sb.drop(2500);
        // 500 bytes left at the ring's end; 3000 more wrap around
        ByteBuf more = Unpooled.wrappedBuffer(seq(3000, 5000));
        assertEquals(3596, sb.append(more), "limited by the buffer's 4096");
        assertEquals(4096, sb.size());
        assertEquals(0, sb.free());
        ByteBuf out = Unpooled.buffer(4096).writerIndex(4096);
        sb.copyTo(0, out, 0, 4096);
        assertArrayEquals(seq(2500, 4096), ByteBufUtil.getBytes(out));
        sb.drop(4096);
        assertEquals(0, sb.size());
        out.release();
        src.release();
        more.release();
    }

    @Test
    void theReceiveBufferKeepsOutOfOrderBytesAcrossGrowthAndWrap() {
        ReceiveBuffer rb = new ReceiveBuffer(8192);
        ByteBuf data = Unpooled.wrappedBuffer(seq(0, 8192));
        // in order: 0..1000, read it
        rb.write(0, data, 0, 1000);
        rb.commit(1000);
        ByteBuf v = rb.peek();
        assertEquals(1000, v.readableBytes());
        rb.consume(1000);
        // out of order 3000..5000 (offset 2000 from the first unread byte) before 1000..3000
        rb.write(2000, data, 3000, 2000);
        rb.write(0, data, 1000, 2000);
        rb.commit(4000);
        byte[] got = new byte[0];
        while (rb.buffered() > 0) {
            ByteBuf p = rb.peek();
            byte[] part = ByteBufUtil.getBytes(p);
            rb.consume(part.length);
            byte[] joined = new byte[got.length + part.length];
            System.arraycopy(got, 0, joined, 0, got.length);
            System.arraycopy(part, 0, joined, got.length, part.length);
            got = joined;
        }
        assertArrayEquals(seq(1000, 4000), got);
        assertEquals(0, rb.buffered());
        data.release();
    }

    @Test
    void rangesMergeWhenTheyTouchAndAdvanceConsumesThem() {
        Assembler a = new Assembler();
        assertTrue(a.add(100, 200));
        assertTrue(a.add(300, 400));
        assertTrue(a.add(500, 600));
        assertEquals(3, a.count());
        assertTrue(a.add(200, 300)); // touches both neighbours
        assertEquals(2, a.count());
        assertEquals(100, a.sackLeft(1) == 500 ? a.sackLeft(0) : -1, "latest range first");
        assertEquals(400, a.sackRight(0));
        assertEquals(50, a.advance(50), "a gap before the first range: nothing moves");
        assertEquals(400, a.advance(100));
        assertEquals(1, a.count());
        assertEquals(600, a.advance(550), "a range overlapping RCV.NXT");
        assertTrue(a.isEmpty());
    }

    @Test
    void rangesWorkAcrossTheSequenceWrap() {
        Assembler a = new Assembler();
        int base = -100; // 2^32 - 100
        a.add(base + 50, base + 150);
        a.add(base + 200, base + 300);
        assertEquals(2, a.count());
        assertEquals(base + 150, a.advance(base + 10 + 40));
        assertEquals(base + 300, a.advance(base + 200));
    }

    @Test
    void theLatestRangeIsTheFirstSackBlock() {
        Assembler a = new Assembler();
        a.add(1000, 2000);
        a.add(3000, 4000);
        a.add(5000, 6000);
        a.add(3500, 4500);
        assertEquals(3000, a.sackLeft(0));
        assertEquals(4500, a.sackRight(0));
        assertEquals(1000, a.sackLeft(1));
        assertEquals(5000, a.sackLeft(2));
    }

    @Test
    void aFullRangeTableRefusesNewRangesButStillMerges() {
        Assembler a = new Assembler();
        for (int i = 0; i < Assembler.MAX_RANGES; i++) {
            assertTrue(a.add(i * 100, i * 100 + 10));
        }
        assertFalse(a.add(Assembler.MAX_RANGES * 100 + 1000, Assembler.MAX_RANGES * 100 + 1010));
        assertTrue(a.add(10, 20), "merging needs no new slot");
    }

    @Test
    void theWindowScaleCoversTheLargestReceiveBuffer() {
        assertEquals(7, Tcp.windowScaleFor(6 * 1024 * 1024), "Linux's tcp_rmem[2]");
        assertEquals(0, Tcp.windowScaleFor(65535));
        assertEquals(1, Tcp.windowScaleFor(65536));
        assertEquals(14, Tcp.windowScaleFor(Integer.MAX_VALUE), "RFC 7323 2.3");
    }

    @Test
    void sequenceComparisonsWrapAround() {
        assertTrue(Seq.lt(0xFFFF_FFF0, 0x10));
        assertTrue(Seq.gt(0x10, 0xFFFF_FFF0));
        assertTrue(Seq.le(5, 5) && Seq.ge(5, 5));
        assertEquals(0x10, Seq.max(0xFFFF_FFF0, 0x10));
        assertEquals(0xFFFF_FFF0, Seq.min(0xFFFF_FFF0, 0x10));
        assertTrue(Seq.inWindow(2, -5, 10));
        assertFalse(Seq.inWindow(10, -5, 10));
    }

    @Test
    void newRenoArithmetic() {
        NewReno cc = new NewReno();
        cc.init(1000, 0);
        assertEquals(10_000, cc.cwnd);
        cc.onAck(1000, 10_000, 0);
        assertEquals(11_000, cc.cwnd);
        cc.onAck(3000, 10_000, 0);
        assertEquals(14_000, cc.cwnd, "slow start grows by every byte ACKed (tcp_slow_start)");
        cc.onAck(3000, 4000, 0);
        assertEquals(14_000, cc.cwnd, "not while the window is less than half used (RFC 7661)");
        // third duplicate ACK with 14 segments in the window: CUBIC's ssthresh, 14 * 717 / 1024 = 9
        assertFalse(cc.onDupAck(1, 10_001));
        assertFalse(cc.onDupAck(1, 10_001));
        assertTrue(cc.onDupAck(1, 10_001));
        assertEquals(9000, cc.ssthresh);
        assertEquals(12_000, cc.cwnd, "ssthresh + 3 SMSS");
        assertFalse(cc.onDupAck(1, 10_001));
        assertEquals(13_000, cc.cwnd, "inflated by one SMSS per further duplicate");
        cc.ssthresh = 7000; // the figures below are for an ssthresh of 7 segments
        cc.cwnd = 11_000;
        assertTrue(cc.onRecoveryAck(4001, 4000, 6000), "partial ACK");
        assertEquals(8000, cc.cwnd, "deflated by the amount acked, plus one SMSS");
        assertFalse(cc.onRecoveryAck(10_001, 6000, 0), "full ACK");
        assertEquals(2000, cc.cwnd, "min(ssthresh, FlightSize + SMSS)");
        assertFalse(cc.inRecovery);
        // congestion avoidance grows as CUBIC says (CubicTest); a timeout takes beta times cwnd
        cc.cwnd = 6000;
        cc.ssthresh = 5000;
        cc.onTimeout(8000, 20_000, 0);
        assertEquals(1000, cc.cwnd);
        assertEquals(4000, cc.ssthresh, "6 * 717 / 1024 = 4 segments");
        // slow start again: a stretch ACK fills cwnd up to ssthresh, the rest goes to CUBIC's
        // congestion avoidance (cubictcp_cong_avoid): towards its next increment, cnt 20 on a first curve
        cc.onAck(5000, 1000, 10);
        assertEquals(4000, cc.ssthresh);
        assertEquals(4000, cc.cwnd, "1000 + 3000 up to ssthresh; 2000 bytes left over");
        assertEquals(2, cc.cubic.cwndCnt, "the 2 segments left over count towards the next increment");
        assertFalse(cc.onDupAck(15_000, 20_000) || cc.onDupAck(15_000, 20_000)
                || cc.onDupAck(15_000, 20_000), "no fast retransmit for data sent before the timeout (RFC 6582 4)");
        cc.dupAcks = 0;
        assertFalse(cc.onDupAck(20_000, 30_000) || cc.onDupAck(20_000, 30_000));
        assertTrue(cc.onDupAck(20_000, 30_000), "a loss right after all of it was acknowledged");
    }
}
