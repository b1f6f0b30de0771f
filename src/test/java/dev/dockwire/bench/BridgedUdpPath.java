package dev.dockwire.bench;

import dev.dockwire.link.Bridge;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The path the bridged benchmark and the allocation test drive: a UDP socket in namespace
 * {@code a} sends 18-byte datagrams (60-byte Ethernet frames, like the kernel baseline's) through
 * veth → bridge → veth to a socket in namespace {@code b}, which counts them.
 */
public final class BridgedUdpPath {
    public final TestNet net;
    public final Bridge bridge;
    private final UdpSocket sender;
    private final ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
    private final int dst;
    public long received;

    public BridgedUdpPath() {
        net = new TestNet(1);
        bridge = net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        UdpSocket sink = net.ns("b").sockets().openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> received++);
        sender = net.ns("a").sockets().openUdp();
        sender.bind(0, 40000);
        dst = TestNet.ip("10.0.0.3");
        // Resolve ARP and learn both MACs before measuring.
        sendOne();
        sendOne();
    }

    /** Sends one datagram and runs the loop until it has been delivered (or dropped). */
    public void sendOne() {
        sender.send(dst, 9, payload);
        net.loop().drain();
    }

    /**
     * Sends {@code n} datagrams, then runs the loop until all are delivered: the emulator's
     * counterpart of the baseline's {@code sendmmsg} batches (n must stay under the backlog's 1000).
     */
    public void sendBatch(int n) {
        for (int i = 0; i < n; i++) {
            sender.send(dst, 9, payload);
        }
        net.loop().drain();
    }

    public void close() {
        payload.release();
    }
}
