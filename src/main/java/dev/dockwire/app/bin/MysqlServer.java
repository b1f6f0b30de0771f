package dev.dockwire.app.bin;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The mysql and mariadb images' server as far as a client's ping sees it (MySQL's client/server
 * protocol): on 3306 it sends the Protocol::HandshakeV10 greeting, answers the client's handshake
 * response with OK (the modelled server checks no passwords), then OK to COM_PING and closes on
 * COM_QUIT.
 */
public final class MysqlServer {
    static final int PORT = 3306;
    static final int COM_QUIT = 0x01;
    static final int COM_PING = 0x0e;

    private final TcpListener listener;

    private MysqlServer(TcpListener listener) {
        this.listener = listener;
    }

    /** Starts listening; {@code version} is what the greeting names ({@code 9.4.0}, {@code 12.3.2-MariaDB}). */
    public static MysqlServer start(Sockets sockets, String version) {
        TcpListener l = sockets.listenTcp(0, PORT, 511);
        l.onAccept(s -> {
            Dial.send(s, packet(0, greeting(version)));
            Dial.receive(s, b -> {
                int seq = b.length > 3 ? b[3] & 0xff : 0;
                int command = b.length > 4 ? b[4] & 0xff : -1;
                if (seq == 0 && command == COM_QUIT) {
                    s.close();
                    return;
                }
                Dial.send(s, packet(seq + 1, ok()));
            });
            s.onEof(s::close);
        });
        return new MysqlServer(l);
    }

    private static byte[] greeting(String version) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.write(10); // protocol version
        g.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
        g.write(0);
        g.writeBytes(new byte[] {8, 0, 0, 0}); // connection id
        g.writeBytes("12345678".getBytes(StandardCharsets.US_ASCII)); // auth-plugin-data part 1
        g.write(0);
        g.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff}); // capabilities, lower
        g.write(0xff); // utf8mb4_0900_ai_ci
        g.writeBytes(new byte[] {2, 0}); // SERVER_STATUS_AUTOCOMMIT
        g.writeBytes(new byte[] {(byte) 0xff, (byte) 0xdf}); // capabilities, upper
        g.write(21); // auth-plugin-data length
        g.writeBytes(new byte[10]);
        g.writeBytes("123456789012".getBytes(StandardCharsets.US_ASCII));
        g.write(0);
        g.writeBytes("caching_sha2_password".getBytes(StandardCharsets.US_ASCII));
        g.write(0);
        return g.toByteArray();
    }

    private static byte[] ok() {
        return new byte[] {0x00, 0, 0, 2, 0, 0, 0};
    }

    /** A packet: 3-byte little-endian length, sequence id, payload. */
    static byte[] packet(int seq, byte[] payload) {
        byte[] p = new byte[4 + payload.length];
        p[0] = (byte) payload.length;
        p[1] = (byte) (payload.length >> 8);
        p[2] = (byte) (payload.length >> 16);
        p[3] = (byte) seq;
        System.arraycopy(payload, 0, p, 4, payload.length);
        return p;
    }

    public void stop() {
        listener.close();
    }
}
