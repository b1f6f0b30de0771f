package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libnetwork's default gateway (libnetwork/default_gateway.go): {@code docker_gwbridge}, the
 * bridge network that gives containers only on overlay networks a way out (a local pool, icc off,
 * masquerade on), and the gateway endpoint a sandbox gets on it while it needs one.
 */
final class DefaultGateway {
    static final String NETWORK = Network.DEFAULT_GATEWAY;

    private final Engine engine;
    private final Sandboxes sandboxes;

    DefaultGateway(Engine engine, Sandboxes sandboxes) {
        this.engine = engine;
        this.sandboxes = sandboxes;
    }

    static boolean isGateway(Network n) {
        return n.name().equals(NETWORK);
    }

    /** The network, as libnetwork creates it when the node enters a swarm (once). */
    void createNetwork() {
        if (engine.networkRegistry().findLocalNetwork(NETWORK) != null) {
            return;
        }
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("com.docker.network.bridge.enable_icc", "false");
        opts.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        opts.put("com.docker.network.bridge.name", NETWORK);
        Networks registry = engine.networkRegistry();
        registry.createBridge(NETWORK, NETWORK, registry.nextPool(), opts);
    }

    /**
     * needDefaultGW: a container starting on a non-internal overlay needs the gateway endpoint
     * unless one of its endpoints {@code made} is on a bridge network.
     */
    boolean needed(List<Endpoint> made) {
        return made.stream().noneMatch(e -> e.network().driver() == Network.Driver.BRIDGE);
    }

    /** setupDefaultGW: the gateway endpoint (the next {@code ethN}) with the default route, and the container's ports on it. */
    Endpoint join(Container c, String sandbox, int index) {
        Network gw = engine.network(NETWORK);
        return sandboxes.join(c, sandbox, new Endpoint(engine.random().nextHex(64), gw, null, null, null, null, null, List.of()),
                true, index);
    }

    /**
     * A running container joined an overlay: the gateway endpoint when nothing else gives it a way
     * out, with its ports published there.
     */
    void joinIfNeeded(Container c, Endpoint overlay) {
        boolean wayOut = c.endpoints().values().stream()
                .anyMatch(x -> x.network().driver() == Network.Driver.BRIDGE && x.address() != null)
                || engine.kernel().routes(c.netns()).stream().anyMatch(r -> r.dst().prefixLength() == 0);
        if (!wayOut && !overlay.network().internal()) {
            Endpoint g = join(c, c.netns(), Sandboxes.nextIfIndex(c));
            engine.driver(g.network()).programExternalConnectivity(c, g);
        }
    }

    /**
     * clearDefaultGW: the gateway endpoint goes with the container's last overlay endpoint, as the
     * sandbox drops a default gateway it no longer needs.
     */
    void leaveIfUnneeded(Container c) {
        Endpoint gw = c.endpoints().get(NETWORK);
        boolean overlaysLeft = c.endpoints().values().stream().anyMatch(x -> x.network().swarmScoped());
        if (gw != null && !overlaysLeft) {
            engine.driver(gw.network()).revokeExternalConnectivity(c);
            sandboxes.leave(c, gw);
            c.removeEndpoint(NETWORK);
        }
    }

}
