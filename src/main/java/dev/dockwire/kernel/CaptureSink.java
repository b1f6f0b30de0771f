package dev.dockwire.kernel;

import io.netty.buffer.ByteBuf;

/**
 * What a capture records into: a pcapng file, tcpdump's printed lines. The caller above the seam
 * implements it; the kernel declares one interface per device it captures and writes each frame
 * that passed the filter, stamped with its own clock. Written from the kernel's event-loop thread.
 */
public interface CaptureSink extends AutoCloseable {
    /** Which way a frame went, where the kernel knows (pcapng's {@code epb_flags} inbound/outbound). */
    enum Direction { UNKNOWN, INBOUND, OUTBOUND }

    /** Declares an interface (named like the device) with a free-text description; returns its index. */
    int addInterface(String name, String description);

    /** The frame's readable bytes, seen on {@code iface} at {@code nanos}; the caller keeps the frame. */
    void write(int iface, long nanos, ByteBuf frame, Direction direction);

    /** Writes what is buffered. */
    void flush();

    /** Finishes the recording; called once, when the capture writing into it stops. */
    @Override
    void close();
}
