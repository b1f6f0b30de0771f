package dev.dockwire.bench;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * What every benchmarked UDP path shares: a socket (port 40000) sending 18-byte datagrams (60-byte
 * Ethernet frames, like the kernel baseline's) to port 9 of a socket that counts them, and the
 * loop run until the frames are delivered. A subclass builds its path and then calls {@link #connect}.
 * The sender is connected, as the baseline's {@code udpblast} connects before its {@code sendmmsg}
 * loop: udp_sendmsg then takes the source address the connect chose (inet_saddr) rather than
 * selecting one per datagram.
 */
public abstract class UdpPath {
    private final ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
    private EventLoop loop;
    private UdpSocket sender;
    private UdpSocket sink;
    public long received;

    /**
     * Opens the counting socket in {@code to} and the sender in {@code from}, connected to it, then
     * sends two datagrams (ARP, FDB learning).
     */
    protected final void connect(EventLoop loop, Sockets from, Sockets to, int dstIp) {
        this.loop = loop;
        sink = to.openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> received++);
        sender = from.openUdp();
        sender.bind(0, 40000);
        sender.connect(dstIp, 9);
        sendOne();
        sendOne();
    }

    /**
     * The receiving side sends one datagram back (from the counting socket to the sender's port at
     * {@code srcIp}, which its connected sender accepts), as any request/response flow does: a bridge on the way learns
     * the receiver's address, so that it forwards the measured frames to their port rather than
     * flooding them as unknown unicast (br_handle_frame_finish), the case of a stream that never
     * hears back.
     */
    protected final void answerOnce(int srcIp) {
        sink.send(srcIp, 40000, payload);
        loop.drain();
    }

    /** Sends one datagram and runs the loop until it has been delivered (or dropped). */
    public void sendOne() {
        sender.send(payload);
        loop.drain();
    }

    /**
     * Sends {@code n} datagrams, then runs the loop until all are delivered: the emulator's
     * counterpart of the baseline's {@code sendmmsg} batches (n must stay under the backlog's 1000).
     */
    public void sendBatch(int n) {
        for (int i = 0; i < n; i++) {
            sender.send(payload);
        }
        loop.drain();
    }

    public void close() {
        payload.release();
    }
}
