package dev.dockwire.docker.driver;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;

/**
 * A network driver as libnetwork's {@code driverapi.Driver} defines one (libnetwork/driverapi/driverapi.go):
 * what a driver builds on this host for a network and for each endpoint, reading its own options
 * ({@code -o ...}) from the network. The engine keeps the registry, IPAM and the sandboxes and
 * calls these in libnetwork's order; every method leaves the host as it was when it fails.
 */
public interface NetworkDriver {
    /** {@code Type()}: the driver's name as {@code docker network ls} shows it. */
    Network.Driver type();

    /** {@code CreateNetwork}: checks the driver's options and builds what the network needs on this host. */
    void createNetwork(Network n);

    /** {@code DeleteNetwork}: removes what {@link #createNetwork} built. */
    void deleteNetwork(Network n);

    /**
     * {@code CreateEndpoint} and {@code Join}: the endpoint's interface, made by the driver, put
     * into {@code sandbox} as {@code ifname} with {@code address}, and up. Returns the endpoint as
     * joined (its interface names, address and MAC); the sandbox adds the routes.
     */
    Endpoint join(String containerId, Endpoint e, Ipv4Address address, String sandbox, String ifname);

    /** {@code Leave} and {@code DeleteEndpoint}: the joined endpoint's interface goes from {@code sandbox}. */
    void leave(String containerId, Endpoint e, String sandbox);

    /** {@code ProgramExternalConnectivity}: publishes {@code c}'s ports through endpoint {@code e}. */
    default void programExternalConnectivity(Container c, Endpoint e) {
    }

    /** {@code RevokeExternalConnectivity}: withdraws what {@link #programExternalConnectivity} set up for {@code c}. */
    default void revokeExternalConnectivity(Container c) {
    }
}
