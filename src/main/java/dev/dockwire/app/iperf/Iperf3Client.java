package dev.dockwire.app.iperf;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;

/**
 * The client side of one iperf3 test (iperf_client_api.c): connects the control connection,
 * sends the cookie and parameters, opens the data stream when told to, runs the test for
 * {@code -t} seconds or {@code -n} bytes (as the sender, or with {@code -R} the receiver), then
 * exchanges results and prints the interval lines and the sender/receiver summary.
 */
final class Iperf3Client implements Iperf3Control.Handler {
    private final ProcessContext ctx;
    private final String host;
    private final int port;
    private final Iperf3Params params;
    private final long intervalNanos;
    private final Iperf3Stream stream;
    private final String cookie;
    private Iperf3Control control;
    /** Starts the sender once TEST_RUNNING arrives (set when the data stream is up). */
    private Runnable sendWhenRunning = () -> { };
    private int server;
    private Timer endTimer;
    private Timer tick;
    private boolean running;
    private boolean streamUp;
    private boolean testRunning;
    private boolean ended;
    private boolean done;
    private String serverResults = "";
    private long lastNanos;
    private long lastBytes;
    private long lastPackets;
    private long lastLost;

    Iperf3Client(ProcessContext ctx, String host, int port, Iperf3Params params, long intervalNanos) {
        this.ctx = ctx;
        this.host = host;
        this.port = port;
        this.params = params;
        this.intervalNanos = intervalNanos;
        this.stream = new Iperf3Stream(ctx, params, this::end);
        this.cookie = Iperf3Control.cookie(ctx::random);
    }

    void start() {
        new StubResolver(ctx).lookup(host, r -> {
            if (!r.ok()) {
                fail("unable to resolve host: " + host);
                return;
            }
            server = r.addresses().get(0);
            connect();
        });
    }

    private void connect() {
        ctx.out("Connecting to host " + host + ", port " + port);
        if (params.reverse()) {
            ctx.out("Reverse mode, remote host " + host + " is sending");
        }
        TcpSocket s = ctx.sockets().openTcp();
        long t0 = ctx.nanos();
        try {
            s.connect(server, port, err -> {
                if (err != null) {
                    fail("unable to connect to server: " + err.message());
                    return;
                }
                ctx.sample("iperf3 connect", ctx.nanos() - t0);
                Iperf3Control.sendCookie(s, cookie);
                control = new Iperf3Control(s, this);
                s.onEof(() -> fail("control socket has closed unexpectedly"));
                s.onError(e -> fail("control socket has closed unexpectedly: " + e.message()));
            });
        } catch (SocketException e) {
            fail("unable to connect to server: " + e.error().message());
        }
    }

    @Override
    public void cookie(String c) {
    }

    @Override
    public void state(int state) {
        switch (state) {
            case Iperf3Control.PARAM_EXCHANGE -> control.sendJson(params.toJson());
            case Iperf3Control.CREATE_STREAMS -> openStream();
            case Iperf3Control.TEST_START -> { }
            case Iperf3Control.TEST_RUNNING -> {
                testRunning = true;
                run();
            }
            case Iperf3Control.EXCHANGE_RESULTS -> {
                control.sendJson(stream.resultsJson(!params.reverse()));
                control.expectJson();
            }
            case Iperf3Control.DISPLAY_RESULTS -> {
                summary();
                control.sendState(Iperf3Control.IPERF_DONE);
                finish(0);
            }
            case Iperf3Control.ACCESS_DENIED -> fail("the server is busy running a test. try again later");
            default -> fail("received an unknown control message (" + state + ")");
        }
    }

    @Override
    public void json(String results) {
        serverResults = results;
    }

    /** CREATE_STREAMS: one data connection to the same port, introduced by the cookie. */
    private void openStream() {
        if (params.udp()) {
            UdpSocket u = ctx.sockets().openUdp();
            u.connect(server, port);
            u.onReceive((sock, src, sport, d) -> {
                if (!streamUp && d.readableBytes() == 4 && d.getInt(d.readerIndex()) == Iperf3Stream.UDP_CONNECT_REPLY) {
                    if (params.reverse()) {
                        stream.receiveUdp(u);
                    } else {
                        sendWhenRunning = () -> stream.sendUdp(u);
                    }
                    connected(ctx.sockets().sourceAddressFor(server), u.localPort());
                }
            });
            Iperf3Stream.sendUdpWord(u, Iperf3Stream.UDP_CONNECT_MSG);
            return;
        }
        TcpSocket s = ctx.sockets().openTcp();
        s.connect(server, port, err -> {
            if (err != null) {
                fail("unable to connect stream: " + err.message());
                return;
            }
            Iperf3Control.sendCookie(s, cookie);
            if (params.reverse()) {
                stream.receiveTcp(s, 0);
            } else {
                sendWhenRunning = () -> stream.sendTcp(s);
            }
            connected(s.localAddress(), s.localPort());
        });
    }

