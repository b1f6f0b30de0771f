package dev.dockwire.run;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.SocketException;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.ShellWords;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * their own process. The processes keep the script's order between them ({@link LineBarrier}): a
 * line starts once every other process finished the line before, and the run ends (and serves)
 * once every other process ran its last line.
 */
final class Distributed implements AutoCloseable {
    /** ssh options that take a value (ssh(1)), skipped when finding the destination. */
    private static final Set<String> SSH_OPTIONS_WITH_VALUE = Set.of("-o", "-p", "-i", "-l", "-F", "-J", "-E");
    private static final int VXLAN_PORT = 4789;

    private final World world;
    private final World.Node host;
    private final RealUnderlay underlay;
    private final int serveSeconds;
    /** The other hosts' VTEP addresses, by name: where announcements go. */
    private final Map<String, Integer> vteps;
    private final LineBarrier lines;
    private int line;

    private Distributed(World world, World.Node host, RealUnderlay underlay, int serveSeconds, Map<String, Integer> vteps) {
        this.world = world;
        this.host = host;
        this.underlay = underlay;
        this.serveSeconds = serveSeconds;
        this.vteps = vteps;
        this.lines = new LineBarrier(host.name(), vteps.keySet(), world.emulation().loop().nanos());
        underlay.others((srcIp, srcPort, payload) -> lines.heard(payload, world.emulation().loop().nanos()));
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
        Map<String, Integer> vteps = new LinkedHashMap<>();
        for (Map.Entry<String, Daemon.Underlay> e : daemon.underlay().entrySet()) {
            World.Node n = world.node(e.getKey());
            if (n != null && n != host) {
                peers.add(new RealUnderlay.Peer(n.address().address().bits(),
                        Ipv4Address.parse(e.getValue().address()).bits(), e.getValue().port()));
                vteps.put(n.name(), n.address().address().bits());
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
        return new Distributed(world, host, u, serveSeconds(own), vteps);
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

    /**
     * Before the script's next line: waits until every other process finished the line before,
     * the loop running meanwhile (this host answers what the others send).
     */
    void beforeLine(Consumer<String> out) {
        line++;
        await(line, out);
    }

    /** The line begun by {@link #beforeLine} is done (run here, or left to another process). */
    void afterLine() {
        lines.finished(line);
        announce();
    }

    /**
     * After the last line: waits until every other process ran its last line, then keeps the host
     * answering for the serve time, on the wall clock.
     */
    void serve(Consumer<String> out) {
        lines.end();
        announce();
        await(LineBarrier.END, out);
        if (serveSeconds > 0) {
            out.accept("dockwire: " + host.name() + " ready, serving for " + serveSeconds + " s");
            EventLoop loop = world.emulation().loop();
            long until = loop.nanos() + TimeUnit.SECONDS.toNanos(serveSeconds);
            while (loop.nanos() < until) {
                // Repeated now and then: a process that missed this one's end still hears it.
                loop.runUntilTime(Math.min(until, loop.nanos() + TimeUnit.SECONDS.toNanos(1)));
                announce();
            }
        }
        out.accept("dockwire: " + host.name() + " sent " + underlay.sent() + " and received " + underlay.received()
                + " VXLAN datagrams");
    }

    /**
     * Runs the loop until no other process holds {@code line} (an announcement ends the wait at
     * once), repeating this one's announcement every {@link LineBarrier#REPEAT_NANOS}; gives up the silent.
     */
    private void await(int line, Consumer<String> out) {
        EventLoop loop = world.emulation().loop();
        while (!lines.holding(line).isEmpty()) {
            boolean[] repeat = new boolean[1];
            Timeout t = loop.schedule(LineBarrier.REPEAT_NANOS, () -> repeat[0] = true);
            loop.runUntil(() -> repeat[0] || lines.holding(line).isEmpty());
            t.cancel();
            announce();
            for (String gone : lines.giveUp(line, loop.nanos())) {
                out.accept("dockwire: nothing heard from " + gone + "'s process for "
                        + TimeUnit.NANOSECONDS.toSeconds(LineBarrier.SILENCE_NANOS) + " s (it finished "
                        + lines.finishedBy(gone) + " lines); going on without it");
            }
        }
    }

    /** Tells every other process how far this one is. */
    private void announce() {
        for (int vtep : vteps.values()) {
            underlay.sendOther(vtep, lines.announcement());
        }
    }

    @Override
    public void close() {
        underlay.close();
    }
}
