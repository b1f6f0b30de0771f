package dev.dockwire.netns.stack;

import dev.dockwire.link.DropReason;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpOptions;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP (RFC 9293) of one namespace: demultiplexing, ports, resets for closed ports, ICMP errors,
 * settings and counters. Connections are found by their 4-tuple in a primitive-keyed map (remote
 * address, remote port and local port make the 64-bit key; connections that differ only in the
 * local address share a chain), listeners by port (one per bound address, chained): the per-segment
 * path boxes nothing.
 *
 * <p>Settings follow Linux's defaults and sysctls: {@code tcp_syn_retries} 6,
 * {@code tcp_synack_retries} 5, {@code tcp_retries2} 15, {@code tcp_timestamps}, {@code tcp_sack}
 * and {@code tcp_window_scaling} on. Both buffers start at 128 KiB (tcp_rmem's default; Linux
 * starts the send buffer at 16 KiB). The send buffer grows as Linux's tcp_sndbuf_expand grows it,
 * to twice the congestion window up to tcp_wmem's 4 MiB maximum, so a window as large as the
 * bandwidth-delay product stays in flight while the program refills the buffer; the receive
 * window and its buffer's autotuning are {@link ReceiveWindow}'s. The window scale is derived from tcp_rmem's 6 MiB maximum as Linux
 * derives it: 7.
 */
final class Tcp {
    static final int BUFFER_SIZE = 128 * 1024;
    /** The most a receive buffer may grow to: Linux's tcp_rmem[2] default, 6 MiB. */
    static final int RMEM_MAX = 6 * 1024 * 1024;
    /** The most a send buffer may grow to: Linux's tcp_wmem[2] default, 4 MiB. */
    static final int WMEM_MAX = 4 * 1024 * 1024;
    /** The window scale we offer: 7, derived as Linux derives it. */
    static final int WINDOW_SCALE = windowScaleFor(RMEM_MAX);

    final IpLayer stack;
    final EventLoop loop;
    final SeededRandom random;
    /** Made by the first count ({@link #counters()}): 192 bytes of each namespace without TCP traffic. */
    private Counters counters;
    final TcpOutput output;
    final TcpInput input;
    final TcpTimers timers;
    final int sndBufSize = BUFFER_SIZE;
    final int rcvWscale = WINDOW_SCALE;
    int synRetries = 6;
    int synackRetries = 5;
    int retries2 = 15;
    boolean timestamps = true;
    boolean sack = true;
    boolean windowScaling = true;
    /** Secret for the timestamp offsets (the kernel's ts_secret), drawn from the seeded source. */
    private final int tsSecret;
    private int portLow = 32768;
    private int portHigh = 60999;

    private LongObjectHashMap<TcpConnection> connections = SparseMaps.noLongs();
    private PortTable<TcpListenerImpl> listeners = SparseMaps.noPorts();
    private IntObjectHashMap<TcpConnection> bound = SparseMaps.noInts();
    /** The views of the segment being received, made with the first ({@link #input}): a namespace may never see one. */
    private Ipv4Packet ip;
    private TcpSegment seg;
    private TcpOptions opts;

    /**
     * The sockets as /proc/net/tcp, then /proc/net/tcp6, list them (tcp4_seq_show, tcp6_seq_show):
     * in each, listeners first, by port, then the connections, TIME_WAIT ones included, by local port.
     */
    void sockets(java.util.List<SocketEntry> out) {
        sockets(false, out);
        sockets(true, out);
    }

    private void sockets(boolean inet6, java.util.List<SocketEntry> out) {
        String proto = inet6 ? "tcp6" : "tcp";
        java.util.List<SocketEntry> listening = new java.util.ArrayList<>();
        for (TcpListenerImpl first : listeners.values()) {
            for (TcpListenerImpl l = first; l != null; l = l.nextOnPort) {
                if (l.inet6 == inet6) {
                    listening.add(new SocketEntry(proto, l.localAddress(), l.localPort(), 0, 0, "LISTEN", l.acceptQueueLength(),
                            l.backlog()));
                }
            }
        }
        listening.sort(java.util.Comparator.comparingInt(SocketEntry::localPort));
        out.addAll(listening);
        java.util.List<SocketEntry> connected = new java.util.ArrayList<>();
        for (TcpConnection first : connections.values()) {
            for (TcpConnection c = first; c != null; c = c.nextInChain) {
                if (c.inet6 == inet6) {
                    connected.add(new SocketEntry(proto, c.localAddress(), c.localPort(), c.remoteAddress(), c.remotePort(),
                            procState(c.state())));
                }
            }
        }
        connected.sort(java.util.Comparator.comparingInt(SocketEntry::localPort));
        out.addAll(connected);
    }

