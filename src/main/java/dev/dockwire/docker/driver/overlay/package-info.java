/**
 * The overlay network driver on one node: per network a sandbox namespace with a bridge and a
 * VXLAN device, per endpoint a veth into it, and the peers every node programs (neighbour and
 * FDB entries) as the control plane announces them.
 *
 * <p>Follows libnetwork's {@code drivers/overlay} (ov_network.go, joinleave.go, peerdb.go) and
 * {@code osl} naming. Learns VNIs and peers from {@code docker.swarm}; depends on {@code docker},
 * {@code docker.driver}, {@code docker.swarm}, {@code kernel}, {@code sim} and {@code wire}.
 */
package dev.dockwire.docker.driver.overlay;
