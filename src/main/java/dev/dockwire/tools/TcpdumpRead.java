package dev.dockwire.tools;

import dev.dockwire.capture.FrameDecoder;
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

    /** Whether {@code args} read a file ({@code -r FILE}) rather than capture. */
    public static boolean reads(List<String> args) {
        return args.contains("-r");
    }

    /**
     * {@code tcpdump -r FILE [-c N] [-t] [EXPRESSION]}: the file's packets as lines, relative to
     * {@code cwd}, after the line libpcap prints on opening it; times are the time of day (UTC).
     */
    public static CommandResult run(Path cwd, List<String> args) {
        String file = null;
        long count = Long.MAX_VALUE;
        boolean timestamps = true;
        List<String> expr = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-r" -> file = ++i < args.size() ? args.get(i) : null;
                case "-c" -> count = ++i < args.size() && args.get(i).matches("[1-9][0-9]*") ? Long.parseLong(args.get(i)) : -1;
                case "-t" -> timestamps = false;
                default -> {
                    if (!a.startsWith("-")) {
                        expr.add(a);
                    }
                }
            }
        }
        if (file == null) {
            return CommandResult.fail(1, "tcpdump: option requires an argument -- 'r'");
        }
        if (count < 0) {
            return CommandResult.fail(1, "tcpdump: invalid packet count");
        }
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
        try (PacketFilter filter = expr.isEmpty() ? PacketFilter.ALL : PacketFilter.compile(String.join(" ", expr))) {
            StringBuilder line = new StringBuilder(128);
            for (SavefileReader.Packet p : f.packets()) {
                if (out.size() > count) {
                    break;
                }
                ByteBuf frame = Unpooled.wrappedBuffer(p.data());
                if (filter.matches(frame)) {
                    line.setLength(0);
                    if (timestamps) {
                        long micros = p.epochNanos() / 1000;
                        long secs = micros / 1_000_000;
                        line.append(String.format("%02d:%02d:%02d.%06d ", secs / 3600 % 24, secs / 60 % 60, secs % 60,
                                micros % 1_000_000));
                    }
                    out.add(FrameDecoder.decode(frame, line).toString());
                }
                frame.release();
            }
        } catch (IllegalArgumentException e) {
            return CommandResult.fail(1, "tcpdump: " + e.getMessage());
        }
        return CommandResult.ok(out);
    }

}
