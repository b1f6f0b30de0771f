package dev.dockwire.testing;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** A capture file that keeps each frame's bytes with the name of the interface it was seen on. */
public final class MemoryCapture implements CaptureFile {
    public record Frame(String iface, byte[] bytes) {
        /** The tcpdump-style one-line decoding, prefixed with the interface: {@code eth0 IP 1.2.3.4.5 > ...}. */
        public String line() {
            return iface + " " + FrameDecoder.decode(Unpooled.wrappedBuffer(bytes));
        }
    }

    private final List<String> interfaces = new ArrayList<>();
    public final List<Frame> frames = new ArrayList<>();

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

    /** Every frame decoded, one line each. */
    public List<String> lines() {
        return frames.stream().map(Frame::line).toList();
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
