package dev.dockwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A small TCP server on 127.0.0.1 (loopback only) for the tests that run a real client beside the
 * emulated one: for each connection it writes an optional greeting, reads a request up to its blank
 * line, writes what {@code answer} makes of it (null: nothing) and closes. Also gives a port that
 * nothing listens on.
 */
public final class LoopbackServer implements AutoCloseable {
    private final ServerSocket server;

    private LoopbackServer(String greeting, UnaryOperator<String> answer) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    if (greeting != null) {
                        out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    String reply = answer.apply(readRequest(s.getInputStream()));
                    if (reply != null) {
                        out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    // closed by the test's end
                }
            }
        }, "loopback-server");
        t.setDaemon(true);
        t.start();
    }

    /** A server that answers each request with {@code answer}'s text (null: closes without a word), after {@code greeting} if not null. */
    public static LoopbackServer start(String greeting, UnaryOperator<String> answer) throws IOException {
        return new LoopbackServer(greeting, answer);
    }

    /**
     * An HTTP server as nginx answers: {@code GET /} and {@code HEAD /} with {@code page}, anything
     * else with a 404 carrying {@code notFound}; {@code headers} (each ending in CRLF) after
     * Content-Length.
     */
    public static LoopbackServer http(String page, String notFound, String headers) throws IOException {
        return new LoopbackServer(null, request -> {
            boolean root = request.startsWith("GET / ") || request.startsWith("HEAD / ");
            String body = root ? page : notFound;
            return (root ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/html\r\nContent-Length: "
                    + body.length() + "\r\n" + headers + "\r\n" + (request.startsWith("HEAD") ? "" : body);
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A loopback port nothing listens on (bound, then closed), for "connection refused". */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }
}
