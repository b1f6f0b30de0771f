package dev.dockwire.docker;

import dev.dockwire.app.http.HttpServer;
import dev.dockwire.app.http.Responses;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import java.util.List;

/**
 * What a container's image runs as its main process, for the images dockwire models:
 * {@code nginx} (welcome page on 80), {@code hashicorp/http-echo} ({@code -text=...} on 5678 or
 * {@code -listen=:PORT}), {@code httpd} (on 80), and {@code postgres}, {@code mongo},
 * {@code redis}, {@code mysql} listening on their ports. Other images run nothing that listens.
 */
final class ImageDaemons {
    /** A started main process; stopped when the container stops. */
    interface Daemon {
        void stop();
    }

    private ImageDaemons() {
    }

    static Daemon start(Engine engine, Container c, Sockets sockets) {
        String image = Images.baseName(c.image());
        List<String> cmd = c.cmd();
        long epoch = Exec.EPOCH_MILLIS;
        return switch (image) {
            case "nginx" -> http(sockets, 80, req -> Responses.nginx(req, epoch + engine.clock().nanos() / 1_000_000));
            case "httpd" -> http(sockets, 80, req -> Responses.echo(req, "<html><body><h1>It works!</h1></body></html>",
                    epoch + engine.clock().nanos() / 1_000_000));
            case "http-echo" -> {
                String text = "hello-world";
                int port = 5678;
                for (String a : cmd) {
                    if (a.startsWith("-text=")) {
                        text = a.substring(6);
                    } else if (a.startsWith("-listen=")) {
                        port = Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
                    }
                }
                String t = text;
                yield http(sockets, port, req -> Responses.echo(req, t, epoch + engine.clock().nanos() / 1_000_000));
            }
            case "postgres" -> listen(sockets, 5432);
            case "mysql", "mariadb" -> listen(sockets, 3306);
            case "mongo" -> listen(sockets, 27017);
            case "redis" -> listen(sockets, 6379);
            default -> null;
        };
    }

    private static Daemon http(Sockets sockets, int port, java.util.function.Function<dev.dockwire.app.http.HttpMessage,
            dev.dockwire.app.http.HttpMessage> handler) {
        HttpServer server = new HttpServer(sockets, port, handler);
        server.start();
        return server::stop;
    }

    /** A server that accepts connections and keeps them open (enough for a TCP connect check). */
    private static Daemon listen(Sockets sockets, int port) {
        TcpListener l = sockets.listenTcp(0, port, 511);
        l.onAccept(s -> {
            s.onData(d -> { });
            s.onEof(s::close);
        });
        return l::close;
    }
}
