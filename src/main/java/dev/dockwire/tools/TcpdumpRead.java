package dev.dockwire.tools;

import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.SavefileReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tcpdump -r FILE}: a savefile on the disk (pcap or pcapng, as tcpdump -w or Wireshark
 * wrote it) printed as {@link Tcpdump} prints live packets, after libpcap's opening line.
 */
public final class TcpdumpRead {
    private TcpdumpRead() {
    }

    /** Whether {@code args} read a file ({@code -r FILE}, {@code -nr FILE}) rather than capture. */
    public static boolean reads(List<String> args) {
        return TcpdumpOptions.expand(args).contains("-r");
    }

    /**
     * {@code tcpdump -r FILE [-c N] [-t...] [-S -v -e -A -X] [EXPRESSION]}: the file's packets as
     * lines, relative to {@code cwd}, after the line libpcap prints on opening it; times are the
     * time of day (UTC).
     */
    public static CommandResult run(Path cwd, List<String> args) {
        TcpdumpOptions o;
        try {
            o = TcpdumpOptions.parse(args);
        } catch (Tcpdump.Refused e) {
            return e.result();
        }
        String file = o.read;
        long count = o.count > 0 ? o.count : Long.MAX_VALUE;
        SavefileReader.Savefile f;
        try {
            f = SavefileReader.read(cwd.resolve(file));
        } catch (java.nio.file.NoSuchFileException e) {
            return CommandResult.fail(1, "tcpdump: " + file + ": No such file or directory");
        } catch (java.io.IOException e) {
            return CommandResult.fail(1, "tcpdump: " + file + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        out.add("reading from file " + file + ", link-type EN10MB (Ethernet), snapshot length " + f.snaplen());
        long printed = 0;
        try (PacketFilter filter = o.filter() == null ? PacketFilter.ALL : PacketFilter.compile(o.filter())) {
            for (SavefileReader.Packet p : f.packets()) {
                if (printed >= count) {
                    break;
                }
                ByteBuf frame = Unpooled.wrappedBuffer(p.data());
                if (filter.matches(frame)) {
                    out.addAll(o.lines(p.epochNanos(), null, frame));
                    printed++;
                }
                frame.release();
            }
        } catch (IllegalArgumentException e) {
            return CommandResult.fail(1, "tcpdump: " + e.getMessage());
        }
        return CommandResult.ok(out);
    }
}
