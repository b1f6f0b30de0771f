package dev.dockwire.capture;

import dev.dockwire.link.NetDevice;
import dev.dockwire.link.RxHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/** An rx handler that keeps a copy of each received frame's bytes and releases the frame. */
final class Recorder implements RxHandler {
    final List<byte[]> frames = new ArrayList<>();

    @Override
    public void handle(NetDevice dev, ByteBuf frame) {
        frames.add(ByteBufUtil.getBytes(frame));
        frame.release();
    }
}
