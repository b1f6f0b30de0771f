package dev.dockwire.linux;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.function.Consumer;

/**
 * A UDP socket in a real namespace; datagrams and ICMP errors arrive on the emulation's loop, at
 * most a receive buffer's worth waiting for it ({@link ReceiveBudget}): a burst of queries at the
 * resolver of {@code up --real --serve} is dropped past it as the kernel would, not queued in the heap.
 */
final class RealUdpSocket implements UdpSocket {
    private final RealSockets sockets;
    private final NioDatagramChannel channel;
    private final ReceiveBudget budget = new ReceiveBudget();
    private Receiver receiver;
    private Consumer<SocketError> errors;
    private boolean bound;
    private boolean closed;

    RealUdpSocket(RealSockets sockets, NioDatagramChannel channel) {
        this.sockets = sockets;
        this.channel = channel;
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(65536));
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
        SocketErrors.await(channel.bind(SocketErrors.address(addr, port)));
        bound = true;
    }

    @Override
    public void connect(int addr, int port) {
        if (!bound) {
            bind(0, 0);
        }
        SocketErrors.await(channel.connect(SocketErrors.address(addr, port)));
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
        ByteBuf copy = channel.alloc().buffer(data.readableBytes()).writeBytes(data, data.readerIndex(), data.readableBytes());
        SocketErrors.await(channel.writeAndFlush(new DatagramPacket(copy, SocketErrors.address(dstAddr, dstPort))));
    }

    @Override
    public void send(ByteBuf data) {
        ByteBuf copy = channel.alloc().buffer(data.readableBytes()).writeBytes(data, data.readerIndex(), data.readableBytes());
        SocketErrors.await(channel.writeAndFlush(copy));
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
    public void close() {
        closed = true;
        channel.close();
    }
}
