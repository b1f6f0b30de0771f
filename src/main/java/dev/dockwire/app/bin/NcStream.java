package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.SocketError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * nc_bloaty.c's readwrite(): stdin to the network, the network to stdout, until both are closed.
 * stdin's end is shutdown(SHUT_WR) to the peer; the peer's FIN or an error closes the network side.
 * With {@code -w SEC} each poll waits SEC seconds and the second one that times out ends the run
 * with status 0 (netretry); with {@code -i SEC} one line goes out every SEC seconds, after a first
 * pause. What arrives is written to stdout as lines; a last line without a newline at the end.
 */
final class NcStream {
    private static final long SECOND = 1_000_000_000L;
    private final ProcessContext ctx;
    private final NcNet net;
    private final int waitSecs;
    private final int intervalSecs;
    private final StringBuilder partial = new StringBuilder();
    private IntConsumer done;
    private int open = 2;
    private int netretry = 2;
    private long wroteNet;
    private long wroteOut;
    private Timer poll;
    private boolean finished;

    NcStream(ProcessContext ctx, NcNet net, int waitSecs, int intervalSecs) {
        this.ctx = ctx;
        this.net = net;
        this.waitSecs = waitSecs;
        this.intervalSecs = intervalSecs;
    }

    /** Shovels until both sides are closed, then closes the socket and calls {@code done} with readwrite's status. */
    void run(List<String> stdin, IntConsumer done) {
        this.done = done;
        net.onData(this::fromNet);
        net.onEnd(this::netClosed);
        if (intervalSecs > 0) {
            ctx.schedule(intervalSecs * SECOND, () -> slowly(stdin, 0));
        } else {
            StringBuilder all = new StringBuilder();
            stdin.forEach(l -> all.append(l).append('\n'));
            if (all.length() > 0) {
                send(all.toString());
            }
            stdinClosed();
        }
        armPoll();
    }

    /** {@code -i}: one line, then the pause before the next. */
    private void slowly(List<String> lines, int next) {
        if (finished) {
            return;
        }
        if (next < lines.size()) {
            send(lines.get(next) + "\n");
            ctx.schedule(intervalSecs * SECOND, () -> slowly(lines, next + 1));
        } else {
            stdinClosed();
        }
    }

    private void send(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        net.write(b);
        wroteNet += b.length;
    }

    private void stdinClosed() {
        net.shutdownOutput();
        close();
    }

    private void fromNet(byte[] bytes) {
        if (finished) {
            return;
        }
        wroteOut += bytes.length;
        partial.append(new String(bytes, StandardCharsets.UTF_8));
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            ctx.out(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
        armPoll();
    }

    private void netClosed(SocketError error) {
        if (finished) {
            return;
        }
        flushPartial();
        close();
    }

    private void close() {
        if (--open == 0) {
            end(0);
        } else {
            armPoll();
        }
    }

    /** poll() with -w's timeout: every event starts a new one; two that run out end the run. */
    private void armPoll() {
        if (waitSecs <= 0 || finished) {
            return;
        }
        if (poll != null) {
            poll.cancel();
        }
        poll = ctx.schedule(waitSecs * SECOND, () -> {
            poll = null;
            if (--netretry == 0) {
                end(0);
            } else {
                armPoll();
            }
        });
    }

    private void flushPartial() {
        if (partial.length() > 0) {
            ctx.out(partial.toString());
            partial.setLength(0);
        }
    }

    private void end(int status) {
        if (finished) {
            return;
        }
        finished = true;
        if (poll != null) {
            poll.cancel();
        }
        flushPartial();
        net.close();
        done.accept(status);
    }

    /** SENT_N_RECV_M: what {@code -vv} prints at the end. */
    String counts() {
        return "sent " + wroteNet + ", rcvd " + wroteOut;
    }

}
