package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * The sandbox side of endpoints, as libnetwork's endpoint.go ({@code sbJoin}, {@code sbLeave})
 * and sandbox.go do it: an address from the network's IPAM, the driver's Join, then the default
 * route through the network's gateway; on the way out the driver's Leave and the address back.
 */
final class Sandboxes {
    private final Engine engine;
    private final Kernel kernel;

    Sandboxes(Engine engine) {
        this.engine = engine;
        this.kernel = engine.kernel();
    }

    /**
     * Joins endpoint {@code e} of {@code c} into namespace {@code sandbox} as {@code eth<index>},
     * with the default route when {@code defaultRoute} (and the network is not internal). A failed
     * join leaves nothing behind.
     */
    Endpoint join(Container c, String sandbox, Endpoint e, boolean defaultRoute, int index) {
        Network n = e.network();
        NetworkDriver driver = engine.driver(n);
        Ipv4Address addr = e.requestedIp() != null ? n.allocate(e.requestedIp()) : n.allocate();
        Endpoint ep;
        try {
            ep = driver.join(c.id(), e, addr, sandbox, "eth" + index);
        } catch (RuntimeException ex) {
            n.release(addr);
            throw ex;
        }
        if (defaultRoute && !n.internal()) {
            try {
                kernel.routeAdd(sandbox, Cidr.parse("0.0.0.0/0"), n.gateway().bits(), ep.ifname());
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
     * {@code docker network disconnect} of a running container from a local network: the endpoint
     * leaves; when its interface held the default route, libnetwork moves the route to another
     * endpoint's gateway.
     */
    void disconnect(Container c, Endpoint e) {
        boolean hadDefault = kernel.routes(c.netns()).stream()
                .anyMatch(r -> r.dst().prefixLength() == 0 && r.dev().equals(e.ifname()));
        leave(c, e);
        c.removeEndpoint(e.network().name());
        if (hadDefault) {
            for (Endpoint other : c.endpoints().values()) {
                if (other.ifname() != null && !other.network().internal()) {
                    kernel.routeAdd(c.netns(), Cidr.parse("0.0.0.0/0"), other.network().gateway().bits(), other.ifname());
                    break;
                }
            }
        }
    }

    /** The lowest {@code ethN} no endpoint of {@code c} uses. */
    static int nextIfIndex(Container c) {
        int i = 0;
        while (true) {
            String name = "eth" + i;
            if (c.endpoints().values().stream().noneMatch(e -> name.equals(e.ifname()))) {
                return i;
            }
            i++;
        }
    }
}
