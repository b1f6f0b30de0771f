package dev.dockwire.emulated;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.kernel.Capture;
import java.util.function.BiConsumer;

/** A {@link CaptureTap} seen as the kernel seam's {@link Capture}. */
final class SeamCapture implements Capture {
    private final CaptureTap tap;
    private final BiConsumer<String, String> attach;

    SeamCapture(CaptureTap tap, BiConsumer<String, String> attach) {
        this.tap = tap;
        this.attach = attach;
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
