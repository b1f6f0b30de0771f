package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * Where a device's received frames go, like the kernel's {@code rx_handler} / protocol demux:
 * the namespace's IP stack for an ordinary device, the bridge for an enslaved port.
 * Takes ownership of the frame.
 */
@FunctionalInterface
public interface RxHandler {
    RxHandler DROP = (dev, frame) -> {
        dev.stats().rxDropped++;
        frame.release();
    };

    void handle(NetDevice dev, ByteBuf frame);
}
