package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * nc's readwrite loop ({@link NcStream}) by state on a virtual clock, its socket a stand-in that
 * records what was written and when the write side was shut: stdin first then SHUT_WR, the peer's
 * bytes as lines, and {@code -w}'s netretry (the second idle poll ends the run, status 0).
 */
class NcStreamTest {
    private static final long SECOND = 1_000_000_000L;
    private final EventLoop loop = new EventLoop();
    private final List<String> stdout = new ArrayList<>();
    private final StringBuilder sent = new StringBuilder();
    private boolean shut;
    private boolean closed;
    private Consumer<byte[]> data;
    private Consumer<SocketError> end;
    private Integer status;

    private final NcNet net = new NcNet() {
        @Override
        public void write(byte[] bytes) {
            sent.append(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void shutdownOutput() {
            shut = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void onData(Consumer<byte[]> d) {
            data = d;
        }

        @Override
        public void onEnd(Consumer<SocketError> e) {
            end = e;
        }
    };

    private final ProcessContext ctx = new ProcessContext() {
        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nanos() {
            return loop.nanos();
        }

        @Override
        public long epochMillis() {
            return 0;
        }

        @Override
        public Timer schedule(long delayNanos, Runnable task) {
            Timeout t = loop.schedule(delayNanos, task);
            return t::cancel;
        }

        @Override
        public String readFile(String path) {
            return null;
        }

        @Override
        public void writeFile(String path, String content) {
            throw new UnsupportedOperationException(path);
        }

        @Override
        public int random(int bound) {
            return 0;
        }

        @Override
        public String hostname() {
            return "c";
        }

        @Override
        public void out(String line) {
            stdout.add(line);
        }

        @Override
        public void err(String line) {
            stdout.add("2> " + line);
        }

        @Override
        public void sample(String metric, long nanos) {
        }

        @Override
        public void daemonize() {
        }

        @Override
        public void onSignal(Signal signal, Runnable handler) {
        }

        @Override
        public void exit(int s) {
            status = s;
        }
    };

    private void peer(String text) {
        data.accept(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stdinThenShutdownAndThePeersFinEndsTheRun() {
        NcStream s = new NcStream(ctx, net, 0, 0);
        s.run(List.of("hello", "world"), st -> status = st);
        assertEquals("hello\nworld\n", sent.toString());
        assertEquals(true, shut, "end of stdin is shutdown(SHUT_WR)");
        peer("hel");
        peer("lo\npart");
        assertEquals(List.of("hello"), stdout);
        assertNull(status, "one side is still open");
        end.accept(null);
        assertEquals(List.of("hello", "part"), stdout, "a last line without its newline still reaches stdout");
        assertEquals(0, status);
        assertEquals(true, closed);
        assertEquals("sent 12, rcvd 10", s.counts());
    }

    @Test
    void aResetEndsTheNetworkSideWithoutAnError() {
        new NcStream(ctx, net, 0, 0).run(List.of(), st -> status = st);
        end.accept(SocketError.ECONNRESET);
        assertEquals(0, status);
        assertEquals(List.of(), stdout);
    }

    @Test
    void withWTheSecondIdlePollEndsTheRun() {
        long[] endedAt = new long[1];
        new NcStream(ctx, net, 1, 0).run(List.of(), st -> {
            status = st;
            endedAt[0] = loop.nanos();
        });
        loop.runFor(SECOND / 2);
        peer("late\n");
        loop.runFor(SECOND + SECOND / 4);
        assertNull(status, "data restarted the poll; one timeout so far");
        loop.runFor(SECOND);
        assertEquals(0, status);
        assertEquals(2_500_000_000L, endedAt[0], "timeouts at 1.5 s (data at 0.5 s restarted the first) and 2.5 s");
        assertEquals(List.of("late"), stdout);
    }

    @Test
    void withIOneLineGoesOutEverySeconds() {
        new NcStream(ctx, net, 0, 2).run(List.of("a", "b"), st -> status = st);
        assertEquals("", sent.toString(), "-i pauses before the first line too");
        loop.runFor(2 * SECOND);
        assertEquals("a\n", sent.toString());
        loop.runFor(2 * SECOND);
        assertEquals("a\nb\n", sent.toString());
        assertEquals(false, shut);
        loop.runFor(2 * SECOND);
        assertEquals(true, shut);
    }
}
