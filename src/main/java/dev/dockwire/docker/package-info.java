/**
 * The Docker engine's model: networks, endpoints, containers, the requests that create them, the
 * engine profile (which Docker release is emulated) and the engine's errors and command output.
 *
 * <p>Follows moby's API types (api/types/network, api/types/container) and libnetwork's
 * network and endpoint. Bottom to top the docker floor is {@code docker.ipam} (a network holds
 * its address pool), this package, {@code docker.driver}, {@code docker.swarm}, the drivers
 * ({@code driver.bridge}, {@code driver.macvlan}, {@code driver.overlay}), {@code docker.engine},
 * {@code docker.cli}, {@code docker.compose}; this package may use {@code docker.ipam},
 * {@code wire} and {@code sim} only.
 * Nothing under {@code docker} imports {@code tools}, {@code link}, {@code netns},
 * {@code netfilter} or {@code capture}: the kernel is reached through {@code kernel} alone.
 */
package dev.dockwire.docker;
