package dev.dockwire.netns.stack;

import dev.dockwire.link.UdpTunnel;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IpProtocol;
import io.netty.buffer.ByteBuf;

/**
 * A namespace's side of its UDP tunnels (net/ipv4/udp_tunnel_core.c): tunnel ports bound in its
 * UDP demux ({@code setup_udp_tunnel_sock}: datagrams go to the receiver, {@code encap_rcv}) and
 * datagrams a driver encapsulated sent as {@code udp_tunnel_xmit_skb} sends them, by the route of
 * their remote looked up once and remembered ({@code dst_cache_get_ip4}, as each vxlan_rdst keeps
 * its own) while the FIB's generation, the namespace's addresses and the route's device hold —
 * then through the IPv4 output like any local packet (LOCAL_OUT, POST_ROUTING, the neighbour).
 */
final class UdpTunnelSocket implements UdpTunnel {
    private final Ipv4Stack stack;
    /** The routes of the remotes sent to, direct-mapped; made by the first datagram. */
    private InputRouteCache routes;

    UdpTunnelSocket(Ipv4Stack stack) {
        this.stack = stack;
    }

    @Override
    public boolean open(int port, UdpTunnel.Receiver receiver) {
        return stack.udp.openTunnel(port, receiver);
    }

    @Override
    public void close(int port) {
        stack.udp.closeTunnel(port);
    }

    @Override
    public int sourceAddressFor(int dst) {
        return stack.sourceAddressFor(dst);
    }

    @Override
    public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        try {
            stack.output(datagram, tos, src, dst, IpProtocol.UDP, ttl,
                    df ? IpLayer.PMTUDISC_DO : IpLayer.PMTUDISC_DONT, route(dst));
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    /** The output route towards {@code dst}: remembered unless it is local (lo's route, looked up every time). */
    private Route route(int dst) {
        StackNet ns = stack.ns;
        Fib fib = ns.fib();
        InputRouteCache c = routes;
        Route r = c == null ? null : c.get(dst, fib.generation(), ns.addressArray());
        if (r != null) {
            return r;
        }
        r = stack.routeOutput(dst);
        if (r != null && (dst >>> 24) != 127 && !ns.isLocal(dst) && fib.lastLookupCacheable()) {
            if (c == null) {
                c = routes = new InputRouteCache();
            }
            c.put(dst, r, fib.generation(), ns.addressArray());
        }
        return r;
    }
}
