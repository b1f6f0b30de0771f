/**
 * The bridge network driver: a Linux bridge per network, a veth pair per endpoint, Docker's
 * iptables rules, and published ports (port allocation, DNAT, docker-proxy).
 *
 * <p>Follows libnetwork's {@code drivers/bridge} (bridge.go, setup_ip_tables.go,
 * port_mapping.go), {@code portallocator} and {@code cmd/docker-proxy}. Programs the host
 * through {@code kernel} (links, addresses, iptables rules) and proxies with {@code socket};
 * depends on {@code docker}, {@code docker.driver}, {@code kernel},
 * {@code socket}, {@code sim} and {@code wire}.
 */
package dev.dockwire.docker.driver.bridge;
