package dev.dockwire.run;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;

/** A pcap or pcapng file as what a kernel capture records into; closing the capture closes the file. */
final class FileSink implements CaptureSink {
    private final CaptureFile file;

    FileSink(CaptureFile file) {
        this.file = file;
    }

    @Override
    public int addInterface(String name, String description) {
        return file.addInterface(name, description);
    }

    @Override
    public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
        file.write(iface, nanos, frame, CaptureFile.Direction.values()[direction.ordinal()]);
    }

    @Override
    public void flush() {
        file.flush();
    }

    @Override
    public void close() {
        file.close();
    }
}
