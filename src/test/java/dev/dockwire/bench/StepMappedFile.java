package dev.dockwire.bench;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.MappedPcapngWriter;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link StepFile}'s bound for the mapped writer (issue 22's experiment): a
 * {@link MappedPcapngWriter} that, once it holds a step's 128 MiB, is closed and replaced by a
 * new one on a new file (the same interfaces declared again), the full file deleted on a thread
 * of its own, as {@link StepFile} drops its dirty pages on the writer thread, so that the
 * forwarding thread pays the window switches and the new file's first window, not the freeing
 * of 128 MiB of page cache.
 */
final class StepMappedFile implements CaptureFile {
    private final List<String[]> interfaces = new ArrayList<>();
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "step-file-deleter");
        t.setDaemon(true);
        return t;
    });
    private MappedPcapngWriter file;
    private Path path;
    private long frames;

    StepMappedFile() {
        open();
    }

    private void open() {
        try {
            path = Files.createTempFile("dockwire-mapped", ".pcapng");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file = MappedPcapngWriter.create(path);
        for (String[] i : interfaces) {
            file.addInterface(i[0], i[1]);
        }
    }

    private void next() {
        file.close();
        Path full = path;
        deleter.execute(() -> {
            try {
                Files.deleteIfExists(full);
            } catch (IOException e) {
                // a temporary file
            }
        });
        open();
    }

    @Override
    public int addInterface(String name, String description) {
        interfaces.add(new String[] {name, description});
        return file.addInterface(name, description);
    }

    @Override
    public int interfaceCount() {
        return interfaces.size();
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        if (file.position() >= StepFile.STEP_BYTES) {
            next();
        }
        file.write(iface, nanos, frame, direction);
        frames++;
    }

    @Override
    public long frameCount() {
        return frames;
    }

    @Override
    public void flush() {
        file.flush();
    }

    @Override
    public void close() {
        file.close();
        deleter.execute(() -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a temporary file
            }
        });
        deleter.shutdown();
        try {
            deleter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
