package dev.dockwire.netns.stack;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * A TCP connection: the transmission control block of RFC 9293 section 3.3.1 (the kernel's
 * {@code struct tcp_sock}) and the socket a program holds. This class keeps the variables, the
 * program's calls (OPEN, SEND, CLOSE, ABORT of section 3.10) and the connection's life cycle;
 * {@link TcpInput} processes arriving segments, {@link TcpOutput} sends, {@link TcpTimers} acts
 * on expiry and {@link SocketCallbacks} tells the program.
 *
 * <p>Program callbacks run at the end of processing a segment or timer, never in the middle of
 * the state machine, so a program may write, close or abort from any callback.
 */
final class TcpConnection implements TcpSocket {
    /** 2 MSL: Linux's TCP_TIMEWAIT_LEN. */
    static final long TIME_WAIT_NANOS = 60_000_000_000L;
    /** How long an orphaned FIN-WAIT-2 waits for the peer's FIN (net.ipv4.tcp_fin_timeout). */
    static final long FIN_TIMEOUT_NANOS = 60_000_000_000L;
    /** TCP_DELACK_MIN: the delayed-ACK timer. */
    static final long DELACK_NANOS = 40_000_000L;
    /** TCP_MAX_QUICKACKS: the most ACKs quickack mode sends at once. */
    static final int MAX_QUICKACKS = 16;
    /** The MSS assumed when the peer sends no MSS option (RFC 9293 section 3.7.1). */
    static final int DEFAULT_MSS = 536;
    static final int TS_OPTION_LENGTH = 12;

    final Tcp tcp;
    final EventLoop loop;
    TcpState state = TcpState.CLOSED;

    // ---- identity and demux
    int localAddr;
    int localPort;
    int remoteAddr;
    int remotePort;
    boolean boundPort;
    boolean registered;
    TcpConnection nextInChain;
    /** The listener of a passive open, until the connection is accepted or gone. */
    TcpListenerImpl listener;
    boolean passive;
    /** An AF_INET6 socket (accepted from a {@code listenTcp6} listener): listed in /proc/net/tcp6. */
    boolean inet6;

    // ---- send sequence variables (RFC 9293 section 3.3.1)
    int iss;
    int sndUna;
    int sndNxt;
    /** Highest sequence number sent + 1 (SND.NXT moves back to SND.UNA after a timeout). */
    int sndMax;
    int sndWnd;
    int sndWl1;
    int sndWl2;
    int maxSndWnd;
    int sndWscale;
    /** Sequence number of the send buffer's first byte. */
    int sndBufSeq;
    boolean finQueued;

    // ---- receive sequence variables
    int irs;
    int rcvNxt;
    /** Right edge of the window last advertised: RCV.NXT + RCV.WND, never moved left. */
    int rcvAdv;
    /** RCV.NXT when the last ACK went out (the kernel's rcv_wup). */
    int rcvWup;
    int rcvWscale;
    boolean finReceived;
    boolean oooFin;
    int oooFinSeq;
    /** Estimate of the peer's segment size, for the every-second-segment ACK rule (icsk_ack.rcv_mss). */
    int rcvMss = DEFAULT_MSS;

    // ---- options (RFC 9293 3.7.1, RFC 7323, RFC 2018)
    int advMss;
    int mssClamp;
    boolean wsOk;
    boolean sackOk;
    boolean tsOk;
    int tsRecent;
    int tsOffset;

    // ---- buffers
    final SendBuffer sndBuf;
    final ReceiveBuffer rcvBuf;
    final ReceiveWindow rwin = new ReceiveWindow();
    final Assembler ooo = new Assembler();

