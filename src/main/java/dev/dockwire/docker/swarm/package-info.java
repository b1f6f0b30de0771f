/**
 * A swarm as its managers' store holds it: nodes, join tokens, the swarm-scoped overlay networks
 * with their VNIs and peers, and replicated services placed as tasks on the nodes.
 *
 * <p>Follows swarmkit (the raft store, the allocator's global IPAM and VNIs, the spread
 * scheduler) and libnetwork's networkdb as far as peers go. Reaches each node's engine through
 * {@link dev.dockwire.docker.swarm.Swarm.Member}, so it depends on {@code docker},
 * {@code docker.ipam}, {@code sim} and {@code wire}, not on {@code docker.engine}.
 */
package dev.dockwire.docker.swarm;
