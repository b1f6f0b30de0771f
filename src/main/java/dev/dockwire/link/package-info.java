/**
 * Layer 2 devices: {@link dev.dockwire.link.NetDevice} and its kinds (veth, bridge with its FDB
 * and ports, macvlan, 802.1Q vlan, vxlan, dummy, loopback), the per-CPU-like backlog that hands
 * frames between them (net/core/dev.c's process_backlog), and the frame path's hooks (rx_handler,
 * the bridge's netfilter hook) as narrow interfaces. Each device follows its kernel driver
 * (drivers/net/veth.c, net/bridge/, drivers/net/macvlan.c, net/8021q/, drivers/net/vxlan/); the
 * forwarding path allocates nothing.
 *
 * <p>Depends on {@code sim} and {@code wire} only; namespaces and stacks above attach through
 * {@code RxHandler} and {@code UdpTunnel}.
 */
package dev.dockwire.link;
