package dev.dockwire.app.iperf;

import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * iperf3's control connection (iperf_api.c): the client's 37-byte cookie first, then one signed
 * byte per state change, and JSON messages (parameters, results) as a 4-byte big-endian length
 * and the text. Incoming bytes are read as whatever the receiver expects next.
 */
final class Iperf3Control {
    static final int TEST_START = 1;
    static final int TEST_RUNNING = 2;
    static final int TEST_END = 4;
    static final int PARAM_EXCHANGE = 9;
    static final int CREATE_STREAMS = 10;
    static final int EXCHANGE_RESULTS = 13;
    static final int DISPLAY_RESULTS = 14;
    static final int IPERF_DONE = 16;
    static final int ACCESS_DENIED = -1;
    /** COOKIE_SIZE: 36 characters and a NUL. */
    static final int COOKIE_SIZE = 37;
    private static final String COOKIE_CHARS = "abcdefghijklmnopqrstuvwxyz234567";

    /** What the receiving side reacts to. */
    interface Handler {
        void cookie(String cookie);

        void state(int state);

        void json(String json);
    }

    private final TcpSocket socket;
    private final Handler handler;
    private byte[] pending = new byte[0];
    private boolean expectCookie;
    private boolean expectJson;

    Iperf3Control(TcpSocket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
        socket.onData(this::feed);
    }

    /** make_cookie: 36 characters from iperf3's alphabet, drawn with {@code random}. */
    static String cookie(IntUnaryOperator random) {
        char[] c = new char[COOKIE_SIZE - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = COOKIE_CHARS.charAt(random.applyAsInt(COOKIE_CHARS.length()));
        }
        return new String(c);
    }

    TcpSocket socket() {
        return socket;
    }

    /** The next bytes are a cookie (the server's first read on a new connection). */
    void expectCookie() {
        expectCookie = true;
    }

    /** The next bytes are a length-prefixed JSON message. */
    void expectJson() {
        expectJson = true;
    }

    static void sendCookie(TcpSocket s, String cookie) {
        write(s, Arrays.copyOf(cookie.getBytes(StandardCharsets.US_ASCII), COOKIE_SIZE));
    }

    void sendState(int state) {
        sendState(socket, state);
    }

    static void sendState(TcpSocket s, int state) {
        write(s, new byte[] {(byte) state});
    }

    void sendJson(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] msg = new byte[4 + text.length];
        msg[0] = (byte) (text.length >>> 24);
        msg[1] = (byte) (text.length >>> 16);
        msg[2] = (byte) (text.length >>> 8);
        msg[3] = (byte) text.length;
        System.arraycopy(text, 0, msg, 4, text.length);
        write(socket, msg);
    }

    private static void write(TcpSocket s, byte[] bytes) {
        // Control messages are a few hundred bytes at most: the send buffer always takes them whole.
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        s.write(b);
        b.release();
    }

    private void feed(ByteBuf data) {
        byte[] in = new byte[data.readableBytes()];
        data.readBytes(in);
        byte[] all = Arrays.copyOf(pending, pending.length + in.length);
        System.arraycopy(in, 0, all, pending.length, in.length);
        int at = 0;
        while (at < all.length) {
            int used = next(all, at);
            if (used == 0) {
                break;
            }
            at += used;
        }
        pending = Arrays.copyOfRange(all, at, all.length);
    }

    /** Handles one message at {@code at} if it is complete; returns the bytes it took, or 0. */
    private int next(byte[] b, int at) {
        int left = b.length - at;
        if (expectCookie) {
            if (left < COOKIE_SIZE) {
                return 0;
            }
            expectCookie = false;
            handler.cookie(new String(b, at, COOKIE_SIZE - 1, StandardCharsets.US_ASCII));
            return COOKIE_SIZE;
        }
        if (expectJson) {
            if (left < 4) {
                return 0;
            }
            int len = (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
            if (left < 4 + len) {
                return 0;
            }
            expectJson = false;
            handler.json(new String(b, at + 4, len, StandardCharsets.UTF_8));
            return 4 + len;
        }
        handler.state(b[at]);
        return 1;
    }
}