    // ---- loss recovery
    final RttEstimator rtt = new RttEstimator();
    final NewReno cc = new NewReno();
    /** What the peer SACKed (RFC 6675), when SACK was agreed. */
    final SackScoreboard sacks = new SackScoreboard();
    final SackRecovery sackRecovery = new SackRecovery(sacks, cc);
    /** Consecutive timeouts without progress (icsk_retransmits). */
    int retransmits;
    /** Zero-window probes the peer has not answered (icsk_probes_out): the abort counter. */
    int probesOut;
    /** Doublings of the probe interval (icsk_backoff): kept while the window stays shut. */
    int persistBackoff;
    boolean persisting;
    boolean rttTiming;
    int rttSeq;
    long rttStart;
    long lastSend;
    /** When new data last went (RACK's transmit times, {@link SackRecovery}). */
    long lastDataSend;
    final TcpTimer rtxTimer;
    final TcpTimer delackTimer;
    final TcpTimer waitTimer;

    // ---- ACKs
    boolean ackPending;
    boolean ackNow;
    /** ACKs still sent at once (icsk_ack.quick): set when the first data arrives (quickack mode). */
    int quickAcks;
    /** Data has arrived before (Linux: icsk_ack.ato is no longer 0). */
    boolean dataSeen;
    /** When in-order data last arrived (icsk_ack.lrcvtime). */
    long lastDataRecv;
    /** Interactive exchange seen (inet_csk_in_pingpong_mode): ACKs wait to ride on the reply. */
    boolean pingpong;
    SocketError softError;

    // ---- the program's side
    final SocketCallbacks callbacks = new SocketCallbacks();
    /** Set until accepted: nothing is handed to the program yet. */
    boolean held;
    boolean readPaused;
    /** close() or abort() was called: the program hears nothing more. */
    boolean userClosed;
    boolean shutWr;
    /**
     * tcp_time_wait replaced the socket by its inet_timewait_sock (FIN-WAIT-2 of a closed socket,
     * TIME-WAIT): what it sends is an ip_send_unicast_reply, its checksum summed in full.
     */
    boolean timeWaitSock;

    TcpConnection(Tcp tcp) {
        this.tcp = tcp;
        this.loop = tcp.loop;
        this.sndBuf = new SendBuffer(tcp.sndBufSize);
        this.rcvBuf = new ReceiveBuffer(Tcp.RMEM_MAX);
        this.rtxTimer = new TcpTimer(loop, () -> tcp.timers.retransmit(this));
        this.delackTimer = new TcpTimer(loop, () -> tcp.timers.delayedAck(this));
        this.waitTimer = new TcpTimer(loop, () -> tcp.timers.waitOver(this));
    }

    TcpState state() {
        return state;
    }

    // ---- setup --------------------------------------------------------------------------------

    /** Fills the TCB for a new connection to {@code remote}: ISS, MSS, buffers (RFC 9293 3.4.1). */
    void init(int local, int lport, int remote, int rport) {
        localAddr = local;
        localPort = lport;
        remoteAddr = remote;
        remotePort = rport;
        iss = tcp.random.nextInt();
        sndUna = iss;
        sndNxt = iss;
        sndMax = iss;
        sndBufSeq = iss + 1;
        // The route's MTU less the IP and TCP headers, at most 65535 - 40 (lo's MTU is 65536).
        int mtu = Math.min(tcp.stack.routeMtu(remote), 0xFFFF);
        advMss = Math.max(DEFAULT_MSS, (mtu == 0 ? 1500 : mtu) - 40);
        mssClamp = advMss;
        tsOffset = tcp.tsOffset(local, remote);
    }

    /** Applies the options of the peer's SYN or SYN-ACK (RFC 9293 3.7.1, RFC 7323 2.2/3.2, RFC 2018 2). */
    void negotiate(dev.dockwire.wire.TcpOptions opts) {
        int peerMss = opts.mss() > 0 ? opts.mss() : DEFAULT_MSS;
        mssClamp = Math.min(peerMss, advMss);
        wsOk = tcp.windowScaling && opts.windowScale() >= 0;
        sndWscale = wsOk ? Math.min(opts.windowScale(), dev.dockwire.wire.TcpOptions.MAX_WINDOW_SCALE) : 0;
        rcvWscale = wsOk ? tcp.rcvWscale : 0;
        sackOk = tcp.sack && opts.sackPermitted();
        tsOk = tcp.timestamps && opts.hasTimestamps();
        if (tsOk) {
            tsRecent = opts.tsVal();
        }
        cc.init(smss(), iss);
        sackRecovery.init(iss);
    }

