package dev.dockwire.bench;

import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.kernel.CaptureSink.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

/**
 * The forwarding thread's share of capture with nothing else around it: {@link PcapngWriter#write}
 * of one 60-byte frame (an EPB with {@code epb_flags}) in a loop, into a channel that discards
 * each chunk ({@link CapturedPath.Discard}), in CPU ns per frame; then the same block's stores and
 * copy written out by hand into a 256 KiB array, the floor that method's work could reach.
 * {@code java -cp CP dev.dockwire.bench.PcapngWriteCost [seconds]} with {@code ProductionJvm}'s
 * Netty settings; the first 3 s of each warm up.
 */
public final class PcapngWriteCost {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNK = 256 * 1024;

    private PcapngWriteCost() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ByteBuf frame = Unpooled.buffer(188).setIndex(128, 188);
        PcapngWriter writer = new PcapngWriter(new CapturedPath.Discard());
        int iface = writer.addInterface("br0");
        run("PcapngWriter.write", seconds, (n) -> writer.write(iface, n, frame, Direction.INBOUND));
        byte[] chunk = new byte[CHUNK];
        int[] pos = {0};
        run("by hand", seconds, (n) -> pos[0] = byHand(chunk, pos[0], n, frame.array(), frame.readerIndex(), frame.readableBytes()));
    }

    /** PcapngWriter.write's stores for an EPB with flags and no padding, at {@code p} (from 0 when full). */
    private static int byHand(byte[] b, int p, long ts, byte[] src, int from, int cap) {
        int len = 32 + cap + 12;
        if (p + len > b.length) {
            p = 0;
        }
        LONG.set(b, p, 6 | (long) len << 32);
        LONG.set(b, p + 8, ts >>> 32 << 32);
        LONG.set(b, p + 16, ts & 0xFFFF_FFFFL | (long) cap << 32);
        INT.set(b, p + 24, cap);
        System.arraycopy(src, from, b, p + 28, cap);
        int q = p + 28 + cap;
        LONG.set(b, q, 2 | 4 << 16 | 1L << 32);
        LONG.set(b, q + 8, (long) len << 32);
        return p + len;
    }

    private interface Step {
        void frame(long n);
    }

    private static void run(String what, int seconds, Step step) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder(what).append(": ns CPU per frame");
        for (int second = 0; second < seconds; second++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long n = 0;
            long wall = System.nanoTime();
            while (System.nanoTime() - wall < 1_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    step.frame(n + i);
                }
                n += 1000;
            }
            if (second >= 3) {
                out.append(String.format(" %.1f", (threads.getCurrentThreadCpuTime() - cpu) / (double) n));
            }
        }
        System.out.println(out);
    }
}
