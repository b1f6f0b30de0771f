package dev.dockwire.linux;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;

/**
 * A UDP socket in a real namespace; datagrams and ICMP errors arrive on the emulation's loop, at
 * most a receive buffer's worth waiting for it ({@link ReceiveBudget}): a burst of queries at the
 * resolver of {@code up --real --serve} is dropped past it as the kernel would, not queued in the heap.
 * Binds, connects and sends are made on the caller's thread, straight on the JDK channel (non-blocking, as
 * Netty set it): sendto(2)'s errors are the caller's at once, without the round trip to the I/O
 * thread and back that bounded a resolver under a burst to a few hundred replies a second; a full
 * send buffer drops the datagram, as a non-blocking sendto's EAGAIN does.
 */
final class RealUdpSocket implements UdpSocket {
    private final RealSockets sockets;
    private final NioDatagramChannel channel;
    /** The JDK channel under {@link #channel}: Netty reads it on its I/O thread, {@link #send} writes it here. */
    private final DatagramChannel raw;
    private final ReceiveBudget budget = new ReceiveBudget();
    private Receiver receiver;
    private Consumer<SocketError> errors;
    private boolean bound;
    private boolean closed;
    /** Datagrams read while the process is frozen ({@link #pauseReading}), or null while it reads. */
    private java.util.ArrayDeque<DatagramPacket> held;

    /** A socket on {@code raw}, a JDK channel opened in the namespace. */
    RealUdpSocket(RealSockets sockets, DatagramChannel raw) {
        this.sockets = sockets;
        this.raw = raw;
        this.channel = sockets.track(new NioDatagramChannel(raw));
        // Up to Netty's 16 datagrams per wake-up: a datagram smaller than the buffer does not mean the queue is empty.
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(65536).respectMaybeMoreData(false));
        channel.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>(false) {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                if (!budget.take(p.content().readableBytes())) {
                    p.release(); // past the receive buffer: dropped, as the kernel drops it
                    return;
                }
                sockets.loop().post(() -> deliver(p));
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                SocketError e = SocketErrors.of(cause);
                sockets.loop().post(() -> {
                    if (!closed && errors != null) {
                        errors.accept(e);
                    }
                });
            }
        });
        sockets.register(channel);
    }

    private void deliver(DatagramPacket p) {
        if (held != null && !closed) {
            held.add(p); // its bytes stay taken from the budget: the queue is bounded as the kernel's is
            return;
        }
        int bytes = p.content().readableBytes();
        try {
            if (!closed && receiver != null) {
                receiver.onDatagram(this, SocketErrors.bits(p.sender()), SocketErrors.port(p.sender()), p.content());
            }
        } finally {
            budget.give(bytes);
            p.release();
        }
    }

    @Override
    public void bind(int addr, int port) {
        sockets.ephemeral(port);
        try {
            raw.bind(SocketErrors.address(addr, port));
        } catch (IOException e) {
            throw new SocketException(SocketErrors.of(e));
        }
        bound = true;
        channel.read(); // bound outside Netty, which reads once told to, as its own bind's channelActive would
    }

    @Override
    public void connect(int addr, int port) {
        if (!bound) {
            bind(0, 0);
        }
        try {
            raw.connect(SocketErrors.address(addr, port));
        } catch (IOException e) {
            throw new SocketException(SocketErrors.of(e));
        }
    }

    @Override
    public int localAddress() {
        return SocketErrors.bits(channel.localAddress());
    }

    @Override
    public int localPort() {
        return SocketErrors.port(channel.localAddress());
    }

    @Override
    public void send(int dstAddr, int dstPort, ByteBuf data) {
        if (!bound) {
            bind(0, 0);
        }
        transmit(data, SocketErrors.address(dstAddr, dstPort));
    }

    @Override
    public void send(ByteBuf data) {
        transmit(data, null);
    }

    /** sendto(2) to {@code to}, or send(2) on the connected socket when null; 0 bytes sent is EAGAIN's drop. */
    private void transmit(ByteBuf data, InetSocketAddress to) {
        ByteBuffer b = data.nioBuffer(data.readerIndex(), data.readableBytes());
        try {
            if (to == null) {
                raw.write(b);
            } else {
                raw.send(b, to);
            }
        } catch (IOException e) {
            throw new SocketException(SocketErrors.of(e));
        }
    }

    @Override
    public void onReceive(Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        this.errors = handler;
    }

    @Override
    public void pauseReading() {
        if (held == null) {
            held = new java.util.ArrayDeque<>();
        }
    }

    @Override
    public void resumeReading() {
        java.util.ArrayDeque<DatagramPacket> q = held;
        held = null;
        while (q != null && held == null && !q.isEmpty()) {
            deliver(q.poll());
        }
        if (q != null && held != null) {
            q.addAll(held);
            held = q;
        }
    }

    @Override
    public void close() {
        closed = true;
        channel.close();
        java.util.ArrayDeque<DatagramPacket> q = held;
        held = null;
        while (q != null && !q.isEmpty()) {
            deliver(q.poll()); // closed: freed, its bytes given back
        }
    }
}
