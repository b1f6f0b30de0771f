package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Ipv4Address;
import java.util.function.Function;
import java.util.List;

/**
 * {@code docker network connect} and {@code disconnect} as moby 28's daemon does them
 * (daemon/container_operations.go {@code ConnectToNetwork}, {@code updateNetworkSettings},
 * {@code DisconnectFromNetwork}): the network-mode checks with runconfig/errors.go's texts, the
 * endpoint's settings ({@code validateEndpointSettings}), then on a running container the join or
 * leave and the sandbox's gateway chosen again, with the published ports moving to it.
 */
final class NetworkConnect {
    /** runconfig.ErrConflictSharedNetwork. */
    static final String SHARED = "container sharing network namespace with another container or host cannot be connected to any other network";
    /** runconfig.ErrConflictNoNetwork. */
    static final String NONE = "container cannot be connected to multiple networks with one of the networks in private (none) mode";
    /** runconfig.ErrConflictConnectToHostNetwork. */
    static final String TO_HOST = "cannot connect container to host network - container must be created in host network mode";
    /** runconfig.ErrConflictDisconnectFromHostNetwork. */
    static final String FROM_HOST = "cannot disconnect container from host network - container was created in host network mode";

    /** What the engine does for a connect or disconnect: libnetwork's joins and leaves and the daemon's files. */
    interface Plumbing {
        /** sbJoin of {@code e} into {@code c}'s sandbox as the next {@code ethN}, without a default route. */
        Endpoint join(Container c, Endpoint e);

        /** sbLeave: the endpoint leaves, its address is freed. */
        void leave(Container c, Endpoint e);

        /** The default route through the endpoint {@link GatewayEndpoint#select} picks now. */
        void updateGateway(Container c);

        /** docker_gwbridge's endpoint when an overlay join leaves {@code c} without a way out. */
        void overlayJoined(Container c, Endpoint overlay);

        /** docker_gwbridge's endpoint goes with the last overlay. */
        void overlayLeft(Container c);

        /** {@code c}'s /etc/hosts and resolv.conf written again; {@code joined}: its resolver serves the new network. */
        void networksChanged(Container c, boolean joined);
    }

    private final SeededRandom random;
    private final Function<Network, NetworkDriver> drivers;
    private final Plumbing plumbing;
    /** connectToNetwork's {@code connect} and disconnectFromNetwork's {@code disconnect}, for a running container only. */
    private final DaemonEvents events;

    NetworkConnect(SeededRandom random, Function<Network, NetworkDriver> drivers, DaemonEvents events, Plumbing plumbing) {
        this.random = random;
        this.drivers = drivers;
        this.events = events;
        this.plumbing = plumbing;
    }

    /** {@code docker network connect [--ip IP] [--alias A] [--gw-priority N] NET CTR}: a new interface when running. */
    Endpoint connect(Network n, Container c, Ipv4Address ip, List<String> aliases, int gwPriority) {
        String mode = c.networkMode();
        if (mode.startsWith("container:")) {
            throw new EngineException(SHARED);
        }
        // updateNetworkConfig (moby v28.2.2 daemon/container_operations.go): validateEndpointSettings, unwrapped, no
        // network named, before updateNetworkSettings' conflicts and CreateEndpoint's name taken
        String invalid = EndpointSettings.invalid(n, ip, aliases);
        if (invalid != null) {
            throw new EngineException(invalid);
        }
        if (!mode.equals("host") && n.driver() == Network.Driver.HOST) {
            throw new EngineException(TO_HOST);
        }
        if (mode.equals("host")) {
            throw new EngineException(SHARED);
        }
        if (mode.equals("none") || n.driver() == Network.Driver.NULL) {
            throw new EngineException(NONE);
        }
        if (c.endpoints().containsKey(n.name())) {
            throw new EngineException("endpoint with name " + c.name() + " already exists in network " + n.name());
        }
        if (n.swarmScoped() && !n.attachable()) {
            throw new EngineException("Could not attach to network " + n.name()
                    + ": rpc error: code = PermissionDenied desc = network " + n.name() + " not manually attachable");
        }
        Endpoint e = new Endpoint(random.nextHex(64), n, null, null, null, null, ip,
                aliases == null ? List.of() : List.copyOf(aliases));
        c.gwPriority(n.name(), gwPriority);
        if (!c.running()) {
            c.putEndpoint(n.name(), e);
            return e;
        }
        Endpoint made;
        if (n.swarmScoped()) {
            made = plumbing.join(c, e);
            plumbing.overlayJoined(c, made);
        } else {
            Endpoint before = GatewayEndpoint.ports(c);
            try {
                made = plumbing.join(c, e);
            } catch (RuntimeException ex) {
                c.gwPriority(n.name(), 0);
                throw ex;
            }
            plumbing.updateGateway(c);
            moveExternalConnectivity(c, before);
        }
        plumbing.networksChanged(c, true);
        events.network(n, "connect", c.id());
        return made;
    }

    /** {@code docker network disconnect NET CTR}: the interface goes, its address is freed. */
    void disconnect(Network n, Container c) {
        if (c.networkMode().equals("host") && n.driver() == Network.Driver.HOST) {
            throw new EngineException(FROM_HOST);
        }
        Endpoint e = c.endpoints().get(n.name());
        if (e == null) {
            throw new EngineException("container " + c.id() + " is not connected to " + (c.running() ? "" : "the ") + "network " + n.name());
        }
        if (!n.driver().plumbed()) {
            throw new EngineException(FROM_HOST);
        }
        if (c.running() && n.swarmScoped()) {
            plumbing.leave(c, e);
            c.removeEndpoint(n.name());
            plumbing.overlayLeft(c);
            plumbing.networksChanged(c, false);
            events.network(n, "disconnect", c.id());
        } else if (c.running()) {
            Endpoint before = GatewayEndpoint.ports(c);
            plumbing.leave(c, e);
            c.removeEndpoint(n.name());
            plumbing.updateGateway(c);
            moveExternalConnectivity(c, before);
            plumbing.networksChanged(c, false);
            events.network(n, "disconnect", c.id());
        } else {
            c.removeEndpoint(n.name());
        }
        c.gwPriority(n.name(), 0);
    }

    /**
     * sbJoin/sbLeave: when the gateway endpoint changed, the old one's external connectivity is
     * revoked and the new one's programmed, so the published ports DNAT into the new gateway's network.
     */
    private void moveExternalConnectivity(Container c, Endpoint before) {
        Endpoint after = GatewayEndpoint.ports(c);
        String was = before == null ? null : before.network().name();
        String now = after == null ? null : after.network().name();
        if (java.util.Objects.equals(was, now)) {
            return;
        }
        if (before != null) {
            drivers.apply(before.network()).revokeExternalConnectivity(c);
        }
        if (after != null) {
            drivers.apply(after.network()).programExternalConnectivity(c, after);
        }
    }
}
