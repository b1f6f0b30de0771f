package dev.dockwire.run;

import dev.dockwire.app.dns.DnsServer;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.NetnsExec;
import dev.dockwire.linux.RealKernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real side of {@link BusyboxDifferentialTest}: namespaces laid out as a Docker host lays out a
 * user-defined bridge network, each running the real BusyBox ({@code /usr/bin/busybox}, Debian's
 * busybox-static 1.35):
 * <ul>
 * <li>{@code host}: bridge {@code br-lab} at 172.30.0.1/16 (the network's gateway), forwarding, and
 *     {@code eth0} at 192.168.1.10/24 towards the LAN;</li>
 * <li>{@code c1} and {@code s1}: the containers, {@code eth0} at 172.30.0.2/16 and .3 with Docker's
 *     MAC (02:42 and the address), a veth of queue length 0 as libnetwork makes it, the default
 *     route via the gateway, IPv6 off (as dockerd leaves a container of a network without
 *     {@code --ipv6});</li>
 * <li>{@code lan}: the home router at 192.168.1.1 (traceroute's second hop), routing the network
 *     back through the host (dockwire's host masquerades instead; traceroute prints hops only), and
 *     its name server: dockwire's own ({@link DnsServer}, on real sockets through {@link RealKernel})
 *     holding the names the emulated router's holds.</li>
 * </ul>
 * Each namespace's {@code /etc/netns/NS/resolv.conf} names 127.0.0.1, where nothing listens: a name
 * lookup fails at once, as BusyBox's {@code bad address}. Commands run while the loop of the name
 * server runs ({@link NetnsExec}). {@link #close} stops the servers and deletes the namespaces and
 * those files, whatever happened before.
 */
final class BusyboxLab implements AutoCloseable {
    static final String BUSYBOX = "/usr/bin/busybox";
    /** Every namespace of this JVM's lab starts so; the brief's {@code dw-bd-*}. */
    static final String PREFIX = "dw-bd-" + ProcessHandle.current().pid() + "-";
    private static final List<String> NAMESPACES = List.of("host", "c1", "s1", "lan");

    /** What a command printed (stdout and stderr through one pipe, as {@code docker exec} shows them) and its status. */
    record Result(int status, List<String> lines) {
    }

    private final List<Process> servers = new ArrayList<>();
    private final Path dir;
    private final EventLoop loop = new EventLoop(Pacing.WALL);
    private RealKernel kernel;

    BusyboxLab() throws IOException {
        dir = Files.createTempDirectory("dw-bd");
        try {
            build();
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /** The full name of the lab's namespace {@code role} ({@code c}, {@code s}, {@code host}, {@code lan}). */
    static String ns(String role) {
        return PREFIX + role;
    }

    /** The working directory of the commands (where {@code wget -O FILE} writes). */
    Path dir() {
        return dir;
    }

    private void build() throws IOException {
        kernel = new RealKernel(PREFIX, null, loop); // makes the host namespace
        for (String n : NAMESPACES) {
            if (!n.equals(Kernel.HOST)) {
                kernel.netnsAdd(n);
            }
            Path etc = Path.of("/etc/netns", ns(n));
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
            exec(n, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            ip("-n", ns(n), "link", "set", "lo", "up");
        }
        String host = ns("host");
        ip("-n", host, "link", "add", "br-lab", "type", "bridge");
        ip("-n", host, "addr", "add", "172.30.0.1/16", "brd", "+", "dev", "br-lab");
        ip("-n", host, "link", "set", "br-lab", "up");
        container("c1", "172.30.0.2", "02:42:ac:1e:00:02");
        container("s1", "172.30.0.3", "02:42:ac:1e:00:03");
        ip("-n", host, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", ns("lan"));
        ip("-n", host, "addr", "add", "192.168.1.10/24", "brd", "+", "dev", "eth0");
        ip("-n", host, "link", "set", "eth0", "up");
        ip("-n", ns("lan"), "addr", "add", "192.168.1.1/24", "brd", "+", "dev", "eth0");
        ip("-n", ns("lan"), "link", "set", "eth0", "up");
        ip("-n", ns("lan"), "route", "add", "172.30.0.0/16", "via", "192.168.1.10");
        exec("host", "sysctl", "-qw", "net.ipv4.ip_forward=1");
        DnsServer dns = new DnsServer(kernel.sockets("lan"));
        World.INTERNET_NAMES.forEach(dns::add);
        dns.start(World.ROUTER.bits());
    }

    /** A container's eth0 (the veth's end in its namespace) and its host end on the bridge, as libnetwork joins it. */
    private void container(String role, String address, String mac) throws IOException {
        String host = ns("host");
        String veth = "veth" + role;
        ip("-n", host, "link", "add", veth, "txqueuelen", "0", "type", "veth", "peer", "name", "eth0", "txqueuelen", "0",
                "address", mac, "netns", ns(role));
        ip("-n", host, "link", "set", veth, "master", "br-lab", "up");
        ip("-n", ns(role), "addr", "add", address + "/16", "brd", "+", "dev", "eth0");
        ip("-n", ns(role), "link", "set", "eth0", "up");
        ip("-n", ns(role), "route", "add", "default", "via", "172.30.0.1");
    }

    /** Starts {@code busybox ARGS} in namespace {@code role} in the background (a server); {@link #close} stops it. */
    void serve(String role, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns(role), BUSYBOX));
        argv.addAll(List.of(args));
        servers.add(new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** {@code busybox ARGS} in namespace {@code role}, killed after 20 s. */
    Result busybox(String role, String... args) {
        List<String> argv = new ArrayList<>(List.of(BUSYBOX));
        argv.addAll(List.of(args));
        return exec(role, argv.toArray(String[]::new));
    }

    /** {@code COMMAND...} in namespace {@code role}, killed after 20 s; the name server answers meanwhile. */
    Result exec(String role, String... command) {
        NetnsExec.Result r = NetnsExec.run(loop, ns(role), 20_000, command);
        return new Result(r.status(), r.lines());
    }

    private Result run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void ip(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        Result r = run(argv);
        if (r.status() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + String.join("\n", r.lines()));
        }
    }

    /** The lab's namespaces that exist now (the test asserts none is left). */
    static List<String> left() {
        try (Stream<Path> s = Files.list(Path.of("/run/netns"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        for (Process p : servers) {
            p.destroy();
        }
        for (Process p : servers) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kernel != null) {
            try {
                kernel.close();
            } catch (RuntimeException e) {
                System.out.println("cleanup of the lab's kernel failed: " + e);
            }
        }
        for (String n : NAMESPACES) {
            if (Files.exists(Path.of("/run/netns", ns(n)))) {
                run(List.of("ip", "netns", "delete", ns(n)));
            }
            delete(Path.of("/etc/netns", ns(n)));
        }
        delete(dir);
    }

    private static void delete(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("cleanup of " + tree + " failed: " + e);
        }
    }
}