    /** The kernel's name of a state (include/net/tcp_states.h as /proc/net/tcp numbers them, netstat names them). */
    private static String procState(TcpState s) {
        return switch (s) {
            case SYN_RECEIVED -> "SYN_RECV";
            case FIN_WAIT_1 -> "FIN_WAIT1";
            case FIN_WAIT_2 -> "FIN_WAIT2";
            case CLOSED -> "CLOSE";
            default -> s.name();
        };
    }

    Tcp(IpLayer stack) {
        this.stack = stack;
        this.loop = stack.loop;
        this.random = stack.ns.random();
        this.tsSecret = random.nextInt();
        this.output = new TcpOutput(this);
        this.input = new TcpInput(this);
        this.timers = new TcpTimers(this);
    }

    /**
     * tcp_select_initial_window: the smallest shift that lets a 16-bit window field cover
     * {@code space}, the largest the receive buffer may become (RFC 7323 2.3: at most 14).
     */
    static int windowScaleFor(int space) {
        int scale = 0;
        while (scale < dev.dockwire.wire.TcpOptions.MAX_WINDOW_SCALE && (0xFFFFL << scale) < space) {
            scale++;
        }
        return scale;
    }

    /** Blanks between a vector sysctl's numbers, compiled once: every sysctl write re-reads the port range. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Re-reads net.ipv4.tcp_* and the ephemeral port range. */
    void sysctlChanged() {
        synRetries = intSysctl("net.ipv4.tcp_syn_retries");
        synackRetries = intSysctl("net.ipv4.tcp_synack_retries");
        retries2 = intSysctl("net.ipv4.tcp_retries2");
        timestamps = intSysctl("net.ipv4.tcp_timestamps") != 0;
        sack = intSysctl("net.ipv4.tcp_sack") != 0;
        windowScaling = intSysctl("net.ipv4.tcp_window_scaling") != 0;
        String[] range = SPACES.split(stack.ns.sysctl("net.ipv4.ip_local_port_range").trim());
        portLow = Integer.parseInt(range[0]);
        portHigh = Integer.parseInt(range[1]);
    }

    private int intSysctl(String key) {
        return Integer.parseInt(stack.ns.sysctl(key).trim());
    }

    // ---- receive ---------------------------------------------------------------------------

    /** tcp_v4_rcv: {@code packet} starts at the IP header; takes ownership. */
    void input(NetDevice dev, ByteBuf packet) {
        if (ip == null) {
            ip = new Ipv4Packet();
            seg = new TcpSegment();
            opts = new TcpOptions();
        }
        try {
            ip.wrap(packet, packet.readerIndex());
            int src = ip.src();
            int dst = ip.dst();
            // A CHECKSUM_PARTIAL packet from a local sender is trusted, as skb_csum_unnecessary does.
            if (!seg.wrapChecked(packet, ip.payloadOffset(), ip.payloadLength())
                    || !Frames.checksumPartial(packet) && !seg.verifyChecksum(src, dst)) {
                counters().inErrs++;
                return;
            }
            counters().inSegs++;
            if (stack.ns.isBroadcast(dst) || (dst >>> 28) == 0xE) {
                return; // TCP is unicast only
            }
            if (!seg.options(opts)) {
                opts.clear();
            }
            int sport = seg.srcPort();
            int dport = seg.dstPort();
            TcpConnection c = lookup(dst, dport, src, sport);
            if (c != null) {
                stack.probe().deliver(dev, packet, IpProtocol.TCP, dport, c);
                if (input.segmentArrives(c, packet, seg, opts)) {
                    return;
                }
            }
            TcpListenerImpl l = listener(dport, dst);
            if (l != null) {
                stack.probe().deliver(dev, packet, IpProtocol.TCP, dport, l);
                l.segmentArrives(src, dst, seg, opts);
                return;
            }
            stack.probe().drop(dev, packet, DropReason.NO_SOCKET);
            output.resetFor(dst, dport, src, sport, seg); // CLOSED (RFC 9293 3.10.7.1)
        } finally {
            packet.release();
        }
    }

