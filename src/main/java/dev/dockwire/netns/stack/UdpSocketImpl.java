package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** A UDP socket of an emulated namespace. */
final class UdpSocketImpl implements UdpSocket {
    private final Udp udp;
    private final IpLayer stack;
    private int localAddr;
    private int localPort;
    private int peerAddr;
    private int peerPort;
    /** The source address connect chose for an unbound address (ip4_datagram_connect's inet_saddr). */
    private int connectedSrc;
    private boolean bound;
    private boolean closed;
    /** The next socket bound to the same port on another address (Udp's per-port chain). */
    UdpSocketImpl nextOnPort;
    private Receiver receiver = (s, a, p, d) -> { };
    private Consumer<SocketError> errorHandler = e -> { };
    private IcmpErrorHandler icmpErrors;
    private int ttl;
    /** The receive queue while the process does not read, or null when it reads each datagram as it comes. */
    private UdpReceiveQueue held;

    UdpSocketImpl(Udp udp) {
        this.udp = udp;
        this.stack = udp.stack();
    }

    @Override
    public void bind(int addr, int port) {
        if (bound) {
            throw new SocketException(SocketError.EADDRINUSE);
        }
        udp.bind(this, addr, port);
    }

    void bound(int addr, int port) {
        this.localAddr = addr;
        this.localPort = port;
        this.bound = true;
    }

    @Override
    public void connect(int addr, int port) {
        if (!bound) {
            bind(0, 0);
        }
        this.peerAddr = addr;
        this.peerPort = port;
        this.connectedSrc = localAddr != 0 ? localAddr : stack.sourceAddressFor(addr);
    }

    @Override
    public int localAddress() {
        return localAddr;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public void send(int dstAddr, int dstPort, ByteBuf data) {
        if (closed) {
            throw new IllegalStateException("socket closed");
        }
        if (!bound) {
            bind(0, 0);
        }
        // udp_sendmsg: one route lookup (ip_route_output_flow) gives the source address and the
        // device the datagram is built for and leaves by.
        Route rt = stack.routeOutput(dstAddr);
        int src = localAddr != 0 ? localAddr
                : connectedSrc != 0 && dstAddr == peerAddr ? connectedSrc : stack.sourceAddress(rt, dstAddr);
        if (src == 0 || rt == null) {
            stack.counters().outNoRoutes++; // udp_sendmsg: ip_route_output_flow's ENETUNREACH
            throw new SocketException(SocketError.ENETUNREACH);
        }
        int len = data.readableBytes();
        ByteBuf packet = Frames.allocate(UdpPacket.HEADER_LENGTH + len);
        packet.writerIndex(packet.readerIndex() + UdpPacket.HEADER_LENGTH);
        packet.writeBytes(data, data.readerIndex(), len);
        udp.send(src, localPort, dstAddr, dstPort, packet, ttl > 0 ? ttl : stack.defaultTtl(), rt);
    }

    @Override
    public void send(ByteBuf data) {
        if (peerPort == 0) {
            throw new IllegalStateException("socket is not connected");
        }
        send(peerAddr, peerPort, data);
    }

    @Override
    public void onReceive(Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        this.errorHandler = handler;
    }

    @Override
    public void ttl(int ttl) {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("IP_TTL " + ttl); // EINVAL
        }
        this.ttl = ttl;
    }

    @Override
    public void onIcmpError(IcmpErrorHandler handler) {
        this.icmpErrors = handler;
    }

    /** IP_RECVERR is set: errors reach the socket whether it is connected or not (ip_icmp_error). */
    boolean recvErr() {
        return icmpErrors != null;
    }

    void deliverIcmpError(int reporter, int ttl, int type, int code, int dst, int dstPort) {
        icmpErrors.onIcmpError(reporter, ttl, type, code, dst, dstPort);
    }

    /** A connected socket only takes datagrams from its peer. */
    int peerAddress() {
        return peerAddr;
    }

    int peerPort() {
        return peerPort;
    }

    boolean accepts(int src, int srcPort) {
        return peerPort == 0 || (src == peerAddr && srcPort == peerPort);
    }

    boolean isConnectedTo(int addr, int port) {
        return peerPort != 0 && peerAddr == addr && peerPort == port;
    }

    void deliver(int src, int srcPort, ByteBuf data) {
        receiver.onDatagram(this, src, srcPort, data);
    }

    /** Whether datagrams wait in the receive queue ({@link #pauseReading}) rather than reach the receiver. */
    boolean held() {
        return held != null;
    }

    /** Queues {@code data} while the process is frozen; false when it does not fit the receive buffer. */
    boolean hold(int src, int srcPort, ByteBuf data) {
        return held.offer(src, srcPort, data);
    }

    @Override
    public void pauseReading() {
        if (held == null && !closed) {
            held = new UdpReceiveQueue();
        }
    }

    @Override
    public void resumeReading() {
        UdpReceiveQueue q = held;
        held = null;
        // The receiver may pause again (or close) as it reads: then the rest stays queued.
        while (q != null && held == null && !closed && !q.isEmpty()) {
            q.deliverOldest(this, receiver);
        }
        if (q != null && held != null) {
            held = q;
        } else if (q != null) {
            q.purge();
        }
    }

    void deliverError(SocketError error) {
        errorHandler.accept(error);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (held != null) {
                held.purge();
                held = null;
            }
            if (bound) {
                udp.unbind(this);
            }
        }
    }
}
