package dev.dockwire.app.bin.ping;

import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.VirtualProcess;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * One ping process on a virtual clock, its network a stand-in: /etc/hosts knows {@code web}
 * (172.18.0.2), the name server never answers, and each echo request is answered after {@link #rtt}
 * or not at all ({@link Peer}).
 */
final class PingRig extends VirtualProcess implements Sockets, PingSocket {
    /** What the network does with a request. */
    enum Peer { REPLIES, SILENT, HOST_UNREACHABLE, NO_ROUTE }

    Peer peer = Peer.REPLIES;
    long rtt = 147_000;
    int sentRequests;
    private ReplyHandler replies;
    private ErrorHandler errors;
    private boolean closed;

    PingRig(Peer peer) {
        this.peer = peer;
    }

    /** Runs {@code program} with {@code args} until it exits (or nothing is left to run). */
    PingRig run(Program program, String... args) {
        program.start(this, List.of(args));
        loop.runUntil(() -> status != null);
        return this;
    }

    /** Sends SIGINT at {@code atNanos}, as Ctrl-C or {@code docker kill -s INT} would. */
    PingRig interruptAt(long atNanos) {
        kill(atNanos, Signal.SIGINT, false);
        return this;
    }

    @Override
    public Sockets sockets() {
        return this;
    }




    @Override
    public String readFile(String path) {
        return switch (path) {
            case "/etc/hosts" -> "127.0.0.1\tlocalhost\n172.18.0.2\tweb\n";
            case "/etc/resolv.conf" -> "nameserver 127.0.0.11\noptions ndots:0\n";
            default -> null;
        };
    }

    @Override
    public void writeFile(String path, String content) {
        throw new UnsupportedOperationException(path);
    }


    @Override
    public String hostname() {
        return "c";
    }




    @Override
    public void daemonize() {
        throw new UnsupportedOperationException();
    }



    // Sockets: a ping socket to the stand-in network, and a UDP socket to a name server that never answers.

    @Override
    public UdpSocket openUdp() {
        return new SilentUdp();
    }

    @Override
    public PingSocket openPing() {
        return this;
    }

    @Override
    public PingSocket openRawIcmp() {
        return this;
    }

    @Override
    public TcpSocket openTcp() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int sourceAddressFor(int dst) {
        return peer == Peer.NO_ROUTE ? 0 : Ipv4Address.tryParse("172.18.0.3");
    }

    // PingSocket

    @Override
    public int ident() {
        return 7;
    }

    @Override
    public void pmtuDiscover(PmtuDisc mode) {
    }

    @Override
    public void send(int dstAddr, int sequence, ByteBuf data, int ttl) {
        if (peer == Peer.NO_ROUTE) {
            throw new SocketException(SocketError.ENETUNREACH);
        }
        sentRequests++;
        byte[] payload = new byte[data.readableBytes()];
        data.getBytes(data.readerIndex(), payload);
        switch (peer) {
            case REPLIES -> loop.schedule(rtt, () -> {
                if (!closed) {
                    replies.onReply(dstAddr, sequence, 64, io.netty.buffer.Unpooled.wrappedBuffer(payload));
                }
            });
            case HOST_UNREACHABLE -> loop.schedule(3_000_000_000L, () -> {
                if (!closed) {
                    errors.onError(Ipv4Address.tryParse("172.18.0.3"), sequence, 3, 1, 0);
                }
            });
            default -> { }
        }
    }

    @Override
    public void onReply(ReplyHandler handler) {
        this.replies = handler;
    }

    @Override
    public void onError(ErrorHandler handler) {
        this.errors = handler;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A UDP socket whose datagrams go nowhere. */
    private static final class SilentUdp implements UdpSocket {
        @Override
        public void bind(int addr, int port) {
        }

        @Override
        public void connect(int addr, int port) {
        }

        @Override
        public int localAddress() {
            return 0;
        }

        @Override
        public int localPort() {
            return 40000;
        }

        @Override
        public void send(int dstAddr, int dstPort, ByteBuf data) {
        }

        @Override
        public void send(ByteBuf data) {
        }

        @Override
        public void onReceive(Receiver receiver) {
        }

        @Override
        public void onError(java.util.function.Consumer<SocketError> handler) {
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close() {
        }
    }
}