    /**
     * An ICMP error quoting a segment we sent (tcp_v4_err). Ignored unless its sequence number is
     * in flight. A connection being opened is aborted with the error, as Linux does for any
     * destination unreachable in SYN-SENT (RFC 5461 section 4.1); an established one only records
     * it as the soft error it reports if it later times out (RFC 1122 4.2.3.9). Fragmentation
     * needed is ignored: path MTU discovery is not modelled.
     */
    void error(int src, int srcPort, int dst, int dstPort, int seq, int type, int code) {
        TcpConnection c = lookup(src, srcPort, dst, dstPort);
        if (c == null || !Seq.ge(seq, c.sndUna) || !Seq.lt(seq, c.sndMax)) {
            return;
        }
        SocketError err;
        if (type == IcmpPacket.TYPE_DEST_UNREACHABLE) {
            err = switch (code) {
                case IcmpPacket.CODE_FRAG_NEEDED -> null;
                case IcmpPacket.CODE_PORT_UNREACHABLE, IcmpPacket.CODE_PROTOCOL_UNREACHABLE -> SocketError.ECONNREFUSED;
                case IcmpPacket.CODE_NET_UNREACHABLE, 6, 9, 11 -> SocketError.ENETUNREACH;
                default -> SocketError.EHOSTUNREACH;
            };
        } else if (type == IcmpPacket.TYPE_TIME_EXCEEDED) {
            err = SocketError.EHOSTUNREACH;
        } else {
            err = null;
        }
        if (err == null) {
            return;
        }
        if (c.state == TcpState.SYN_SENT || (c.state == TcpState.SYN_RECEIVED && !c.passive)) {
            c.fail(err);
            c.deliver();
        } else if (c.state == TcpState.SYN_RECEIVED) {
            c.destroy(); // tcp_req_err: the request is dropped
        } else {
            c.softError = err;
        }
    }

    /**
     * The timestamp clock's offset for a pair of addresses (secure_tcp_ts_off): random per pair,
     * the same for every connection between them, so a new connection's TSval is newer than an old
     * one's and a SYN may reopen a pair in TIME-WAIT (RFC 6191).
     */
    int tsOffset(int local, int remote) {
        int h = tsSecret ^ (local * 0x9E3779B1) ^ Integer.rotateLeft(remote * 0x85EBCA77, 13);
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        return h ^ (h >>> 16);
    }

    // ---- demux -------------------------------------------------------------------------------

    private static long key(int remoteAddr, int remotePort, int localPort) {
        return ((long) remoteAddr << 32) | ((long) (remotePort & 0xFFFF) << 16) | (localPort & 0xFFFF);
    }

    TcpConnection lookup(int localAddr, int localPort, int remoteAddr, int remotePort) {
        TcpConnection c = connections.get(key(remoteAddr, remotePort, localPort));
        while (c != null && c.localAddr != localAddr) {
            c = c.nextInChain;
        }
        return c;
    }

    void register(TcpConnection c) {
        long k = key(c.remoteAddr, c.remotePort, c.localPort);
        c.nextInChain = connections.get(k);
        connections = SparseMaps.writable(connections);
        connections.put(k, c);
        c.registered = true;
    }

    void unregister(TcpConnection c) {
        if (c.registered) {
            c.registered = false;
            long k = key(c.remoteAddr, c.remotePort, c.localPort);
            TcpConnection head = connections.get(k);
            if (head == c) {
                if (c.nextInChain == null) {
                    connections.remove(k);
                } else {
                    connections.put(k, c.nextInChain);
                }
            } else {
                TcpConnection prev = head;
                while (prev != null && prev.nextInChain != c) {
                    prev = prev.nextInChain;
                }
                if (prev != null) {
                    prev.nextInChain = c.nextInChain;
                }
            }
            c.nextInChain = null;
        }
        unbind(c);
    }

    /** Connections in the demux, for tests and listings ({@code ss -t}). */
    List<TcpConnection> connections() {
        List<TcpConnection> list = new ArrayList<>();
        for (TcpConnection head : connections.values()) {
            for (TcpConnection c = head; c != null; c = c.nextInChain) {
                list.add(c);
            }
        }
        return list;
    }

    // ---- ports -------------------------------------------------------------------------------

    void bind(TcpConnection c, int addr, int port) {
        if (addr != 0 && !stack.ns.isLocal(addr)) {
            throw new SocketException(SocketError.EADDRNOTAVAIL);
        }
        if (port == 0) {
            port = freePort();
        } else if (listeners.containsKey(port) || bound.containsKey(port)) {
            throw new SocketException(SocketError.EADDRINUSE);
        }
        bound = SparseMaps.writable(bound);
        bound.put(port, c);
        c.boundPort = true;
        c.localAddr = addr;
        c.localPort = port;
    }

    void unbind(TcpConnection c) {
        if (c.boundPort) {
            c.boundPort = false;
            if (bound.get(c.localPort) == c) {
                bound.remove(c.localPort);
            }
        }
    }

