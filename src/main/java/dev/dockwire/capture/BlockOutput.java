package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The little-endian output under both file writers: a block is {@link #reserve reserved}, then
 * written field by field, in order, and the bytes reach the file exactly as written. A regular
 * file is written through memory-mapped windows ({@link MappedOutput}: one copy, the frame's bytes
 * straight into the page cache); any other channel through double-buffered chunks
 * ({@link ChunkedOutput}). Appending allocates nothing. Not thread-safe.
 */
abstract class BlockOutput {
    /** Makes room for a block of {@code n} bytes (at most the largest block given at construction). */
    abstract void reserve(int n);

    abstract void putShort(int v);

    abstract void putInt(int v);

    abstract void putLong(long v);

    /** Copies {@code len} bytes of {@code frame} from {@code index}; the frame's indices stay put. */
    abstract void putBytes(ByteBuf frame, int index, int len);

    abstract void putBytes(byte[] bytes);

    /** Zero bytes up to the next multiple of 4 after {@code len} written bytes (pcapng padding). */
    abstract void pad(int len);

    /** Makes everything written so far visible in the file, at its exact length, and waits until it is. */
    abstract void flush();

    /** Flushes and closes; a second call does nothing. */
    abstract void close();

    static int padding(int len) {
        return -len & 3;
    }

    static int padded(int len) {
        return (len + 3) & ~3;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Output into {@code channel} for blocks of at most {@code maxBlock} bytes. */
    static BlockOutput of(WritableByteChannel channel, int maxBlock) {
        return new ChunkedOutput(channel, Math.max(256 * 1024, maxBlock));
    }

    /**
     * Output into {@code path}, created or truncated, for blocks of at most {@code maxBlock} bytes:
     * mapped when it is (or becomes) a regular file; a FIFO or a device is written through chunks.
     */
    static BlockOutput file(Path path, int maxBlock) {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            return of(openFile(path), maxBlock);
        }
        return MappedOutput.open(path, maxBlock);
    }

    /** Opens {@code path} for writing, creating or truncating it. */
    static FileChannel openFile(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open capture file " + path + ": " + e.getMessage(), e);
        }
    }
}
