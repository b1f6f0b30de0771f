package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestHost;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown in a program's socket callback is that program's crash, as one in its main
 * is ({@link ProcessGuard}): a line on its stderr, status 1, its sockets closed; the loop, the
 * script and the other processes go on.
 */
class SocketCallbackCrashTest {
    private final TestHost h = new TestHost(1);
    private final Engine engine = h.world.engine();
    private final EventLoop loop = h.world.emulation().loop();
    private final List<String> lines = new ArrayList<>();
    private final Exec.Files files = new Exec.Files() {
        @Override
        public String readFile(String path) {
            return null;
        }

        @Override
        public boolean writeFile(String path, String content, boolean append) {
            return false;
        }
    };

    @AfterEach
    void tearDown() {
        h.close();
    }

    private String ns(String container) {
        return engine.container(container).netns();
    }

    private Process serve(String name, dev.dockwire.app.Program program) {
        h.ok("docker run -d --name srv alpine sleep 3600");
        h.ok("docker run -d --name cli alpine sleep 3600");
        return new Exec(engine, loop, ns("srv"), "srv", files)
                .start(name, program, List.of(), Map.of(), (stream, line) -> lines.add(stream + " " + line));
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    void aThrowingReceiveHandlerEndsThatProgramAndClosesItsSocket() {
        Process udpd = serve("udpd", (ctx, args) -> {
            UdpSocket s = ctx.sockets().openUdp();
            s.bind(0, 9999);
            s.onReceive((sock, src, port, data) -> {
                throw new IllegalStateException("handler lost its state");
            });
        });
        loop.runFor(1_000_000);
        assertTrue(udpSockets("srv") > 0, "bound");
        UdpSocket client = engine.kernel().sockets(ns("cli")).openUdp();
        ByteBuf hi = text("hi");
        client.send(0xAC110002, 9999, hi);
        hi.release();
        loop.runFor(1_000_000_000L);
        assertEquals(List.of("stderr dockwire: udpd: handler lost its state"), lines);
        assertEquals(1, udpd.status());
        assertEquals(0, udpSockets("srv"), "a dead process's socket is closed");
        CommandOutput next = new Exec(engine, loop, ns("cli"), "cli", files).run("good", (ctx, args) -> ctx.schedule(5_000, () -> {
            ctx.out("still here");
            ctx.exit(0);
        }), List.of());
        assertEquals(new CommandOutput(0, List.of("still here")), next);
    }

    @Test
    void aThrowingDataHandlerOfAnAcceptedConnectionEndsTheServer() {
        Process tcpd = serve("tcpd", (ctx, args) -> {
            TcpListener l = ctx.sockets().listenTcp(0, 8080, 128);
            l.onAccept(s -> s.onData(data -> {
                throw new NumberFormatException("For input string: \"zz\"");
            }));
        });
        loop.runFor(1_000_000);
        List<String> events = new ArrayList<>();
        TcpSocket c = engine.kernel().sockets(ns("cli")).openTcp();
        c.onError(e -> events.add(e.name()));
        c.onEof(() -> events.add("EOF"));
        c.connect(0xAC110002, 8080, err -> {
            ByteBuf b = text("zz\r\n");
            c.write(b);
            b.release();
        });
        loop.runFor(1_000_000_000L);
        assertEquals(List.of("stderr dockwire: tcpd: For input string: \"zz\""), lines);
        assertEquals(1, tcpd.status());
        assertEquals(List.of("EOF"), events, "exit closes the dead server's connection (it read what came: a FIN)");
        TcpSocket again = engine.kernel().sockets(ns("cli")).openTcp();
        SocketError[] refused = new SocketError[1];
        again.connect(0xAC110002, 8080, err -> refused[0] = err);
        loop.runFor(1_000_000_000L);
        assertEquals(SocketError.ECONNREFUSED, refused[0], "the listener closed with it");
    }

    private long udpSockets(String container) {
        return engine.kernel().inetSockets(ns(container)).stream().filter(i -> i.proto().startsWith("udp")).count();
    }
}
