/**
 * The macvlan network driver: a parent link per network (an 802.1Q sub-interface or a dummy when
 * the driver makes it), a macvlan per endpoint.
 *
 * <p>Follows libnetwork's {@code drivers/macvlan} (macvlan_network.go, macvlan_joinleave.go) and
 * its error texts. Depends on {@code docker}, {@code docker.driver}, {@code kernel}, {@code sim}
 * and {@code wire}.
 */
package dev.dockwire.docker.driver.macvlan;
