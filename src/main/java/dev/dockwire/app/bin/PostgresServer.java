package dev.dockwire.app.bin;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The postgres image's server as far as a connection check sees it (PostgreSQL's frontend/backend
 * protocol 3.0, backend startup in postmaster.c): it listens on 5432; an SSLRequest is answered
 * {@code N} (the image runs without SSL); a StartupMessage is answered, for the server's first
 * {@link #STARTUP_NANOS} (its start-up and recovery), with the FATAL error 57P03 {@code the
 * database system is starting up}, afterwards with AuthenticationOk and ReadyForQuery (the image
 * trusts local connections).
 */
public final class PostgresServer {
    /** How long the modelled server takes to start before it accepts connections. */
    public static final long STARTUP_NANOS = 1_000_000_000L;
    static final int PORT = 5432;
    static final int SSL_REQUEST = 80877103;
    static final int PROTOCOL_3 = 196608;
    /** pqcomm.h MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10000;

    private final TcpListener listener;

    private PostgresServer(TcpListener listener) {
        this.listener = listener;
    }

    /** Starts listening on {@code sockets}; {@code nanos}, the engine's clock, tells when it has finished starting up. */
    public static PostgresServer start(Sockets sockets, LongSupplier nanos) {
        long ready = nanos.getAsLong() + STARTUP_NANOS;
        TcpListener l = sockets.listenTcp(0, PORT, 511);
        l.onAccept(s -> {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            Dial.receive(s, chunk -> {
                in.writeBytes(chunk);
                byte[] b = in.toByteArray();
                while (b.length >= 8) {
                    int len = ByteBuffer.wrap(b).getInt();
                    if (len < 8 || len > MAX_STARTUP_PACKET_LENGTH) {
                        // backend_startup.c ProcessStartupPacket: "invalid length of startup packet",
                        // logged, and the connection closed without a reply (curl: Empty reply).
                        s.close();
                        return;
                    }
                    if (b.length < len) {
                        return;
                    }
                    int code = ByteBuffer.wrap(b, 4, 4).getInt();
                    in.reset();
                    in.write(b, len, b.length - len);
                    answer(s, code, nanos.getAsLong() >= ready);
                    b = in.toByteArray();
                }
            });
            s.onEof(s::close);
        });
        return new PostgresServer(l);
    }

    private static void answer(TcpSocket s, int code, boolean ready) {
        if (code == SSL_REQUEST) {
            Dial.send(s, new byte[] {'N'});
            return;
        }
        if (!ready) {
            Dial.send(s, error("FATAL", "57P03", "the database system is starting up"));
            s.close();
            return;
        }
        ByteBuffer ok = ByteBuffer.allocate(9 + 6);
        ok.put((byte) 'R').putInt(8).putInt(0); // AuthenticationOk
        ok.put((byte) 'Z').putInt(5).put((byte) 'I'); // ReadyForQuery, idle
        Dial.send(s, ok.array());
    }

    /** An ErrorResponse with severity, SQLSTATE and message fields. */
    static byte[] error(String severity, String sqlstate, String message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, 'S', severity);
        field(body, 'V', severity);
        field(body, 'C', sqlstate);
        field(body, 'M', message);
        body.write(0);
        byte[] fields = body.toByteArray();
        return ByteBuffer.allocate(5 + fields.length).put((byte) 'E').putInt(4 + fields.length).put(fields).array();
    }

    private static void field(ByteArrayOutputStream out, char type, String value) {
        out.write(type);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    public void stop() {
        listener.close();
    }
}
