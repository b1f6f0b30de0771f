package dev.dockwire.capture;

import java.io.EOFException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/** A frame as a reader sees it in a file: timestamp (ns since 1970) and bytes. */
public record CapturedFrame(long nanos, byte[] bytes) {
    static CapturedFrame expected(long virtualNanos, byte[] bytes) {
        return new CapturedFrame(CaptureFile.DEFAULT_EPOCH_NANOS + virtualNanos, bytes);
    }

    /** Reads a pcap or pcapng file with libpcap through pcap4j, nanosecond precision. */
    public static List<CapturedFrame> readWithPcap4j(Path file) throws Exception {
        List<CapturedFrame> out = new ArrayList<>();
        PcapHandle h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            while (true) {
                byte[] b;
                try {
                    b = h.getNextRawPacketEx();
                } catch (EOFException e) {
                    break;
                }
                Timestamp ts = h.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                out.add(new CapturedFrame(nanos, b));
            }
        } finally {
            h.close();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedFrame c && c.nanos == nanos && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return nanos + " " + HexFormat.of().formatHex(bytes);
    }
}