    /** Times the segment ending at {@code endSeq} (Karn's algorithm: only while nothing is retransmitted). */
    void startRttTiming(int endSeq) {
        rttTiming = true;
        rttSeq = endSeq;
        rttStart = loop.nanos();
    }

    /** The MSS we offered less the timestamp option every segment carries (tp->advmss once established). */
    int advmss() {
        return advMss - (tsOk ? TS_OPTION_LENGTH : 0);
    }

    /** tcp_recvmsg's tcp_rcv_space_adjust: the program has read; the receive buffer may grow. */
    void rcvSpaceAdjust() {
        rwin.adjust(copiedSeq(), loop.nanos() / 1000, advmss());
    }

    /** The first byte the program has not read (copied_seq). */
    int copiedSeq() {
        return rcvNxt - rcvBuf.buffered();
    }

    /** Sender MSS: the clamp less the timestamp option every segment carries. */
    int smss() {
        return mssClamp - (tsOk ? TS_OPTION_LENGTH : 0);
    }

    /** The timestamp clock (RFC 7323 section 5.4): milliseconds with a per-connection offset. */
    int tsNow() {
        return (int) (loop.nanos() / 1_000_000L) + tsOffset;
    }

    int finSeq() {
        return sndBufSeq + sndBuf.size();
    }

    boolean finAcked() {
        return finQueued && Seq.gt(sndUna, finSeq());
    }

    // ---- program calls (RFC 9293 section 3.10.1-3.10.5) ---------------------------------------

    @Override
    public void bind(int addr, int port) {
        if (state != TcpState.CLOSED || boundPort || localPort != 0) {
            throw new SocketException(SocketError.EADDRINUSE);
        }
        tcp.bind(this, addr, port);
    }

    @Override
    public void connect(int addr, int port, ConnectCallback callback) {
        if (state != TcpState.CLOSED || remotePort != 0 || userClosed) {
            throw new IllegalStateException("socket is already connected or closed");
        }
        int src = localAddr != 0 ? localAddr : tcp.stack.sourceAddressFor(addr);
        if (src == 0) {
            tcp.stack.counters().outNoRoutes++; // tcp_v4_connect: ip_route_connect's ENETUNREACH
            throw new SocketException(SocketError.ENETUNREACH);
        }
        int lport = localPort != 0 ? localPort : tcp.connectPort(src, addr, port);
        if (tcp.lookup(src, lport, addr, port) != null) {
            throw new SocketException(SocketError.EADDRNOTAVAIL);
        }
        init(src, lport, addr, port);
        rwin.initial(advMss, tcp.windowScaling ? tcp.rcvWscale : 0);
        callbacks.connecting(callback);
        tcp.register(this);
        tcp.counters().activeOpens++;
        state = TcpState.SYN_SENT;
        startRttTiming(iss + 1);
        tcp.output.syn(this);
        rtxTimer.arm(rtt.rto());
    }

    @Override
    public int write(ByteBuf data) {
        if (shutWr || finQueued || (state == TcpState.CLOSED && remotePort != 0)) {
            throw new SocketException(SocketError.EPIPE);
        }
        if (state == TcpState.CLOSED) {
            throw new SocketException(SocketError.ENOTCONN);
        }
        int wanted = data.readableBytes();
        int n = sndBuf.append(data);
        if (n < wanted) {
            callbacks.writeBlocked = true;
        }
        if (n > 0 && state.isSynchronized()) {
            tcp.output.push(this);
        }
        return n;
    }

    @Override
    public int writableBytes() {
        return shutWr || state == TcpState.CLOSED ? 0 : sndBuf.free();
    }

    @Override
    public void onWritable(Runnable handler) {
        callbacks.writableHandler = handler;
    }

