package dev.dockwire.capture;

import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;

/** A {@link CaptureSink} that is not a file, as the {@link CaptureFile} a capture tap writes: it counts what passes. */
final class SinkFile implements CaptureFile {
    private final CaptureSink sink;
    private int interfaces;
    private long frames;

    SinkFile(CaptureSink sink) {
        this.sink = sink;
    }

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
        sink.write(iface, nanos, frame, direction);
        frames++;
    }

    @Override
    public boolean journeyComments() {
        return sink.journeyComments();
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
        sink.write(iface, nanos, frame, direction, comment);
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
}
