package dev.dockwire.bench;

import dev.dockwire.capture.CaptureFile;
import io.netty.buffer.ByteBuf;

/** A capture file that counts and keeps nothing. */
final class NullCaptureFile implements CaptureFile {
    private int interfaces;
    private long frames;

    @Override
    public int addInterface(String name, String description) {
        return interfaces++;
    }

    @Override
    public int interfaceCount() {
        return interfaces;
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        frames++;
    }

    @Override
    public long frameCount() {
        return frames;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
