package dev.dockwire.testing;

import dev.dockwire.run.World;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Another machine on the Docker host's LAN (a laptop plugged into the same switch), for tests
 * that reach the host from outside: it speaks HTTP/1.0 over the socket API.
 */
public final class LanClient {
    private final World world;
    private final String ns;

    public LanClient(World world, String name, String address) {
        this.world = world;
        this.ns = name;
        world.outside().machine(name, Ipv4Address.parse(address));
    }

    /** {@code GET /} to {@code addr:port}: the whole response, or {@code "error: ECONNREFUSED"} and the like. */
    public String get(String addr, int port) {
        StringBuilder response = new StringBuilder();
        String[] error = {null};
        boolean[] done = {false};
        TcpSocket s = world.lanKernel().sockets(ns).openTcp();
        s.onData(d -> response.append(d.toString(StandardCharsets.ISO_8859_1)));
        s.onEof(() -> {
            done[0] = true;
            s.close();
        });
        s.onError(e -> {
            error[0] = e.name();
            done[0] = true;
        });
        s.connect(Ipv4Address.parse(addr).bits(), port, (SocketError err) -> {
            if (err != null) {
                error[0] = err.name();
                done[0] = true;
                return;
            }
            var req = Unpooled.copiedBuffer("GET / HTTP/1.0\r\nHost: " + addr + "\r\n\r\n", StandardCharsets.US_ASCII);
            s.write(req);
            req.release();
        });
        world.emulation().loop().runUntil(() -> done[0]);
        return error[0] != null ? "error: " + error[0] : response.toString();
    }
}
