package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.link.FrameSink;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.NetdevFeatures;
import dev.dockwire.netns.Namespace;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TcpChecksums;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpRepr;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The TCP test bench: namespaces {@code a} (10.0.0.2) and {@code b} (10.0.0.3) on bridge br0, a
 * capture of every TCP segment that crosses a's eth0 (both ways, decoded with {@link TcpRepr}),
 * and {@link Peer}s that record what their socket's callbacks were told. Fixture factories build
 * connections in a given state, all on the virtual clock.
 */
final class TcpLab {
    static final int A = TestNet.ip("10.0.0.2");
    static final int B = TestNet.ip("10.0.0.3");
    static final int PORT = 80;
    static final long MS = 1_000_000L;
    static final long SEC = 1_000_000_000L;

    final TestNet net;
    final Namespace a;
    final Namespace b;
    final List<Seg> wire = new ArrayList<>();

    TcpLab() {
        this(7);
    }

    TcpLab(long seed) {
        net = new TestNet(seed);
        net.bridge("br0", "10.0.0.1/24");
        a = net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        b = net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        // ethtool -K eth0 tso off at both ends: the tests read TCP one segment at a time, so
        // super-packets are segmented (Gso) before they reach the taps, as on a NIC's wire.
        for (String n : new String[] {"a", "b"}) {
            NetDevice d = net.dev(n, "eth0");
            d.features(d.features() & ~NetdevFeatures.TSO);
        }
        NetDevice eth0 = net.dev("a", "eth0");
        eth0.wrapEgress(next -> (dev, frame) -> {
            record(frame, true);
            next.accept(dev, frame);
        });
        eth0.wrapIngress(next -> (dev, frame) -> {
            record(frame, false);
            next.accept(dev, frame);
        });
    }

    /**
     * A TCP segment seen at a's eth0: {@code out} is from a; {@code partial} when it crossed
     * CHECKSUM_PARTIAL (a socket's segment, tcp_v4_send_check) rather than summed in full.
     */
    record Seg(long nanos, boolean out, TcpRepr tcp, byte[] options, boolean partial) {
        int seq() {
            return tcp.seq();
        }

        int ack() {
            return tcp.ack();
        }

        int len() {
            return tcp.payload().length;
        }

        boolean has(int flag) {
            return tcp.has(flag);
        }

        boolean is(int flags) {
            return tcp.flags() == flags;
        }

        /** tcpdump's flag letters. */
        String flags() {
            StringBuilder s = new StringBuilder();
            int f = tcp.flags();
            if ((f & TcpSegment.FLAG_FIN) != 0) {
                s.append('F');
            }
            if ((f & TcpSegment.FLAG_SYN) != 0) {
                s.append('S');
            }
            if ((f & TcpSegment.FLAG_RST) != 0) {
                s.append('R');
            }
            if ((f & TcpSegment.FLAG_PSH) != 0) {
                s.append('P');
            }
            if ((f & TcpSegment.FLAG_ACK) != 0) {
                s.append('.');
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return String.format("%.6f %s [%s] seq %s ack %s win %d len %d", nanos / 1e9, out ? "a>b" : "b>a", flags(),
                    Integer.toUnsignedString(seq()), Integer.toUnsignedString(ack()), tcp.window(), len());
        }
    }

    private void record(ByteBuf frame, boolean out) {
        Seg s = decode(frame, out);
        if (s != null) {
            wire.add(s);
        }
    }

    /** The TCP segment in {@code frame}, or null for other frames. */
    Seg decode(ByteBuf frame, boolean out) {
        EthernetFrame eth = new EthernetFrame();
        if (!eth.wrapChecked(frame) || eth.etherType() != EtherType.IPV4) {
            return null;
        }
        Ipv4Packet ip = new Ipv4Packet().wrap(frame, eth.payloadOffset());
        if (ip.protocol() != IpProtocol.TCP) {
            return null;
        }
        int at = ip.payloadOffset();
        int len = ip.payloadLength();
        // A socket's segment crosses CHECKSUM_PARTIAL: checked as what it is, then completed as
        // the receiver's skb_csum_unnecessary takes it; a reset for no socket is summed in full.
        if (!TcpChecksums.validFrame(frame, at, len, ip.src(), ip.dst())) {
            throw new AssertionError("bad TCP checksum on the wire");
        }
        TcpRepr r = TcpRepr.parse(TcpChecksums.completed(frame, at, len, ip.src(), ip.dst()), 0, len, ip.src(), ip.dst());
        if (r == null) {
            throw new AssertionError("bad TCP segment on the wire");
        }
        TcpSegment s = new TcpSegment().wrap(frame, at, len);
        byte[] options = ByteBufUtil.getBytes(frame, s.optionsOffset(), s.optionsLength());
        return new Seg(net.loop().nanos(), out, r, options, Frames.checksumPartial(frame));
    }

