package dev.dockwire.run;

import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.Libc;
import dev.dockwire.linux.Namespaces;
import dev.dockwire.linux.RealKernel;
import dev.dockwire.netns.Emulation;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real-kernel counterpart of {@link World}: a Docker host namespace ({@code PREFIX+host}) whose
 * {@code eth0} has World's address (192.168.1.10/24) and default route via 192.168.1.1, cabled to
 * the LAN bridge of the same {@link Outside} World has, made of real namespaces ({@code PREFIX+lan},
 * {@code PREFIX+router}, {@code PREFIX+internet}): the router masquerades with the real
 * iptables and answers DNS, the internet's web and name servers are our programs on real sockets,
 * and nothing leaves the machine. The engine runs on a wall-clock loop and its programs on real
 * sockets. Closing removes every namespace, unless {@link #keep} let go of them first.
 */
public final class RealWorld implements AutoCloseable {
    /** The namespace of World's LAN bridge ({@code lan0}). */
    public static final String LAN = "lan";

    private final Emulation emulation;
    private final RealKernel kernel;
    private final Engine engine;
    private final DockerHost host;
    private Outside outside;

    public RealWorld(String prefix, long seed, EngineProfile profile, boolean userlandProxy) {
        emulation = new Emulation(new EventLoop(Pacing.WALL), new SeededRandom(seed));
        kernel = new RealKernel(prefix, emulation.random(), emulation.loop());
        try {
            uplink();
            engine = new Engine(kernel, emulation.loop(), emulation.random(), profile, List.of(World.ROUTER.toString()));
            engine.userlandProxy(userlandProxy);
            engine.start();
            host = new DockerHost(engine, emulation.loop(), World.HOST_NAME);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The names a real run of topology {@code name} gets: {@code dw-NAME.} (lower case, other
     * characters as {@code -}); the dot keeps one topology's prefix from being the start of another's.
     */
    public static String prefixFor(String name) {
        return "dw-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".";
    }

    /** Whether {@code netns} (a /run/netns name) was made by a real run ({@code dw-NAME.ns}). */
    public static boolean madeByUp(String netns) {
        return netns.matches("dw-[a-z0-9-]+\\..+");
    }

    /** The namespaces (/run/netns names) that start with {@code prefix}. */
    public static List<String> namespaces(String prefix) {
        return Namespaces.list().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** Removes the namespaces of the real run with {@code prefix}; returns their names. */
    public static List<String> remove(String prefix) {
        return RealKernel.removeAll(prefix);
    }

    /** Removes the namespaces of every real run (after a crash); returns their names. */
    public static List<String> removeAllRuns() {
        List<String> removed = new ArrayList<>();
        for (String n : Namespaces.list()) {
            if (madeByUp(n)) {
                Namespaces.delete(n);
                removed.add(n);
            }
        }
        return removed;
    }

    /** The effective uid dockwire runs as (0: root), -1 off Linux. */
    public static int euid() {
        return Libc.available() ? Libc.geteuid() : -1;
    }

    /** This world's namespaces, the Docker host's last. */
    public List<String> namespaceNames() {
        List<String> out = new ArrayList<>();
        kernel.namespaces().forEach(ns -> out.add(kernel.netnsName(ns)));
        out.add(kernel.netnsName(Kernel.HOST));
        return out;
    }

    /** The LAN, router and internet, and the host's cable to the LAN bridge. */
    private void uplink() {
        kernel.linkSetUp(Kernel.HOST, "lo", true);
        kernel.netnsAdd(LAN);
        outside = new Outside(kernel, LAN, emulation.loop());
        outside.port("lan-host", "uplink");
        kernel.linkSetNetns(LAN, "uplink", Kernel.HOST);
        kernel.linkSetName(Kernel.HOST, "uplink", "eth0");
        kernel.addrAdd(Kernel.HOST, "eth0", World.HOST_ADDRESS);
        kernel.linkSetUp(Kernel.HOST, "eth0", true);
        kernel.routeAdd(Kernel.HOST, Cidr.parse("0.0.0.0/0"), World.ROUTER.bits(), "eth0");
    }

    public RealKernel kernel() {
        return kernel;
    }

    public Engine engine() {
        return engine;
    }

    public DockerHost host() {
        return host;
    }

    /** The LAN, router and internet around the host. */
    public Outside outside() {
        return outside;
    }

    public EventLoop loop() {
        return emulation.loop();
    }

    /** Leaves the namespaces in place when this world closes ({@code up}); programs stop with the process. */
    public void keep() {
        kernel.detach();
    }

    @Override
    public void close() {
        try {
            kernel.close();
        } finally {
            emulation.close();
        }
    }
}
