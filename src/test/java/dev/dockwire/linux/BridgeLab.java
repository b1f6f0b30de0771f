package dev.dockwire.linux;

import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PacketPrinter;
import dev.dockwire.capture.PrintOptions;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two hosts on one bridge, built twice for the differential tests that compare what a bridge
 * capture shows: from real kernel objects (namespaces {@code PREFIX+name-a}/{@code -b} with
 * 10.9.0.1 and 10.9.0.2 on veths into {@code br0} of {@code PREFIX+name-r}, removed by the test's
 * {@link TestNamespaces}), and in the emulator (a {@link TestNet} whose bridge is captured), both
 * captures printed as {@code tcpdump -nn -vv} does.
 */
final class BridgeLab {
    final String a;
    final String b;
    final String r;

    private BridgeLab(String name) {
        a = TestNamespaces.PREFIX + name + "-a";
        b = TestNamespaces.PREFIX + name + "-b";
        r = TestNamespaces.PREFIX + name + "-r";
    }

    /** The real lab: three namespaces, a Linux bridge and two veth pairs, up. */
    static BridgeLab real(String name) throws java.io.IOException, InterruptedException {
        BridgeLab lab = new BridgeLab(name);
        for (String ns : List.of(lab.a, lab.b, lab.r)) {
            ExternalTools.run("ip", "netns", "add", ns);
            ExternalTools.run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        ExternalTools.run("ip", "-n", lab.r, "link", "add", "br0", "type", "bridge");
        ExternalTools.run("ip", "-n", lab.r, "link", "set", "br0", "up");
        ExternalTools.run("ip", "link", "add", "a0", "netns", lab.a, "type", "veth", "peer", "name", "a1", "netns", lab.r);
        ExternalTools.run("ip", "link", "add", "b0", "netns", lab.b, "type", "veth", "peer", "name", "b1", "netns", lab.r);
        for (String port : List.of("a1", "b1")) {
            ExternalTools.run("ip", "-n", lab.r, "link", "set", port, "master", "br0");
            ExternalTools.run("ip", "-n", lab.r, "link", "set", port, "up");
        }
        ExternalTools.run("ip", "-n", lab.a, "addr", "add", "10.9.0.1/24", "dev", "a0");
        ExternalTools.run("ip", "-n", lab.b, "addr", "add", "10.9.0.2/24", "dev", "b0");
        ExternalTools.run("ip", "-n", lab.a, "link", "set", "a0", "up");
        ExternalTools.run("ip", "-n", lab.b, "link", "set", "b0", "up");
        return lab;
    }

    /** Ends what the test started in the lab (tcpdump, a server), forcibly if it does not go. */
    static void stop(Process... processes) throws InterruptedException {
        for (Process p : processes) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** The emulated twin: hosts {@code a} and {@code b} on {@code br0}, every frame crossing it captured into {@code capture}. */
    static TestNet emulated(MemoryCapture capture) {
        TestNet net = new TestNet(5);
        var br = net.bridge("br0", null);
        net.node("a", "br0", "10.9.0.1/24", null);
        net.node("b", "br0", "10.9.0.2/24", null);
        Captures.bridge(capture, net.loop(), br, PacketFilter.ALL);
        return net;
    }

    /** The captured frames as dockwire's tcpdump prints them with {@code -vv}. */
    static List<String> printed(MemoryCapture capture) {
        PacketPrinter printer = new PacketPrinter(new PrintOptions(false, 2, false, 0, 0));
        List<String> out = new ArrayList<>();
        for (MemoryCapture.Frame f : capture.frames) {
            out.add(printer.print(Unpooled.wrappedBuffer(f.bytes()), new StringBuilder()).toString());
        }
        return out;
    }
}