    @Override
    public void onData(Consumer<ByteBuf> handler) {
        callbacks.dataHandler = handler;
    }

    @Override
    public void onEof(Runnable handler) {
        callbacks.eofHandler = handler;
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        callbacks.errorHandler = handler;
    }

    @Override
    public void pauseReading() {
        readPaused = true;
    }

    @Override
    public void resumeReading() {
        if (readPaused) {
            readPaused = false;
            deliver();
            afterProgram();
        }
    }

    @Override
    public void shutdownOutput() {
        if (shutWr) {
            return;
        }
        shutWr = true;
        switch (state) {
            case SYN_SENT, SYN_RECEIVED -> finQueued = true; // sent once established (RFC 9293 3.10.4)
            case ESTABLISHED -> queueFin(TcpState.FIN_WAIT_1);
            case CLOSE_WAIT -> queueFin(TcpState.LAST_ACK);
            default -> {
            }
        }
    }

    private void queueFin(TcpState next) {
        finQueued = true;
        state = next;
        tcp.output.push(this);
    }

    @Override
    public void close() {
        if (userClosed) {
            return;
        }
        userClosed = true;
        switch (state) {
            case CLOSED -> tcp.unbind(this);
            case SYN_SENT -> destroy();
            case SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, FIN_WAIT_2 -> {
                if (rcvBuf.buffered() > 0) {
                    // tcp_close: unread data means the peer must learn that it was lost (RFC 2525 2.17)
                    tcp.counters().abortOnClose++;
                    resetAndDestroy();
                    return;
                }
                shutdownOutput();
                if (state == TcpState.FIN_WAIT_2) {
                    waitTimer.arm(FIN_TIMEOUT_NANOS);
                    timeWaitSock = true; // tcp_close in FIN_WAIT2: tcp_time_wait(sk, TCP_FIN_WAIT2, tmo)
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void abort() {
        if (userClosed) {
            return;
        }
        userClosed = true;
        switch (state) {
            case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> resetAndDestroy();
            case CLOSED -> tcp.unbind(this);
            default -> destroy();
        }
    }

    /** RFC 9293 3.10.5 ABORT: {@code <SEQ=SND.NXT><CTL=RST>}, with ACK as Linux's tcp_send_active_reset. */
    void resetAndDestroy() {
        tcp.output.activeReset(this);
        destroy();
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
    public int remoteAddress() {
        return remoteAddr;
    }

    @Override
    public int remotePort() {
        return remotePort;
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** The connection is synchronized: set the send window from the segment that got us here. */
    void established(int segSeq, int segAck, int window) {
        sndWnd = window;
        maxSndWnd = Math.max(maxSndWnd, window);
        sndWl1 = segSeq;
        sndWl2 = segAck;
        state = finQueued ? TcpState.FIN_WAIT_1 : TcpState.ESTABLISHED;
        rwin.established(advmss(), copiedSeq(), loop.nanos() / 1000);
        if (!passive) {
            callbacks.connected();
        }
    }

    /** Enters TIME-WAIT for 2 MSL (RFC 9293 3.10.7.4); the buffers are no longer needed. */
    void enterTimeWait() {
        state = TcpState.TIME_WAIT;
        rtxTimer.stop();
        persisting = false;
        waitTimer.arm(TIME_WAIT_NANOS);
        sndBuf.trim();
        rcvBuf.trim();
    }

    /** tcp_done: CLOSED, out of the demux, timers stopped. */
    void destroy() {
        state = TcpState.CLOSED;
        rtxTimer.dispose();
        delackTimer.dispose();
        waitTimer.dispose();
        sndBuf.trim();
        rcvBuf.trim();
        tcp.unregister(this);
        if (listener != null) {
            listener.childGone(this);
        }
    }

    /** The connection ends with {@code err} (reset, timeout): the program is told once. */
    void fail(SocketError err) {
        boolean wasConnecting = state == TcpState.SYN_SENT || (state == TcpState.SYN_RECEIVED && !passive);
        destroy();
        if (wasConnecting) {
            tcp.counters().attemptFails++;
        }
        callbacks.failed(err, wasConnecting);
    }

    // ---- ACK scheduling ------------------------------------------------------------------------

    /**
     * In-order data arrived: ACK now or within the delayed-ACK time (RFC 9293 3.8.6.3, RFC 5681
     * 4.2). As Linux, the first data of a connection starts quickack mode (tcp_event_data_recv,
     * tcp_incr_quickack): the next min(window / (2 × rcv_mss), 16) ACKs go at once, unless the
     * connection is interactive (pingpong), where the ACK waits to ride on the reply.
     */
    void scheduleAck() {
        ackPending = true;
        if (!dataSeen) {
            dataSeen = true;
            int window = Math.max(0, rcvAdv - rcvNxt);
            quickAcks = Math.min(MAX_QUICKACKS, Math.max(2, window / (2 * Math.max(rcvMss, DEFAULT_MSS))));
        }
        lastDataRecv = loop.nanos();
        // __tcp_ack_snd_check: more than one full-sized segment unacknowledged, or quickack mode: ACK now.
        if (rcvNxt - rcvWup > rcvMss || (quickAcks > 0 && !pingpong)) {
            ackNow = true;
        }
    }

    /**
     * Data is being sent (tcp_event_data_sent): a reply within the delayed-ACK time of the last
     * data received makes the connection interactive (pingpong, TCP_PINGPONG_THRESH 1).
     */
    void dataSent() {
        if (dataSeen && loop.nanos() - lastDataRecv < DELACK_NANOS) {
            pingpong = true;
        }
    }

    /** The delayed-ACK timer fired: an interactive connection missed its reply, so it leaves pingpong mode. */
    void delayedAckMissed() {
        pingpong = false;
    }

    /** Called by the output for every segment carrying an ACK. */
    void ackSent() {
        if (ackPending && quickAcks > 0) {
            quickAcks--; // tcp_dec_quickack_mode: one ACK of new data sent
        }
        ackPending = false;
        rcvWup = rcvNxt;
        delackTimer.stop();
    }

    /** After the segment (or the program's call): send the ACK that is due, or start the delayed-ACK timer. */
    void flushAck() {
        if (state == TcpState.CLOSED || !ackPending) {
            ackNow = false;
            return;
        }
        if (ackNow) {
            ackNow = false;
            tcp.output.ack(this);
        } else if (!delackTimer.armed()) {
            delackTimer.arm(DELACK_NANOS);
        }
    }

    // ---- the program's side ----------------------------------------------------------------------

    /** Segment text for the program that need not be copied: handed over at the end of processing. */
    boolean canDeliverDirectly() {
        return !held && !readPaused && !userClosed && !callbacks.hasDirect() && rcvBuf.buffered() == 0
                && ooo.isEmpty() && !callbacks.connectPending();
    }

    void deliverDirectly(ByteBuf packet, int off, int len) {
        callbacks.direct(packet, off, len);
    }

    /** Received data that waits in the receive buffer. */
    boolean hasUnread() {
        return rcvBuf.buffered() > 0;
    }

    /** Tells the program what happened (see {@link SocketCallbacks#deliver}). */
    void deliver() {
        callbacks.deliver(this);
    }

    /** After program callbacks: send what became sendable and the ACK that is due. */
    void afterProgram() {
        if (state == TcpState.CLOSED) {
            return;
        }
        tcp.output.push(this);
        flushAck();
    }

    /** Accepted by the program: from now on it hears everything, starting with what waited. */
    void accepted() {
        held = false;
        listener = null;
        deliver();
        afterProgram();
    }

    @Override
    public String toString() {
        return "tcp " + dev.dockwire.wire.Ipv4Address.format(localAddr) + ":" + localPort + " -> "
                + dev.dockwire.wire.Ipv4Address.format(remoteAddr) + ":" + remotePort + " " + state;
    }
}
