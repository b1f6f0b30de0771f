package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * One stage a frame passes through on a device: the device's transmit function, its receive
 * handler, or a decorator around either (a capture tap, later an impairment). The sink takes
 * ownership of {@code frame}; a decorator that only observes passes it on unchanged.
 */
@FunctionalInterface
public interface FrameSink {
    void accept(NetDevice dev, ByteBuf frame);
}
