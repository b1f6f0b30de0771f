package dev.dockwire.emulated;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;
import java.util.function.BiConsumer;

/**
 * The kernel seam's capture on capture's own types: a {@link CaptureSink} seen as the
 * {@link CaptureFile} a {@link CaptureTap} writes, and the tap seen as the seam's {@link Capture}.
 */
final class SeamCapture implements Capture {
    private final CaptureTap tap;
    private final BiConsumer<String, String> attach;

    SeamCapture(CaptureTap tap, BiConsumer<String, String> attach) {
        this.tap = tap;
        this.attach = attach;
    }

    /** {@code sink} as a capture file; its frame count is what was written through it. */
    static CaptureFile file(CaptureSink sink) {
        return new CaptureFile() {
            private int interfaces;
            private long frames;

            @Override
            public int addInterface(String name, String description) {
                interfaces++;
                return sink.addInterface(name, description);
            }

            @Override
            public int interfaceCount() {
                return interfaces;
            }

            @Override
            public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
                sink.write(iface, nanos, frame, CaptureSink.Direction.values()[direction.ordinal()]);
                frames++;
            }

            @Override
            public long frameCount() {
                return frames;
            }

            @Override
            public void flush() {
                sink.flush();
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }

    @Override
    public void attach(String ns, String dev) {
        attach.accept(ns, dev);
    }

    @Override
    public long captured() {
        return tap.captured();
    }

    @Override
    public RuntimeException failure() {
        return tap.failure();
    }

    @Override
    public void close() {
        tap.close();
    }
}
