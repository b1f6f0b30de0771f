/**
 * The Docker engine of one host: dockerd's containers and their lifecycle, libnetwork's network
 * registry and sandboxes, calling the network drivers through
 * {@link dev.dockwire.docker.driver.NetworkDriver}; the embedded DNS, the default gateway
 * network, swarm membership, and the main processes of the images dockwire models.
 *
 * <p>Follows moby's daemon (create.go, start.go, delete.go, daemon/cluster) and libnetwork's
 * controller.go, sandbox.go, endpoint.go, default_gateway.go and resolver.go. Written against the
 * {@code kernel} seam only; depends on {@code docker}, {@code docker.ipam}, {@code docker.driver.*},
 * {@code docker.swarm}, {@code kernel}, {@code app}, {@code socket}, {@code sim} and {@code wire}.
 */
package dev.dockwire.docker.engine;
