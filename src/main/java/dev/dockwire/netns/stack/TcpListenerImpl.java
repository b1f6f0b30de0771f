package dev.dockwire.netns.stack;

import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.TcpOptions;
import dev.dockwire.wire.TcpSegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A socket in LISTEN (RFC 9293 3.10.7.2) with Linux's two queues: connections in SYN-RECEIVED
 * (request sockets) and established ones waiting to be accepted. A SYN is dropped when
 * {@code backlog} handshakes are already pending or the accept queue is full (more than
 * {@code backlog} entries, sk_acceptq_is_full), as Linux drops it without syncookies; the client
 * retries. The port is shared as with {@code SO_REUSEADDR}: connections in TIME-WAIT do not
 * block a new listener.
 */
final class TcpListenerImpl implements TcpListener {
    /** net.core.somaxconn. */
    static final int SOMAXCONN = 4096;
    private final Tcp tcp;
    private final int addr;
    private final int port;
    private final int backlog;
    /** AF_INET6 on {@code [::]} ({@code Sockets.listenTcp6}): it and its connections are tcp6 sockets. */
    final boolean inet6;
    /** The half-open children, a set of its own from the first SYN (a resolver's listener may never get one). */
    private Set<TcpConnection> synReceived = java.util.Collections.emptySet();
    private final ArrayDeque<TcpConnection> acceptQueue = new ArrayDeque<>(2);
    private Consumer<TcpSocket> acceptHandler = s -> { };
    private boolean paused;
    private boolean closed;
    /** The next listener on the same port, bound to another address (Tcp's per-port chain). */
    TcpListenerImpl nextOnPort;

    TcpListenerImpl(Tcp tcp, int addr, int port, int backlog, boolean inet6) {
        this.tcp = tcp;
        this.inet6 = inet6;
        this.addr = addr;
        this.port = port;
        this.backlog = Math.max(0, Math.min(backlog, SOMAXCONN));
    }

    @Override
    public int localAddress() {
        return addr;
    }

    @Override
    public int localPort() {
        return port;
    }

    int synReceivedCount() {
        return synReceived.size();
    }

    /** listen(2)'s backlog, capped at somaxconn: sk_max_ack_backlog. */
    int backlog() {
        return backlog;
    }

    int acceptQueueLength() {
        return acceptQueue.size();
    }

    /** RFC 9293 3.10.7.2: a segment for the listening port that matches no connection. */
    void segmentArrives(int src, int dst, TcpSegment seg, TcpOptions opts) {
        if (seg.rst()) {
            return;
        }
        if (seg.ackFlag()) {
            tcp.output.resetFor(dst, port, src, seg.srcPort(), seg);
            return;
        }
        if (!seg.syn()) {
            return;
        }
        if (!hasRoom() || synReceived.size() >= backlog) {
            if (!hasRoom()) {
                tcp.counters().listenOverflows++;
            }
            tcp.counters().listenDrops++;
            return;
        }
        TcpConnection child = new TcpConnection(tcp);
        child.passive = true;
        child.inet6 = inet6;
        child.listener = this;
        child.held = true;
        child.init(dst, port, src, seg.srcPort());
        child.irs = seg.seq();
        child.rcvNxt = child.irs + 1;
        child.rcvWup = child.rcvNxt;
        child.negotiate(opts);
        child.rwin.initial(child.advmss(), child.rcvWscale); // tcp_openreq_init_rwin
        child.sndWnd = seg.window();
        child.state = TcpState.SYN_RECEIVED;
        tcp.register(child);
        if (synReceived == java.util.Collections.<TcpConnection>emptySet()) {
            synReceived = new LinkedHashSet<>();
        }
        synReceived.add(child);
        child.startRttTiming(child.iss + 1);
        tcp.output.synAck(child);
        child.rtxTimer.arm(child.rtt.rto());
    }

    /** sk_acceptq_is_full is {@code len > backlog}: the queue holds backlog + 1. */
    boolean hasRoom() {
        return acceptQueue.size() <= backlog;
    }

    /** The handshake completed: into the accept queue. */
    void enqueue(TcpConnection child) {
        synReceived.remove(child);
        acceptQueue.add(child);
        tcp.counters().passiveOpens++;
    }

    /** A request died in SYN-RECEIVED. One in the accept queue stays, as in Linux, to be accepted and see its error. */
    void childGone(TcpConnection child) {
        synReceived.remove(child);
    }

    /** Hands queued connections to the program while accepting. */
    void drain() {
        while (!paused && !closed && !acceptQueue.isEmpty()) {
            TcpConnection child = acceptQueue.poll();
            acceptHandler.accept(child);
            child.accepted();
        }
    }

    @Override
    public void onAccept(Consumer<TcpSocket> handler) {
        this.acceptHandler = handler;
    }

    @Override
    public void pauseAccepting() {
        paused = true;
    }

    @Override
    public void resumeAccepting() {
        paused = false;
        drain();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tcp.unlisten(this);
        // inet_csk_listen_stop: pending requests are dropped, unaccepted connections reset.
        for (TcpConnection c : new ArrayList<>(synReceived)) {
            c.listener = null;
            c.destroy();
        }
        synReceived.clear();
        TcpConnection c;
        while ((c = acceptQueue.poll()) != null) {
            c.listener = null;
            c.userClosed = true;
            if (c.state != TcpState.CLOSED) {
                c.resetAndDestroy();
            }
        }
    }

    /** Namespace teardown: forget everything without sending. */
    void dispose() {
        closed = true;
        synReceived.clear();
        acceptQueue.clear();
    }
}
