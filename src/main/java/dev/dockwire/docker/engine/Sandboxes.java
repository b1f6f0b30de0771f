package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * The sandbox side of endpoints, as libnetwork's endpoint.go ({@code sbJoin}, {@code sbLeave})
 * and sandbox.go do it: an address from the network's IPAM, the driver's Join, then the default
 * route through the network's gateway; on the way out the driver's Leave and the address back.
 */
final class Sandboxes {
    private static final Cidr DEFAULT = Cidr.parse("0.0.0.0/0");

    private final Engine engine;
    private final Kernel kernel;

    Sandboxes(Engine engine) {
        this.engine = engine;
        this.kernel = engine.kernel();
    }

    /** A network's com.docker.network.container_iface_prefix: its containers' interfaces' name before the number. */
    private static final String IFACE_PREFIX = "com.docker.network.container_iface_prefix";

    /**
     * Joins endpoint {@code e} of {@code c} into namespace {@code sandbox} as {@code eth<index>} (or the network's prefix),
     * with the default route when {@code defaultRoute} (and the network is not internal). A failed
     * join leaves nothing behind.
     */
    Endpoint join(Container c, String sandbox, Endpoint e, boolean defaultRoute, int index) {
        Network n = e.network();
        NetworkDriver driver = engine.driver(n);
        Ipv4Address addr = e.requestedIp() != null ? n.allocate(e.requestedIp()) : n.allocate();
        Endpoint ep;
        try {
            // libnetwork osl AddInterface: the network's container_iface_prefix (eth by default), numbered per prefix
            String prefix = n.options().getOrDefault(IFACE_PREFIX, "");
            ep = driver.join(c.id(), e, addr, sandbox, prefix.isEmpty() ? "eth" + index : prefix + nextIfIndex(c, prefix));
        } catch (RuntimeException ex) {
            n.release(addr);
            if (ex instanceof EngineException ee && ee.getMessage().startsWith("adding interface ")) {
                // libnetwork network.go addEndpoint: the driver's CreateEndpoint error, named by endpoint and network.
                throw new EngineException("failed to create endpoint " + c.name() + " on network " + n.name() + ": " + ee.getMessage());
            }
            throw ex;
        }
        if (defaultRoute && !n.internal()) {
            try {
                kernel.routeAdd(sandbox, DEFAULT, n.gateway().bits(), ep.ifname());
            } catch (RuntimeException ex) {
                n.release(addr);
                driver.leave(c.id(), ep, sandbox);
                throw ex;
            }
        }
        c.putEndpoint(n.name(), ep);
        n.attach(c.id(), ep);
        return ep;
    }

    /** The joined endpoint {@code e} of {@code c} leaves: off the network, its address freed, the driver's Leave. */
    void leave(Container c, Endpoint e) {
        Network n = e.network();
        n.detach(c.id());
        n.release(e.address());
        engine.driver(n).leave(c.id(), e, c.netns());
    }

    /**
     * libnetwork's {@code updateGateway} (sandbox_linux.go) after a join or a leave: the default
     * route goes through the endpoint {@link GatewayEndpoint#select} picks; the old one is unset
     * first. The published ports follow it ({@code sbJoin}/{@code sbLeave} revoke the old gateway
     * endpoint's external connectivity and program the new one's); with no gateway at all they stay
     * on the first bridge endpoint.
     */
    void updateGateway(Container c, String sandbox) {
        Endpoint gw = GatewayEndpoint.select(c);
        RouteInfo current = kernel.routes(sandbox).stream().filter(r -> r.dst().prefixLength() == 0).findFirst().orElse(null);
        if (current != null && (gw == null || !current.dev().equals(gw.ifname()))) {
            kernel.routeDel(sandbox, DEFAULT);
        }
        if (gw != null && (current == null || !current.dev().equals(gw.ifname()))) {
            kernel.routeAdd(sandbox, DEFAULT, gw.network().gateway().bits(), gw.ifname());
        }
    }

    /** The lowest {@code ethN} no endpoint of {@code c} uses. */
    static int nextIfIndex(Container c) {
        return nextIfIndex(c, "eth");
    }

    /** The lowest {@code PREFIXN} no endpoint of {@code c} uses. */
    private static int nextIfIndex(Container c, String prefix) {
        int i = 0;
        while (true) {
            String name = prefix + i;
            if (c.endpoints().values().stream().noneMatch(e -> name.equals(e.ifname()))) {
                return i;
            }
            i++;
        }
    }
}
