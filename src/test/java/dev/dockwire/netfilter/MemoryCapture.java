package dev.dockwire.netfilter;

import dev.dockwire.capture.CaptureFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/** A capture file that keeps each frame's bytes with the name of the interface it was seen on. */
final class MemoryCapture implements CaptureFile {
    record Frame(String iface, byte[] bytes) {
    }

    private final List<String> interfaces = new ArrayList<>();
    final List<Frame> frames = new ArrayList<>();

    @Override
    public int addInterface(String name, String description) {
        interfaces.add(name);
        return interfaces.size() - 1;
    }

    @Override
    public int interfaceCount() {
        return interfaces.size();
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        frames.add(new Frame(interfaces.get(iface), ByteBufUtil.getBytes(frame)));
    }

    @Override
    public long frameCount() {
        return frames.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
