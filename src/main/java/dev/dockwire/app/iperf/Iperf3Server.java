package dev.dockwire.app.iperf;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;

/**
 * {@code iperf3 -s} (iperf_server_api.c): listens on the port, runs one test at a time (a second
 * client is told ACCESS_DENIED), receives or with {@code -R} sends the data stream, and exchanges
 * results; with {@code -1} it exits after one test, with {@code -D} it runs as a daemon. Prints
 * the banner and who connected; its own interval reports are not printed.
 */
final class Iperf3Server {
    private final ProcessContext ctx;
    private final int port;
    private final boolean oneOff;
    private final boolean daemon;
    private TcpListener listener;
    private Test current;

    Iperf3Server(ProcessContext ctx, int port, boolean oneOff, boolean daemon) {
        this.ctx = ctx;
        this.port = port;
        this.oneOff = oneOff;
        this.daemon = daemon;
    }

    void start() {
        try {
            listener = ctx.sockets().listenTcp(0, port, 5);
        } catch (SocketException e) {
            ctx.err("iperf3: error - unable to start listener for connections: " + e.error().message());
            ctx.err("iperf3: exiting");
            ctx.exit(1);
            return;
        }
        if (daemon) {
            ctx.daemonize();
        }
        banner();
        listener.onAccept(s -> {
            if (current == null) {
                current = new Test(s);
            } else if (current.awaitingStream && !current.params.udp()) {
                current.streamAccepted(s);
            } else {
                Iperf3Control.sendState(s, Iperf3Control.ACCESS_DENIED);
                s.close();
            }
        });
    }

    private void banner() {
        ctx.out("-----------------------------------------------------------");
        ctx.out("Server listening on " + port + " (test #1)");
        ctx.out("-----------------------------------------------------------");
    }

    /** One client's test, driven by its control connection. */
    private final class Test implements Iperf3Control.Handler {
        private final Iperf3Control control;
        private Iperf3Params params;
        private Iperf3Stream stream;
        private boolean awaitingStream;

        Test(TcpSocket s) {
            control = new Iperf3Control(s, this);
            control.expectCookie();
            s.onEof(this::close);
            s.onError(e -> close());
        }

        @Override
        public void cookie(String cookie) {
            TcpSocket s = control.socket();
            ctx.out("Accepted connection from " + Ipv4Address.format(s.remoteAddress()) + ", port " + s.remotePort());
            control.sendState(Iperf3Control.PARAM_EXCHANGE);
            control.expectJson();
        }

        @Override
        public void json(String json) {
            if (params != null) {
                // The client's results came: ours go back, then the client may print.
                control.sendJson(stream.resultsJson(params.reverse()));
                control.sendState(Iperf3Control.DISPLAY_RESULTS);
                return;
            }
            params = Iperf3Params.fromJson(json);
            stream = new Iperf3Stream(ctx, params, () -> { });
            if (params.udp()) {
                openUdp();
            }
            awaitingStream = true;
            control.sendState(Iperf3Control.CREATE_STREAMS);
        }

        private void openUdp() {
            UdpSocket u = ctx.sockets().openUdp();
            u.bind(0, port);
            u.onReceive((sock, src, sport, d) -> {
                if (awaitingStream && d.readableBytes() == 4 && d.getInt(d.readerIndex()) == Iperf3Stream.UDP_CONNECT_MSG) {
                    u.connect(src, sport);
                    Iperf3Stream.sendUdpWord(u, Iperf3Stream.UDP_CONNECT_REPLY);
                    connected(src, sport);
                    if (params.reverse()) {
                        running(() -> stream.sendUdp(u));
                    } else {
                        stream.receiveUdp(u);
                        running(() -> { });
                    }
                }
            });
        }

        void streamAccepted(TcpSocket s) {
            connected(s.remoteAddress(), s.remotePort());
            if (params.reverse()) {
                s.onData(d -> { }); // the cookie that introduces the stream
                running(() -> stream.sendTcp(s));
            } else {
                stream.receiveTcp(s, Iperf3Control.COOKIE_SIZE);
                running(() -> { });
            }
        }

        private void connected(int peer, int peerPort) {
            ctx.out(String.format("[%3d] local %s port %d connected to %s port %d", Iperf3Report.STREAM_ID,
                    Ipv4Address.format(control.socket().localAddress()), port, Ipv4Address.format(peer), peerPort));
        }

        /** The stream is up: TEST_START, TEST_RUNNING, and the data flows. */
        private void running(Runnable send) {
            awaitingStream = false;
            control.sendState(Iperf3Control.TEST_START);
            control.sendState(Iperf3Control.TEST_RUNNING);
            stream.begin();
            send.run();
        }

        @Override
        public void state(int state) {
            if (state == Iperf3Control.TEST_END && stream != null) {
                stream.stop();
                control.sendState(Iperf3Control.EXCHANGE_RESULTS);
                control.expectJson();
            } else if (state == Iperf3Control.IPERF_DONE) {
                close();
            }
        }

        private void close() {
            if (current != this) {
                return;
            }
            current = null;
            if (stream != null) {
                stream.close();
            }
            control.socket().close();
            if (oneOff) {
                listener.close();
                ctx.exit(0);
            }
        }
    }
}
