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

    /**
     * True when this sink records each frame's journey summary as a comment (a pcapng file): the
     * kernel then records packet journeys for the capture's lifetime and writes each frame with
     * {@link #write(int, long, ByteBuf, Direction, String)} once the pass that carried it is over.
     */
    default boolean journeyComments() {
        return false;
    }

    /**
     * As {@link #write(int, long, ByteBuf, Direction)} with the frame's journey summary
     * ({@code null}: none); a sink that keeps no comments drops it.
     */
    default void write(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
        write(iface, nanos, frame, direction);
    }

    /** Writes what is buffered. */
    void flush();

    /** Finishes the recording; called once, when the capture writing into it stops. */
    @Override
    void close();
}
