package dev.dockwire.run;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.FrameDecoder;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.linux.LiveCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What {@code dockwire capture --real} does: a {@link LiveCapture} of one real interface written
 * to a capture file (pcapng with the interface's name in its IDB and the kernel's nanosecond
 * timestamps, or classic pcap for a {@code .pcap} name) or printed a line per frame as tcpdump
 * prints it, until COUNT frames, {@link #stop}, or the caller stops waiting.
 */
public final class InterfaceRecording {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** tcpdump's closing counts, and what ended the capture other than a stop (or null). */
    public record Counts(long captured, long received, long dropped, String failure) {
    }

    private final CaptureFile file;
    /** Whether each frame is flushed as it comes ({@code -w -}: a reader on a pipe, such as {@code wireshark -k -i -}). */
    private final boolean streaming;
    private final AtomicLong seen = new AtomicLong();
    private final LiveCapture live;

    /**
     * Starts recording {@code iface} in {@code netns} (null: dockwire's own namespace) to
     * {@code write} ({@code -}: a pcapng stream on standard output, each frame flushed), or printing to
     * {@code lines} when it is null; {@code count} null for no limit.
     *
     * @throws IllegalArgumentException for a filter that does not compile
     * @throws RuntimeException         naming the file, the namespace or the interface (listing those that exist)
     */
    public InterfaceRecording(String netns, String iface, Path write, Long count, String filter, Consumer<String> lines,
                              OutputStream stdout) {
        streaming = write != null && write.toString().equals("-");
        file = write == null ? null : streaming
                ? new PcapngWriter(stdout, 0, CaptureFile.DEFAULT_SNAPLEN)
                : CaptureFile.open(write, 0, CaptureFile.DEFAULT_SNAPLEN);
        if (file != null) {
            file.addInterface(iface, netns == null ? null : "netns " + netns);
        }
        LiveCapture.Sink sink = (data, wire, nanos) -> {
            ByteBuf frame = Unpooled.wrappedBuffer(data);
            if (file != null) {
                file.write(0, nanos, frame, CaptureFile.Direction.UNKNOWN);
                if (streaming) {
                    file.flush();
                }
            } else {
                lines.accept(line(nanos, frame));
            }
            long n = seen.incrementAndGet();
            return count == null || n < count; // tcpdump -c ends right after the last one
        };
        try {
            live = LiveCapture.start(netns, iface, CaptureFile.DEFAULT_SNAPLEN, filter, sink);
        } catch (RuntimeException e) {
            if (file != null) {
                file.close();
            }
            throw e;
        }
    }

    /** tcpdump's line: time of day (UTC) with microseconds, then the frame decoded. */
    private static String line(long nanos, ByteBuf frame) {
        Instant t = Instant.ofEpochSecond(0, nanos);
        StringBuilder sb = new StringBuilder(TIME.format(t)).append('.')
                .append(String.format("%06d", t.getNano() / 1000)).append(' ');
        return FrameDecoder.decode(frame, sb).toString();
    }

    /** Asks the capture to end (Ctrl-C); any thread. */
    public void stop() {
        live.stop();
    }

    /** Waits until COUNT frames were seen or {@link #stop}, at most {@code nanos}. */
    public void await(long nanos) throws InterruptedException {
        live.awaitEnd(nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops, finishes the file and returns the counts. */
    public Counts finish() {
        live.close();
        if (file != null) {
            file.close();
        }
        RuntimeException f = live.failure();
        return new Counts(seen.get(), live.received(), live.dropped(), f == null ? null : f.getMessage());
    }
}