    /**
     * An ephemeral port for connect (__inet_hash_connect): from a random point of
     * {@code ip_local_port_range}, the first port no socket is bound to or listens on whose
     * 4-tuple towards {@code dst:dport} is unused.
     */
    int connectPort(int src, int dst, int dport) {
        int n = portHigh - portLow + 1;
        int offset = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            int port = portLow + (offset + i) % n;
            if (!listeners.containsKey(port) && !bound.containsKey(port) && lookup(src, port, dst, dport) == null) {
                return port;
            }
        }
        throw new SocketException(SocketError.EADDRNOTAVAIL);
    }

    private int freePort() {
        int n = portHigh - portLow + 1;
        int offset = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            int port = portLow + (offset + i) % n;
            if (!listeners.containsKey(port) && !bound.containsKey(port)) {
                return port;
            }
        }
        throw new SocketException(SocketError.EADDRINUSE);
    }

    /** The listener for a SYN to {@code addr:port}: the one bound to {@code addr}, else the wildcard one. */
    private TcpListenerImpl listener(int port, int addr) {
        TcpListenerImpl wildcard = null;
        for (TcpListenerImpl l = listeners.get(port); l != null; l = l.nextOnPort) {
            if (l.localAddress() == addr) {
                return l;
            }
            if (l.localAddress() == 0) {
                wildcard = l;
            }
        }
        return wildcard;
    }

    /**
     * {@code bind} + {@code listen}: one listener per address and port; as without SO_REUSEADDR
     * tricks, a wildcard listener and a specific one on the same port exclude each other. An
     * {@code inet6} listener is IPv6's dual-stack wildcard ({@code addr} 0), which takes IPv4
     * connections as IPv4's wildcard does and so excludes the same listeners.
     */
    TcpListenerImpl listen(int addr, int port, int backlog, boolean inet6) {
        if (addr != 0 && !stack.ns.isLocal(addr)) {
            throw new SocketException(SocketError.EADDRNOTAVAIL);
        }
        if (port == 0) {
            port = freePort();
        } else if (bound.containsKey(port)) {
            throw new SocketException(SocketError.EADDRINUSE);
        } else {
            for (TcpListenerImpl o = listeners.get(port); o != null; o = o.nextOnPort) {
                if (addr == 0 || o.localAddress() == 0 || o.localAddress() == addr) {
                    throw new SocketException(SocketError.EADDRINUSE);
                }
            }
        }
        TcpListenerImpl l = new TcpListenerImpl(this, addr, port, backlog, inet6);
        l.nextOnPort = listeners.get(port);
        listeners = SparseMaps.writable(listeners);
        listeners.put(port, l);
        return l;
    }

    void unlisten(TcpListenerImpl l) {
        TcpListenerImpl first = listeners.get(l.localPort());
        if (first == l) {
            if (l.nextOnPort == null) {
                listeners.remove(l.localPort());
            } else {
                listeners.put(l.localPort(), l.nextOnPort);
            }
        } else {
            for (TcpListenerImpl o = first; o != null; o = o.nextOnPort) {
                if (o.nextOnPort == l) {
                    o.nextOnPort = l.nextOnPort;
                    break;
                }
            }
        }
        l.nextOnPort = null;
    }

    /** Namespace deleted: every connection and listener vanishes without a segment. */
    void closeAll() {
        for (TcpConnection c : connections()) {
            c.rtxTimer.dispose();
            c.delackTimer.dispose();
            c.waitTimer.dispose();
            c.state = TcpState.CLOSED;
            c.registered = false;
        }
        for (TcpListenerImpl l : listeners.values()) {
            l.dispose();
        }
        connections.clear();
        listeners.clear();
        bound.clear();
    }

    /**
     * The TCP MIB, made by the first count or read (all zeros then): one method the JIT inlines, so
     * the counting paths allocate once, not per segment.
     */
    public Counters counters() {
        Counters c = counters;
        if (c == null) {
            counters = c = new Counters();
        }
        return c;
    }

    /** Linux's TCP MIB counters ({@code nstat}: Tcp* and TcpExt*). */
    public static final class Counters {
        public long activeOpens;
        public long passiveOpens;
        public long attemptFails;
        public long estabResets;
        public long inSegs;
        public long outSegs;
        public long retransSegs;
        public long inErrs;
        public long outRsts;
        public long listenOverflows;
        public long listenDrops;
        public long timeouts;
        public long fastRetransmits;
        public long delayedAcks;
        public long challengeAcks;
        public long abortOnData;
        public long renoRecovery;
        public long sackRecovery;
        /** cwnd undone when recovery ends (LINUX_MIB_TCPFULLUNDO), on a partial ACK (TCPPARTIALUNDO), after a timeout (TCPLOSSUNDO). */
        public long fullUndo;
        public long partialUndo;
        public long lossUndo;
        public long hystartTrainDetect;
        public long hystartTrainCwnd;
        public long hystartDelayDetect;
        public long hystartDelayCwnd;
        /** tcp_close with unread data: the reset that tells the peer (LINUX_MIB_TCPABORTONCLOSE). */
        public long abortOnClose;
        /** tcp_write_err: retransmissions ran out (LINUX_MIB_TCPABORTONTIMEOUT). */
        public long abortOnTimeout;
        /** tcp_event_new_data_sent: segments of data or FIN sent for the first time (LINUX_MIB_TCPORIGDATASENT). */
        public long origDataSent;
    }
}
