package dev.dockwire.run;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a topology file headless: builds its networks and containers through the engine, brings
 * up its compose project, runs its scripts, then runs its steps as {@code docker exec} lines (or
 * host command lines) in a {@link Session}. Engine errors while building
 * are reported with the topology's file, line and key.
 */
public final class TopologyRunner {
    private final String file;

    public TopologyRunner(String file) {
        this.file = file;
    }

    public Session.Report run(Topology t, Session.Options options, Consumer<String> out) {
        long seed = options.seed() != null ? options.seed() : t.seed();
        boolean capture = options.capture() && (t.capture().any() || !options.interfaces().isEmpty());
        try (Session session = Session.capturing(file, seed, t.daemon(), capture ? options : options.withoutCapture(),
                t.capture(), out)) {
            try {
                Engine engine = session.world().engine();
                session.say("dockwire: topology " + t.name() + " (seed " + seed + ")");
                int total = t.steps().size() + t.scripts().stream().mapToInt(sc -> sc.script().commands().size()).sum();
                session.expectSteps(total);
                t.outsideDns().forEach(session.world()::addOutsideName);
                t.images().forEach(i -> engine.images().declare(i.image(), i.port(), i.text()));
                for (Topology.NetworkSpec n : t.networks()) {
                    network(engine, file, n, session::say);
                }
                List<Topology.NetworkSpec> impaired = impaired(t.networks());
                for (Topology.ContainerSpec c : t.containers()) {
                    container(engine, file, c, session::say);
                    impair(engine, file, c, impaired, session::say);
                }
                ComposeProject p = t.compose();
                if (p != null) {
                    ComposeRunner.up(session, Path.of(p.file()), p, Map.of(), !p.file().equals(file));
                }
                for (Topology.ScriptRef sc : t.scripts()) {
                    ScriptRunner.commands(session, sc.file(), sc.script());
                }
                session.steps(t.steps(), target -> p == null || p.service(target) == null ? target : ComposeRunner.containerOf(p, target));
                return session.finish();
            } catch (TopologyException e) {
                session.reject(); // bad input found while building: the run leaves nothing
                throw e;
            }
        }
    }

    /** Creates the topology's network {@code n}; engine errors are reported at its line in {@code file}. */
    static void network(Engine engine, String file, Topology.NetworkSpec n, Consumer<String> say) {
        try {
            Network net = engine.createNetwork(new NetworkCreate(n.name(), "bridge",
                    n.subnet() == null ? null : Cidr.parse(n.subnet()),
                    n.gateway() == null ? null : Ipv4Address.parse(n.gateway()), null, false, false, Map.of(), Map.of()));
            say.accept("network " + net.name() + ": " + net.subnet() + " gateway " + net.gateway() + " bridge " + net.bridge());
        } catch (EngineException e) {
            throw new TopologyException(file, n.line(), "networks." + n.name(), "Error response from daemon: " + e.getMessage());
        }
    }

    /** Creates, connects and starts the topology's container {@code c}; errors at its line in {@code file}. */
    static void container(Engine engine, String file, Topology.ContainerSpec c, Consumer<String> say) {
        List<Topology.Attachment> nets = c.networks();
        Topology.Attachment first = nets.isEmpty() ? null : nets.get(0);
        try {
            Container ctr = engine.create(new ContainerCreate(c.name(), c.image(), List.of(),
                    first == null ? "bridge" : first.network(),
                    first == null || first.ip() == null ? null : Ipv4Address.parse(first.ip()),
                    List.of(), null, List.of(), List.of()).withStdio(true, true) // as docker run -dit: a shell stays up
                    .withEnv(c.env())
                    .withOptions(c.capAdd().isEmpty() ? ContainerOptions.NONE // one for all the containers without --cap-add
                            : new ContainerOptions(ContainerOptions.normalizeCaps(c.capAdd()), List.of(), false, false, Map.of(), "",
                            false, Map.of(), List.of())), Map.of());
            for (Topology.Attachment a : nets.subList(Math.min(1, nets.size()), nets.size())) {
                engine.connect(a.network(), ctr.name(), a.ip() == null ? null : Ipv4Address.parse(a.ip()), List.of(), 0);
            }
            engine.start(ctr.name());
            StringBuilder sb = new StringBuilder("container " + ctr.name() + " (" + ctr.image() + "):");
            ctr.endpoints().values().forEach(e -> sb.append(' ').append(e.ifname()).append(' ').append(e.address())
                    .append(" on ").append(e.network().name()));
            say.accept(sb.toString());
        } catch (EngineException e) {
            throw new TopologyException(file, c.line(), "containers." + c.name(), "Error response from daemon: " + e.getMessage());
        }
    }

    /** The networks that declare an impairment, looked at once rather than for every container. */
    static List<Topology.NetworkSpec> impaired(List<Topology.NetworkSpec> networks) {
        return networks.stream().filter(n -> n.impair() != null).toList();
    }

    /**
     * The container's impairments, once it has started: its own interfaces' root qdiscs in its
     * namespace, then, for each of the {@link #impaired} networks, the root qdisc of its bridge-side
     * veth (egress towards the container). tc's own error is reported at the impairment's line.
     */
    static void impair(Engine engine, String file, Topology.ContainerSpec c, List<Topology.NetworkSpec> networks,
                       Consumer<String> say) {
        if (c.impair().isEmpty() && networks.isEmpty()) {
            return;
        }
        Container ctr = engine.container(c.name());
        for (Topology.Impairment i : c.impair()) {
            qdisc(engine, file, ctr.netns(), i.dev(), i, say, c.name() + " " + i.dev());
        }
        for (Topology.NetworkSpec n : networks) {
            Endpoint ep = ctr.endpoints().get(n.name());
            if (n.impair() != null && ep != null) {
                qdisc(engine, file, Kernel.HOST, ep.hostVeth(), n.impair(), say, n.name() + " port " + ep.hostVeth() + " to " + c.name());
            }
        }
    }

    private static void qdisc(Engine engine, String file, String ns, String dev, Topology.Impairment i, Consumer<String> say,
                              String where) {
        try {
            engine.kernel().qdisc(ns, "add", dev, "root", null, i.kind(), i.options());
        } catch (KernelException e) {
            throw new TopologyException(file, i.line(), i.path(), "tc qdisc add dev " + dev + " root " + i.kind() + " "
                    + String.join(" ", i.options()) + ": " + e.getMessage());
        }
        say.accept("impair " + where + ": " + i.kind() + " " + String.join(" ", i.options()));
    }
}
