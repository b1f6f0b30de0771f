package dev.dockwire.bench;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link BridgedUdpPath} with a capture of its bridge, one of: {@code off} (none), {@code tap}
 * (the taps into a {@link NullCaptureFile}: the decorators alone), {@code discard} (the pcapng
 * writer into a channel that takes each chunk without reading it: the forwarding thread's share
 * of the writer), {@code touch} (as discard, but the writer thread reads one byte of every 64-byte
 * line of each chunk: the chunk's lines shared with the writer's core, no copy, no syscall), {@code devnull} (the writer's {@code write(2)} calls into /dev/null: the
 * syscalls alone, which read nothing of the chunk; before session 22's native chunks also the
 * JDK's copy into its temporary direct buffer), {@code on} (a
 * pcapng file of at most a step's 128 MiB, cut back and written again when full: {@link StepFile})
 * or {@code disk} (a pcapng file that grows without bound, as before {@link StepFile}: past the
 * kernel's dirty-page threshold it measures the disk).
 */
public final class CapturedPath implements AutoCloseable {
    public final BridgedUdpPath path = new BridgedUdpPath();
    private final CaptureTap tap;
    private final Path file;

    public CapturedPath(String mode) {
        try {
            file = mode.equals("on") || mode.equals("disk") ? Files.createTempFile("dockwire-capture", ".pcapng") : null;
            tap = switch (mode) {
                case "off" -> null;
                case "tap" -> Captures.bridge(new NullCaptureFile(), path.net.loop(), path.bridge, PacketFilter.ALL);
                case "discard" -> Captures.bridge(new PcapngWriter(new Discard()), path.net.loop(), path.bridge, PacketFilter.ALL);
                case "touch" -> Captures.bridge(new PcapngWriter(new Touch()), path.net.loop(), path.bridge, PacketFilter.ALL);
                case "on" -> Captures.bridge(new PcapngWriter(new StepFile(file)), path.net.loop(), path.bridge, PacketFilter.ALL);
                case "disk" -> Captures.bridge(PcapngWriter.create(file), path.net.loop(), path.bridge, PacketFilter.ALL);
                case "devnull" -> Captures.bridge(PcapngWriter.create(Path.of("/dev/null")), path.net.loop(), path.bridge, PacketFilter.ALL);
                default -> throw new IllegalArgumentException("mode: off, tap, discard, touch, devnull, on or disk; got " + mode);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendBatch(int frames) {
        path.sendBatch(frames);
    }

    /** Frames the capture wrote (0 without one). */
    public long captured() {
        return tap == null ? 0 : tap.captured();
    }

    @Override
    public void close() throws IOException {
        try {
            if (tap != null) {
                tap.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            path.close();
        }
    }

    /** Takes every chunk without reading a byte of it. */
    static class Discard implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Reads one byte of every cache line of each chunk (into {@link #sum}, so the reads stay) and takes it. */
    static final class Touch extends Discard {
        volatile long sum;

        @Override
        public int write(ByteBuffer src) {
            long s = 0;
            for (int i = src.position(); i < src.limit(); i += 64) {
                s += src.get(i);
            }
            sum += s;
            return super.write(src);
        }
    }
}
