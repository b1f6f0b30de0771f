package dev.dockwire.bench;

import dev.dockwire.link.Bridge;
import dev.dockwire.testing.TestNet;

/**
 * The path the bridged benchmark and the allocation test drive: a UDP socket in namespace
 * {@code a} sends 18-byte datagrams (60-byte Ethernet frames, like the kernel baseline's) through
 * veth → bridge → veth to a socket in namespace {@code b}, which counts them.
 */
public final class BridgedUdpPath extends UdpPath {
    public final TestNet net;
    public final Bridge bridge;

    public BridgedUdpPath() {
        net = new TestNet(1);
        bridge = net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        // The first datagrams resolve ARP and teach the bridge both MACs before measuring.
        connect(net.loop(), net.ns("a").sockets(), net.ns("b").sockets(), TestNet.ip("10.0.0.3"));
    }
}
