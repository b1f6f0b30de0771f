/**
 * The network driver interface ({@link dev.dockwire.docker.driver.NetworkDriver}) and the
 * drivers that build nothing: host and null.
 *
 * <p>Follows libnetwork's {@code driverapi.Driver} (CreateNetwork, DeleteNetwork,
 * CreateEndpoint/Join, Leave/DeleteEndpoint, ProgramExternalConnectivity) and
 * {@code drivers/host}, {@code drivers/null}. The drivers that build something live in
 * {@code driver.bridge}, {@code driver.macvlan} and {@code driver.overlay}; drivers depend on the
 * model ({@code docker}), {@code kernel}, {@code sim} and {@code wire}, never on the engine.
 */
package dev.dockwire.docker.driver;
