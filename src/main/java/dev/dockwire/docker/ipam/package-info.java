/**
 * IP address management for Docker networks: a network's pool of addresses and the search for a
 * free default pool, as Guava range sets of IPv4 addresses.
 *
 * <p>Follows libnetwork's {@code ipamapi} (RequestPool, RequestAddress, ReleaseAddress and its
 * errors) and {@code ipams/defaultipam}, {@code ipamutils} (the local and swarm default pools).
 * Depends on {@code wire} and Guava only; the daemon's wording of its errors is the caller's.
 */
package dev.dockwire.docker.ipam;
