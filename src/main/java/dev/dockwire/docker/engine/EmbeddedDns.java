package dev.dockwire.docker.engine;

import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.EmbeddedResolver;
import dev.dockwire.docker.Container;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Ipv4Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Docker's embedded DNS for containers on user-defined networks (libnetwork/resolver.go): per
 * sandbox a resolver listening at 127.0.0.11 on ephemeral UDP and TCP ports in its namespace,
 * Docker's nat rules mapping port 53 to them ({@link ResolverRules}), forwarding from the host's
 * namespace, answering from the engine's records ({@link ContainerRecords}).
 */
final class EmbeddedDns {
    private final Kernel kernel;
    private final Function<String, Container> containers;
    private final List<String> hostNameservers;
    private final Map<String, EmbeddedResolver> resolvers = new LinkedHashMap<>();
    private final EmbeddedResolver.Host host;

    /** Resolvers on {@code kernel}, naming containers found by id with {@code containers} (across a swarm), forwarding to {@code hostNameservers}. */
    EmbeddedDns(Kernel kernel, EventLoop clock, SeededRandom random, Function<String, Container> containers, List<String> hostNameservers) {
        this.kernel = kernel;
        this.containers = containers;
        this.hostNameservers = hostNameservers;
        this.host = new EmbeddedResolver.Host() {
            @Override
            public Timer schedule(long delayNanos, Runnable task) {
                return clock.schedule(delayNanos, task)::cancel;
            }

            @Override
            public int random(int bound) {
                return random.nextInt(bound);
            }

            /** dockerd's log is its stderr (logrus's text format); dockwire's is the terminal's. */
            @Override
            public void logError(String message) {
                System.err.println("level=error msg=\"" + message + "\"");
            }
        };
    }

    /** Starts {@code c}'s resolver once it has an own namespace and an address on a user-defined network. */
    void start(Container c) {
        if (resolvers.containsKey(c.id()) || c.netns() == null || c.netns().equals(Kernel.HOST)
                || c.networkMode().startsWith("container:")) {
            return;
        }
        boolean userNetwork = c.endpoints().values().stream().anyMatch(e -> e.address() != null
                && e.network().driver().plumbed() && !e.network().name().equals("bridge"));
        if (!userNetwork) {
            return;
        }
        EmbeddedResolver r = new EmbeddedResolver(kernel.sockets(c.netns()), kernel.sockets(Kernel.HOST),
                new ContainerRecords(containers, hostNameservers, c), host);
        r.start();
        ResolverRules.install(kernel, c.netns(), Ipv4Address.format(EmbeddedResolver.ADDRESS), r.udpPort(), r.tcpPort());
        resolvers.put(c.id(), r);
    }

    /** Stops {@code c}'s resolver, if it has one. */
    void stop(Container c) {
        EmbeddedResolver r = resolvers.remove(c.id());
        if (r != null) {
            r.stop();
        }
    }
}
