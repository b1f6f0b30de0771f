package dev.dockwire.report;

import dev.dockwire.capture.FrameDecoder;
import dev.dockwire.capture.PacketPrinter;
import dev.dockwire.capture.PrintOptions;
import dev.dockwire.capture.SavefileReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's exchanges read back from its pcapng files: frames grouped by {@link FlowKey} (the
 * 5-tuple both ways, ARP between two addresses, ICMP echo by id; an ICMP error joins the flow it
 * answers), each flow's frames listed per interface (one file per interface), each frame with
 * tcpdump's line, its {@code -v -e -XX} decode and its journey (the EPB comments). At most
 * {@code limit} frames are read, the earliest first, so a big run's page still opens.
 */
public final class Flows {
    /** One frame: its number in the run, interface, time since the first frame, line, decode and journey. */
    public record Frame(int number, String iface, long nanos, String line, String decode, List<String> journey) {
    }

    /** One exchange: what it is and its frames by interface, in time order. */
    public record Flow(String label, Map<String, List<Frame>> byInterface, int frames) {
    }

    /** The flows, how many frames the files held and how many of them were read. */
    public record Result(List<Flow> flows, int totalFrames, int shownFrames, List<String> unreadable) {
    }

    private record Captured(String iface, SavefileReader.Packet packet) {
    }

    private Flows() {
    }

    /** Reads {@code files} (each named for its interface, {@code NAME.pcapng}), keeping the first {@code limit} frames. */
    public static Result read(List<Path> files, int limit) {
        List<Captured> all = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path f : files) {
            String iface = f.getFileName().toString().replaceFirst("\\.pcapng$|\\.pcap$", "");
            try {
                for (SavefileReader.Packet p : SavefileReader.read(f).packets()) {
                    all.add(new Captured(iface, p));
                }
            } catch (IOException e) {
                unreadable.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        all.sort(Comparator.comparingLong(c -> c.packet().epochNanos()));
        long first = all.isEmpty() ? 0 : all.get(0).packet().epochNanos();
        Map<String, List<Frame>> byKey = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        PrintOptions verbose = new PrintOptions(true, 1, true, 0, 2);
        int shown = Math.min(limit, all.size());
        for (int i = 0; i < shown; i++) {
            Captured c = all.get(i);
            byte[] data = c.packet().data();
            ByteBuf buf = Unpooled.wrappedBuffer(data);
            String line = FrameDecoder.decode(buf);
            String decode = new PacketPrinter(verbose).print(buf, new StringBuilder()).toString();
            FlowKey key = FlowKey.of(data);
            labels.putIfAbsent(key.key(), key.label());
            byKey.computeIfAbsent(key.key(), k -> new ArrayList<>())
                    .add(new Frame(i + 1, c.iface(), c.packet().epochNanos() - first, line, decode, c.packet().comments()));
        }
        List<Flow> flows = new ArrayList<>();
        byKey.forEach((key, frames) -> {
            Map<String, List<Frame>> per = new LinkedHashMap<>();
            frames.forEach(f -> per.computeIfAbsent(f.iface(), k -> new ArrayList<>()).add(f));
            flows.add(new Flow(labels.get(key), per, frames.size()));
        });
        return new Result(flows, all.size(), shown, unreadable);
    }
}
