package dev.dockwire.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A capture file of at most one step's capture ({@code run.StepCaptureLimit}'s 128 MiB), cut back
 * to empty and written again from its start whenever it is full: the same {@code write(2)} calls
 * into fresh page-cache pages as a run's step file, without the gigabytes a benchmark iteration
 * would otherwise pile up. At ten million frames a second a growing file passes the kernel's
 * {@code dirty_background_ratio} (10% of this machine's 24 GiB) within an iteration, and from then
 * on the capture rows measured the disk's writeback (kworker and ext4's block allocation sharing
 * the second core with the capture writer), which a run, whose steps each write at most 128 MiB,
 * does not meet at this rate. Truncating drops the dirty pages unwritten, so at most 128 MiB is
 * ever dirty, far below the threshold.
 */
final class StepFile implements WritableByteChannel {
    /** run.StepCaptureLimit.LIMIT_BYTES: what one step writes at most. */
    static final long STEP_BYTES = 128L << 20;

    private final FileChannel channel;
    private long position;

    StepFile(Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (position >= STEP_BYTES) {
            channel.truncate(0);
            position = 0;
        }
        int n = channel.write(src, position);
        position += n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
