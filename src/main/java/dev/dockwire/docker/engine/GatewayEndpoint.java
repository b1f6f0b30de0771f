package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import java.util.Comparator;

/**
 * Which of a sandbox's endpoints gives it the default route and its published ports, as libnetwork
 * 28 picks it: the sandbox keeps its endpoints sorted by {@code Endpoint.Less} (sandbox.go:
 * gateway priority, higher first; then not on {@code docker_gwbridge} before on it; then
 * non-internal before internal; then with a gateway before without; then network name) and
 * {@code selectGatewayEndpoint} (default_gateway.go) takes the first that has a gateway. An
 * internal network and an overlay (its driver sets none) have no gateway.
 */
final class GatewayEndpoint {
    private GatewayEndpoint() {
    }

    /** {@code Endpoint.Less} over {@code c}'s endpoints; the priorities are {@code c}'s EndpointSettings.GwPriority. */
    static Comparator<Endpoint> less(Container c) {
        return Comparator.comparingInt((Endpoint e) -> -c.gwPriority(e.network().name()))
                .thenComparing((Endpoint e) -> e.network().name().equals(Network.DEFAULT_GATEWAY))
                .thenComparing((Endpoint e) -> e.network().internal())
                .thenComparing((Endpoint e) -> !hasGateway(e))
                .thenComparing((Endpoint e) -> e.network().name());
    }

    /** {@code hasGatewayOrDefaultRoute} for IPv4: the driver's Join set a gateway. */
    static boolean hasGateway(Endpoint e) {
        Network n = e.network();
        return n.driver().plumbed() && n.driver() != Network.Driver.OVERLAY && !n.internal() && n.gateway() != null;
    }

    /** The joined endpoint of {@code c} that is its IPv4 gateway, or null when none has a gateway. */
    static Endpoint select(Container c) {
        return c.endpoints().values().stream()
                .filter(e -> e.ifname() != null && hasGateway(e))
                .min(less(c)).orElse(null);
    }

    /**
     * The endpoint that carries {@code c}'s published ports: the gateway endpoint when it is a
     * bridge's (ProgramExternalConnectivity goes to the gateway endpoint's driver), or, with no
     * gateway at all, the first bridge endpoint.
     */
    static Endpoint ports(Container c) {
        Endpoint gw = select(c);
        if (gw != null) {
            return gw.network().driver() == Network.Driver.BRIDGE ? gw : null;
        }
        return c.endpoints().values().stream()
                .filter(e -> e.ifname() != null && e.network().driver() == Network.Driver.BRIDGE).findFirst().orElse(null);
    }
}
