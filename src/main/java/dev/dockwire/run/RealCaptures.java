package dev.dockwire.run;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The captures of a real run, as a {@link Session} writes them for an emulated one: every bridge
 * the engine makes as {@code BRIDGE.pcapng} (from the moment it exists), the Docker host's
 * {@code eth0} when asked, and each named interface (a bridge or a network by name) — here live
 * captures of the real devices in the run's {@code dw-} host namespace; with several hosts, those
 * of every host, each file named after its host ({@code docker-host-2-eth0.pcapng}), eth0 always
 * ({@link Kernel#capture} on the real kernel). The files belong to the world's event loop, which
 * writes what the captures hand it: open and {@link #close} them on the loop's thread. Timestamps
 * are the kernel's. Container loopbacks are not captured in real mode.
 */
public final class RealCaptures {
    private final RealWorld world;
    private final Path dir;
    private final String filter;
    private final List<Capture> taps = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final Consumer<String> say;

    /** Starts capturing what {@code what} names into {@code dir}; bridges made later are captured as they appear. */
    public RealCaptures(RealWorld world, Path dir, Topology.CaptureSpec what, Consumer<String> say) {
        this.world = world;
        this.dir = dir;
        this.filter = what.filter();
        this.say = say;
        PacketFilter.compile(filter).close(); // a bad expression fails here, before anything is created
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        pending.addAll(what.interfaces());
        boolean several = world.nodes().size() > 1;
        // With several hosts the underlay is what there is to see, as in emulated runs.
        boolean eth0 = pending.remove("eth0") | what.host() | several;
        if (what.loopback()) {
            say.accept("capture: container loopbacks are not captured in real mode (dockwire capture --real lo -n NETNS)");
        }
        Set<String> named = Set.copyOf(pending);
        for (RealWorld.Node node : world.nodes()) {
            // With several hosts every file name starts with the host's: docker-host-2-eth0.pcapng.
            String file = several ? node.name() + "-" : "";
            if (eth0) {
                open(node, file, "eth0");
            }
            node.engine().onBridgeNetwork(n -> {
                pending.remove(n.bridge());
                pending.remove(n.name());
                if (what.bridges() || named.contains(n.bridge()) || named.contains(n.name())) {
                    open(node, file, n.bridge());
                }
            });
        }
    }

    private void open(RealWorld.Node node, String filePrefix, String dev) {
        Path path = dir.resolve(filePrefix + dev + ".pcapng");
        CaptureFile file = CaptureFile.open(path); // the real kernel stamps frames relative to the default epoch
        try {
            taps.add(node.kernel().capture(Kernel.HOST, dev, file, filter));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        paths.add(path);
        say.accept("capture: " + path + " (live, " + node.kernel().netnsName(Kernel.HOST) + " " + dev + ")");
    }

    /** Stops every capture and finishes its file; what was written, and the names that never appeared. */
    public List<Session.CaptureResult> close() {
        List<Session.CaptureResult> out = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            Capture tap = taps.get(i);
            tap.close();
            out.add(new Session.CaptureResult(paths.get(i), tap.captured()));
            long dropped = tap.dropped();
            // tcpdump's closing count of what the buffer had no room for.
            say.accept("capture: " + paths.get(i) + " (" + tap.captured() + " frames"
                    + (dropped == 0 ? "" : ", " + dropped + " packet" + (dropped == 1 ? "" : "s") + " dropped by kernel") + ")");
        }
        taps.clear();
        pending.forEach(p -> say.accept("capture: no interface " + p + " appeared on the host (a bridge or a network name)"));
        return out;
    }
}
