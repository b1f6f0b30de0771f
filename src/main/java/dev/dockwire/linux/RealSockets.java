package dev.dockwire.linux;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The socket API of a real namespace: kernel sockets made by Netty NIO channels constructed on
 * {@link Namespaces}' thread while it is inside the namespace (a socket belongs for good to the
 * namespace it was created in), served by Netty's I/O threads, with every callback handed to the
 * emulation's {@link EventLoop} through {@link EventLoop#post}, so programs run on the loop's
 * thread as they do on emulated sockets. The loop must pace by the wall clock.
 */
final class RealSockets implements Sockets, AutoCloseable {
    /** How many ports net.ipv4.ip_local_port_range (32768-60999) holds. */
    private static final int EPHEMERAL_PORTS = 60999 - 32768 + 1;
    private final String netns;
    private final EventLoop loop;
    private final EventLoopGroup io;
    private final Set<Channel> open = new LinkedHashSet<>();
    private final List<RealPingSocket> pings = new ArrayList<>();
    private final SeededRandom random;

    /** {@code random}: the emulation's stream, whose draws the emulated stack would make here (null: none). */
    RealSockets(String netns, EventLoop loop, EventLoopGroup io, SeededRandom random) {
        if (loop.pacing() != Pacing.WALL) {
            throw new IllegalArgumentException("real sockets need an event loop paced by the wall clock (Pacing.WALL)");
        }
        this.netns = netns;
        this.loop = loop;
        this.io = io;
        this.random = random;
    }

    /**
     * A bind to {@code port} 0: the emulated stack draws the ephemeral port's offset in
     * ip_local_port_range (32768-60999) here. The kernel picks its own; drawing as well keeps the
     * seeded stream, and so the ids and MACs made after a program starts (the embedded DNS
     * resolver's sockets), in step with the emulator's.
     */
    void ephemeral(int port) {
        if (port == 0 && random != null) {
            random.nextInt(EPHEMERAL_PORTS);
        }
    }

    EventLoop loop() {
        return loop;
    }

    /** Makes {@code channel} inside the namespace and registers it with the I/O threads. */
    <C extends Channel> C make(Callable<C> channel) {
        return track(Namespaces.call(netns, channel));
    }

    /** Remembers {@code c} until it closes, so that {@link #close} can close it. */
    <C extends Channel> C track(C c) {
        synchronized (open) {
            open.add(c);
        }
        c.closeFuture().addListener(f -> {
            synchronized (open) {
                open.remove(c);
            }
        });
        return c;
    }

    void register(Channel c) {
        io.register(c).syncUninterruptibly();
    }

    EventLoopGroup io() {
        return io;
    }

    @Override
    public UdpSocket openUdp() {
        return new RealUdpSocket(this, Namespaces.call(netns, () -> DatagramChannel.open(StandardProtocolFamily.INET)));
    }

    @Override
    public PingSocket openPing() {
        RealPingSocket s = new RealPingSocket(netns, loop);
        synchronized (open) {
            pings.removeIf(RealPingSocket::isClosed);
            pings.add(s);
        }
        return s;
    }

    /** A ping socket: dockwire runs as root, so the kernel would have allowed the raw one, whose echoes travel alike. */
    @Override
    public PingSocket openRawIcmp() {
        return openPing();
    }

    @Override
    public TcpSocket openTcp() {
        NioSocketChannel c = make(() -> new NioSocketChannel(SelectorProvider.provider()
                .openSocketChannel(StandardProtocolFamily.INET)));
        RealTcpSocket s = new RealTcpSocket(this, c, false);
        register(c);
        return s;
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        ephemeral(port);
        // AF_INET, as the emulated stack's: Java's default channel is IPv6's, bound v4-mapped and listed in tcp6.
        NioServerSocketChannel c = make(() -> new NioServerSocketChannel(
                SelectorProvider.provider().openServerSocketChannel(StandardProtocolFamily.INET)));
        return RealTcpListener.listen(this, c, SocketErrors.address(addr, port), backlog);
    }

    /** An AF_INET6 channel bound to {@code [::]:port}; Linux leaves IPV6_V6ONLY off (net.ipv6.bindv6only=0). */
    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        ephemeral(port);
        NioServerSocketChannel c = make(() -> new NioServerSocketChannel(
                SelectorProvider.provider().openServerSocketChannel(StandardProtocolFamily.INET6)));
        return RealTcpListener.listen(this, c, new InetSocketAddress("::", port), backlog);
    }

    /** The kernel's choice, as {@code ip route get}: the local address of a UDP socket connected to {@code dst}. */
    @Override
    public int sourceAddressFor(int dst) {
        return Namespaces.call(netns, () -> {
            try (DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET)) {
                c.connect(SocketErrors.address(dst, 9));
                return SocketErrors.bits((InetSocketAddress) c.getLocalAddress());
            } catch (IOException unreachable) {
                return 0;
            }
        });
    }

    /** Closes every socket still open here (a socket pins its namespace, and with it the links). */
    @Override
    public void close() {
        List<Channel> all;
        List<RealPingSocket> allPings;
        synchronized (open) {
            all = new ArrayList<>(open);
            allPings = new ArrayList<>(pings);
            pings.clear();
        }
        for (Channel c : all) {
            c.close().awaitUninterruptibly();
        }
        allPings.forEach(RealPingSocket::close);
    }
}