    List<Seg> segs(Predicate<Seg> p) {
        return wire.stream().filter(p).toList();
    }

    List<Seg> fromA() {
        return segs(Seg::out);
    }

    List<Seg> fromB() {
        return segs(s -> !s.out());
    }

    String dump() {
        StringBuilder sb = new StringBuilder();
        wire.forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    void run(long nanos) {
        net.loop().runFor(nanos);
    }

    long now() {
        return net.loop().nanos();
    }

    Tcp tcp(Namespace ns) {
        return ns.stack().tcp;
    }

    /**
     * The bridge-side end of a's veth: decorators on its ingress see what a sent after the
     * capture did (a drop there shows up as a segment a sent that b never got), on its egress what
     * goes to a before the capture.
     */
    NetDevice portOfA() {
        return net.host().device("veth0");
    }

    /** Drops the frames from a that {@code drop} selects (after the capture saw them). */
    void dropFromA(Predicate<Seg> drop) {
        portOfA().wrapIngress(next -> (dev, frame) -> {
            Seg s = decode(frame, true);
            if (s != null && drop.test(s)) {
                frame.release();
                return;
            }
            next.accept(dev, frame);
        });
    }

    /**
     * Delays every frame from a by {@code nanos} (after the capture): a wire between the hosts, so
     * that what b sends in the meantime crosses it (back to back on one thread, as on the kernel's,
     * a's segment would be received before b's next call).
     */
    void delayFromA(long nanos) {
        portOfA().wrapIngress(next -> (dev, frame) -> net.loop().schedule(nanos, () -> next.accept(dev, frame)));
    }

    /**
     * Holds back the first frame from a that {@code hold} selects and lets it go after the next
     * {@code after} frames from a (after the capture: a sent in order, b receives out of order).
     */
    void reorderFromA(Predicate<Seg> hold, int after) {
        portOfA().wrapIngress(next -> new FrameSink() {
            ByteBuf held;
            int passed;
            boolean done;

            @Override
            public void accept(NetDevice dev, ByteBuf frame) {
                if (!done && held == null) {
                    Seg s = decode(frame, true);
                    if (s != null && hold.test(s)) {
                        held = frame;
                        return;
                    }
                }
                next.accept(dev, frame);
                if (held != null && ++passed == after) {
                    ByteBuf h = held;
                    held = null;
                    done = true;
                    next.accept(dev, h);
                }
            }
        });
    }

    /** Sends a copy of the first frame from a that {@code dup} selects right after it. */
    void duplicateFromA(Predicate<Seg> dup) {
        portOfA().wrapIngress(next -> new FrameSink() {
            boolean done;

            @Override
            public void accept(NetDevice dev, ByteBuf frame) {
                ByteBuf copy = null;
                if (!done) {
                    Seg s = decode(frame, true);
                    if (s != null && dup.test(s)) {
                        copy = Frames.copy(frame);
                        done = true;
                    }
                }
                next.accept(dev, frame);
                if (copy != null) {
                    next.accept(dev, copy);
                }
            }
        });
    }

    /**
     * Holds every frame to a from {@code from} until {@code until} (lab time) and then delivers
     * them in order: a delay spike on the path back to a.
     */
    void stallToA(long from, long until) {
        portOfA().wrapEgress(next -> new FrameSink() {
            final ArrayList<ByteBuf> held = new ArrayList<>();

            @Override
            public void accept(NetDevice dev, ByteBuf frame) {
                long t = now();
                if (t < from || t >= until) {
                    next.accept(dev, frame);
                    return;
                }
                if (held.isEmpty()) {
                    net.loop().schedule(until - t, () -> {
                        for (ByteBuf f : held) {
                            next.accept(dev, f);
                        }
                        held.clear();
                    });
                }
                held.add(frame);
            }
        });
    }

    /** Drops the frames to a that {@code drop} selects (before the capture sees them). */
    void dropToA(Predicate<Seg> drop) {
        portOfA().wrapEgress(next -> (dev, frame) -> {
            Seg s = decode(frame, false);
            if (s != null && drop.test(s)) {
                frame.release();
                return;
            }
            next.accept(dev, frame);
        });
    }

    /** Sends a forged segment from a's eth0 to b, as if a's stack had sent it (the capture sees it). */
    void injectFromA(TcpRepr r) {
        inject(r, net.dev("a", "eth0"), net.dev("b", "eth0"), A, B);
    }

    /** Sends a forged segment from b's eth0 to a. */
    void injectFromB(TcpRepr r) {
        inject(r, net.dev("b", "eth0"), net.dev("a", "eth0"), B, A);
    }

    private static void inject(TcpRepr r, NetDevice from, NetDevice to, int src, int dst) {
        int tcpLen = r.length();
        int ipLen = Ipv4Packet.MIN_HEADER_LENGTH + tcpLen;
        ByteBuf f = Frames.allocate(EthernetFrame.HEADER_LENGTH + ipLen);
        int at = f.readerIndex();
        f.writerIndex(at + EthernetFrame.HEADER_LENGTH + ipLen);
        new EthernetFrame().wrap(f, at).dst(to.mac()).src(from.mac()).etherType(EtherType.IPV4);
        int ipAt = at + EthernetFrame.HEADER_LENGTH;
        new Ipv4Packet().wrap(f, ipAt).set(0, ipLen, 0, Ipv4Packet.FLAG_DF, 64, IpProtocol.TCP, src, dst).fillChecksum();
        r.emit(f, ipAt + Ipv4Packet.MIN_HEADER_LENGTH, src, dst);
        from.transmit(f);
    }

    // ---- peers ------------------------------------------------------------------------------

    /** Records what one socket is told. */
    static final class Peer {
        final TcpSocket socket;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();
        final List<SocketError> errors = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        boolean eof;
        boolean connected;
        SocketError connectError;
        int writable;

        Peer(TcpSocket socket) {
            this.socket = socket;
            socket.onData(d -> {
                byte[] bytes = ByteBufUtil.getBytes(d);
                in.writeBytes(bytes);
                events.add("data " + bytes.length);
            });
            socket.onEof(() -> {
                eof = true;
                events.add("eof");
            });
            socket.onError(e -> {
                errors.add(e);
                events.add("error " + e);
            });
            socket.onWritable(() -> {
                writable++;
                events.add("writable");
            });
        }

        TcpConnection tcb() {
            return (TcpConnection) socket;
        }

        TcpState state() {
            return tcb().state();
        }

        String text() {
            return in.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] bytes() {
            return in.toByteArray();
        }

        int send(String s) {
            return send(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        int send(byte[] data) {
            ByteBuf b = Unpooled.wrappedBuffer(data);
            try {
                return socket.write(b);
            } finally {
                b.release();
            }
        }
    }

    /** A listener whose accepted sockets become recording peers. */
    static final class Server {
        final TcpListener listener;
        final List<Peer> accepted = new ArrayList<>();

        Server(TcpListener listener) {
            this.listener = listener;
            listener.onAccept(s -> accepted.add(new Peer(s)));
        }

        Peer last() {
            return accepted.get(accepted.size() - 1);
        }

        TcpListenerImpl impl() {
            return (TcpListenerImpl) listener;
        }
    }

    Server listen(Namespace ns, int port, int backlog) {
        return new Server(ns.sockets().listenTcp(0, port, backlog));
    }

    /** Opens a socket in {@code from} and starts connecting to {@code addr:port}. */
    Peer connect(Namespace from, int addr, int port) {
        Peer p = new Peer(from.sockets().openTcp());
        p.socket.connect(addr, port, err -> {
            if (err == null) {
                p.connected = true;
                p.events.add("connected");
            } else {
                p.connectError = err;
                p.events.add("connect failed " + err);
            }
        });
        return p;
    }

    // ---- fixtures ---------------------------------------------------------------------------

    /** A client in a connected to a server in b, both ESTABLISHED, the handshake ACK delivered. */
    record Conn(TcpLab lab, Peer client, Peer server, Server listener) {
    }

    static Conn socketEstablished() {
        return socketEstablished(new TcpLab());
    }

    static Conn socketEstablished(TcpLab lab) {
        Server srv = lab.listen(lab.b, PORT, 16);
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, client.state(), lab.dump());
        assertEquals(1, srv.accepted.size(), lab.dump());
        assertEquals(TcpState.ESTABLISHED, srv.last().state());
        return new Conn(lab, client, srv.last(), srv);
    }

    /** The client shut its output down and the server acknowledged: FIN-WAIT-2 against CLOSE-WAIT. */
    static Conn socketInFinWait2() {
        Conn c = socketEstablished();
        c.client.socket.shutdownOutput();
        c.lab.run(MS);
        assertEquals(TcpState.FIN_WAIT_2, c.client.state(), c.lab.dump());
        assertEquals(TcpState.CLOSE_WAIT, c.server.state());
        return c;
    }

    /**
     * A listener in b with backlog 1 that does not accept, and two clients whose connections fill
     * its accept queue (Linux holds backlog + 1).
     */
    record Backlog(TcpLab lab, Server server, List<Peer> clients) {
    }

    static Backlog listenerWithFullBacklog() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 1);
        srv.listener.pauseAccepting();
        List<Peer> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clients.add(lab.connect(lab.a, B, PORT));
            lab.run(MS);
        }
        assertEquals(2, srv.impl().acceptQueueLength());
        clients.forEach(p -> assertEquals(TcpState.ESTABLISHED, p.state()));
        return new Backlog(lab, srv, clients);
    }

    static String addr(int a) {
        return Ipv4Address.format(a);
    }
}
