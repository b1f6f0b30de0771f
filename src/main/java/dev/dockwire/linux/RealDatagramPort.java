package dev.dockwire.linux;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * One real UDP port, bound in the current namespace or a named one, for an emulated device that
 * sends and receives whole datagrams through the host's kernel: the underlay of a VTEP whose
 * peers run in other processes or are real Linux vxlan devices. Its own Netty I/O thread reads
 * datagrams and hands each to the emulation's {@link EventLoop} with {@link EventLoop#post}, so
 * the receiver runs on the loop's thread; the loop must pace by the wall clock. What waits for
 * the loop is bounded as a socket's receive buffer ({@link ReceiveBudget}): a flood of datagrams
 * faster than the loop is dropped past 212992 bytes instead of filling the heap.
 */
public final class RealDatagramPort implements AutoCloseable {
    /** Where received datagrams go, on the loop's thread; {@code payload} is released after the call. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(int srcIp, int srcPort, ByteBuf payload);
    }

    private final NioEventLoopGroup io = new NioEventLoopGroup(1);
    private final NioDatagramChannel channel;
    private final EventLoop loop;
    private final ReceiveBudget budget = new ReceiveBudget();
    private volatile boolean closed;
    private long sent;
    private long received;

    private RealDatagramPort(String netns, int addr, int port, EventLoop loop, Receiver receiver) {
        if (loop.pacing() != Pacing.WALL) {
            io.shutdownGracefully();
            throw new IllegalArgumentException("a real UDP port needs an event loop paced by the wall clock (Pacing.WALL)");
        }
        this.loop = loop;
        try {
            channel = netns == null ? new NioDatagramChannel(InternetProtocolFamily.IPv4)
                    : Namespaces.call(netns, () -> new NioDatagramChannel(InternetProtocolFamily.IPv4));
            channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(65536));
            channel.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>(false) {
                @Override
                protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                    int bytes = p.content().readableBytes();
                    if (!budget.take(bytes)) {
                        p.release(); // the receive buffer is full: dropped, as the kernel drops it
                        return;
                    }
                    loop.post(() -> {
                        try {
                            if (!closed) {
                                received++;
                                receiver.onDatagram(SocketErrors.bits(p.sender()), SocketErrors.port(p.sender()), p.content());
                            }
                        } finally {
                            budget.give(bytes);
                            p.release();
                        }
                    });
                }
            });
            io.register(channel).syncUninterruptibly();
            SocketErrors.await(channel.bind(SocketErrors.address(addr, port)));
        } catch (RuntimeException e) {
            io.shutdownGracefully();
            throw e;
        }
    }

    /**
     * Binds {@code addr:port} (0 = any) in namespace {@code netns} (null: the process's own) and
     * delivers what arrives to {@code receiver} on {@code loop}. Fails like {@code bind(2)}
     * ({@code Address already in use}, ...).
     */
    public static RealDatagramPort bind(String netns, int addr, int port, EventLoop loop, Receiver receiver) {
        return new RealDatagramPort(netns, addr, port, loop, receiver);
    }

    /** The bound address. */
    public int localAddress() {
        return SocketErrors.bits(channel.localAddress());
    }

    public int localPort() {
        return SocketErrors.port(channel.localAddress());
    }

    /**
     * Sends {@code payload}'s readable bytes as one datagram to {@code dstIp:dstPort} without
     * waiting for the write; takes ownership (Netty releases it once written).
     */
    public void send(int dstIp, int dstPort, ByteBuf payload) {
        if (closed) {
            payload.release();
            return;
        }
        sent++;
        channel.writeAndFlush(new DatagramPacket(payload, SocketErrors.address(dstIp, dstPort)), channel.voidPromise());
    }

    /** Bytes read from the kernel and waiting for the loop. */
    public int queued() {
        return budget.queued();
    }

    /** Datagrams dropped because {@link #queued} was at the receive buffer's size. */
    public long dropped() {
        return budget.dropped();
    }

    /** Datagrams handed to the kernel, and received (loop thread). */
    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.close().awaitUninterruptibly();
        io.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
