package dev.dockwire.run;

import dev.dockwire.socket.SocketException;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.ShellWords;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One host of a several-host run in this process ({@code dockwire run --host NAME}), the others in
 * theirs: the host's VTEP is given a {@link RealUnderlay} bound to its {@code # dockwire: underlay}
 * address, with every other host's underlay address as a peer, so its vxlan devices exchange real
 * datagrams with the other processes. The other hosts stay in this process as replicas of their
 * control plane (their networks, containers and DNS records, which the own host's peers and name
 * lookups are computed from) but run no programs: a {@code docker exec} aimed at them is left to
 * their own process.
 */
final class Distributed implements AutoCloseable {
    /** ssh options that take a value (ssh(1)), skipped when finding the destination. */
    private static final Set<String> SSH_OPTIONS_WITH_VALUE = Set.of("-o", "-p", "-i", "-l", "-F", "-J", "-E");
    private static final int VXLAN_PORT = 4789;

    private final World world;
    private final World.Node host;
    private final RealUnderlay underlay;
    private final int serveSeconds;

    private Distributed(World world, World.Node host, RealUnderlay underlay, int serveSeconds) {
        this.world = world;
        this.host = host;
        this.underlay = underlay;
        this.serveSeconds = serveSeconds;
    }

    /** Binds the own host's real underlay and points its kernel's vxlan devices at it. */
    static Distributed start(World world, Daemon daemon, Session.OwnHost own, Consumer<String> out) {
        World.Node host = world.node(own.host());
        if (host == null || world.nodes().size() < 2) {
            throw new IllegalArgumentException("--host " + own.host() + ": the file's run has no such host (it has "
                    + String.join(", ", world.nodes().stream().map(World.Node::name).toList())
                    + "; several hosts come from # dockwire: hosts N)");
        }
        Daemon.Underlay mine = daemon.underlay().get(host.name());
        if (mine == null) {
            throw new IllegalArgumentException("--host " + host.name() + ": the file gives no underlay address for it"
                    + " (add # dockwire: underlay " + host.name() + " ADDRESS:PORT)");
        }
        List<RealUnderlay.Peer> peers = new ArrayList<>();
        for (Map.Entry<String, Daemon.Underlay> e : daemon.underlay().entrySet()) {
            World.Node n = world.node(e.getKey());
            if (n != null && n != host) {
                peers.add(new RealUnderlay.Peer(n.address().address().bits(),
                        Ipv4Address.parse(e.getValue().address()).bits(), e.getValue().port()));
            }
        }
        RealUnderlay u;
        try {
            u = new RealUnderlay(world.emulation().loop(), null, Ipv4Address.parse(mine.address()).bits(),
                    mine.port(), host.address().address().bits(), VXLAN_PORT, peers);
        } catch (SocketException e) {
            throw new IllegalArgumentException("--host " + host.name() + ": cannot bind its underlay " + mine.address() + ":"
                    + mine.port() + " (line " + mine.line() + "): " + e.error().message());
        }
        host.kernel().underlay(u);
        out.accept("dockwire: this process runs " + host.name() + "; its VTEP " + host.address().address()
                + " sends and receives VXLAN on " + mine.address() + ":" + mine.port() + " (udp)");
        return new Distributed(world, host, u, serveSeconds(own));
    }

    private static int serveSeconds(Session.OwnHost own) {
        return Math.max(0, own.serveSeconds());
    }

    World.Node host() {
        return host;
    }

    RealUnderlay underlay() {
        return underlay;
    }

    /**
     * The host a command line runs a program on when that is not this process's host ({@code ssh
     * HOST docker exec ...}, or {@code docker exec ...} typed on the first host), else null.
     */
    String runsElsewhere(String line) {
        List<String> w;
        try {
            w = ShellWords.split(line);
        } catch (RuntimeException unparsable) {
            return null;
        }
        String target = world.nodes().get(0).name();
        int i = 0;
        if (!w.isEmpty() && w.get(0).equals("ssh")) {
            i = 1;
            while (i < w.size() && w.get(i).startsWith("-")) {
                i += SSH_OPTIONS_WITH_VALUE.contains(w.get(i)) ? 2 : 1;
            }
            if (i >= w.size()) {
                return null;
            }
            String dest = w.get(i++);
            target = dest.substring(dest.indexOf('@') + 1);
        }
        World.Node n = world.node(target);
        if (n == null || n == host) {
            return null;
        }
        List<String> rest = w.subList(i, w.size());
        boolean exec = rest.size() >= 2 && rest.get(0).equals("docker")
                && (rest.get(1).equals("exec") || rest.size() >= 3 && rest.get(1).equals("container") && rest.get(2).equals("exec"));
        return exec ? n.name() : null;
    }

    /** After the last step: keeps the host answering for the serve time, on the wall clock. */
    void serve(Consumer<String> out) {
        if (serveSeconds > 0) {
            out.accept("dockwire: " + host.name() + " ready, serving for " + serveSeconds + " s");
            world.emulation().loop().runFor(TimeUnit.SECONDS.toNanos(serveSeconds));
        }
        out.accept("dockwire: " + host.name() + " sent " + underlay.sent() + " and received " + underlay.received()
                + " VXLAN datagrams");
    }

    @Override
    public void close() {
        underlay.close();
    }
}