    private void connected(int local, int localPort) {
        streamUp = true;
        ctx.out(String.format("[%3d] local %s port %d connected to %s port %d", Iperf3Report.STREAM_ID,
                Ipv4Address.format(local), localPort, Ipv4Address.format(server), port));
        run();
    }

    /**
     * Once TEST_RUNNING has come and the data stream is up (iperf3 waits for a UDP stream's
     * connect reply before it reads the control connection again): the clock starts, the sender
     * sends, the interval reports begin.
     */
    private void run() {
        if (!testRunning || !streamUp || running) {
            return;
        }
        running = true;
        ctx.out(params.udp() ? (params.reverse() ? Iperf3Report.UDP_HEADER : Iperf3Report.UDP_SENDER_HEADER)
                : Iperf3Report.TCP_HEADER);
        lastNanos = ctx.nanos();
        stream.begin();
        sendWhenRunning.run();
        if (params.bytes() == 0) {
            endTimer = ctx.schedule((long) (params.timeSecs() * 1e9), this::end);
        }
        if (intervalNanos > 0) {
            tick = ctx.schedule(intervalNanos, this::interval);
        }
    }

    private void interval() {
        report();
        tick = ctx.schedule(intervalNanos, this::interval);
    }

    /** One interval line: what this side sent (or received) since the last one. */
    private void report() {
        long now = ctx.nanos();
        double from = (lastNanos - stream.startNanos) / 1e9;
        double to = (now - stream.startNanos) / 1e9;
        long bytes = stream.bytes - lastBytes;
        if (!params.udp()) {
            ctx.out(Iperf3Report.tcp(from, to, bytes, ""));
        } else if (!params.reverse()) {
            ctx.out(Iperf3Report.udpSender(from, to, bytes, stream.packets - lastPackets));
        } else {
            long lost = stream.lost - lastLost;
            ctx.out(Iperf3Report.udp(from, to, bytes, stream.jitter, lost, stream.packets - lastPackets + lost, ""));
        }
        lastNanos = now;
        lastBytes = stream.bytes;
        lastPackets = stream.packets;
        lastLost = stream.lost;
    }

    /** The test's end (-t elapsed or -n reached): the last partial interval, then TEST_END. */
    private void end() {
        if (ended || !running) {
            return;
        }
        ended = true;
        stream.stop();
        for (Timer t : new Timer[] {endTimer, tick}) {
            if (t != null) {
                t.cancel();
            }
        }
        // iperf3 skips a last interval shorter than a tenth of -i.
        if (intervalNanos > 0 && ctx.nanos() - lastNanos >= intervalNanos / 10) {
            report();
        }
        control.sendState(Iperf3Control.TEST_END);
    }

    /** The summary: this side's figures and the server's from its results. */
    private void summary() {
        long peerBytes = (long) Iperf3Params.field(serverResults, "bytes");
        double peerSecs = Iperf3Params.field(serverResults, "end_time");
        boolean sending = !params.reverse();
        long sBytes = sending ? stream.bytes : peerBytes;
        double sSecs = sending ? stream.seconds() : peerSecs;
        long rBytes = sending ? peerBytes : stream.bytes;
        double rSecs = sending ? peerSecs : stream.seconds();
        ctx.out(Iperf3Report.SEPARATOR);
        if (!params.udp()) {
            ctx.out(Iperf3Report.TCP_HEADER);
            ctx.out(Iperf3Report.tcp(0, sSecs, sBytes, "sender"));
            ctx.out(Iperf3Report.tcp(0, rSecs, rBytes, "receiver"));
        } else {
            long sent = sending ? stream.packets : (long) Iperf3Params.field(serverResults, "packets");
            long lost = sending ? (long) Iperf3Params.field(serverResults, "errors") : stream.lost;
            double jitter = sending ? Iperf3Params.field(serverResults, "jitter") : stream.jitter;
            ctx.out(Iperf3Report.UDP_HEADER);
            ctx.out(Iperf3Report.udp(0, sSecs, sBytes, 0, 0, sent, "sender"));
            ctx.out(Iperf3Report.udp(0, rSecs, rBytes, jitter, lost, sent, "receiver"));
        }
        ctx.out("");
        ctx.out("iperf Done.");
    }

    private void fail(String message) {
        if (done) {
            return;
        }
        ctx.err("iperf3: error - " + message);
        finish(1);
    }

    private void finish(int status) {
        done = true;
        stream.close();
        if (control != null) {
            control.socket().close();
        }
        ctx.exit(status);
    }
}
