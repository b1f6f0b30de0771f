package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * nc's doexec ({@code -e PROG ARGS}): PROG runs with the socket as stdin and stdout (stderr stays
 * nc's). {@code cat} copies what arrives back to the peer until the peer's FIN, then exits 0, which
 * closes the connection; another modelled program writes its lines to the peer and its exit closes
 * it. A program the image does not have is BB_EXECVP_or_die's {@code nc: can't execute 'X': No
 * such file or directory} and 127.
 */
final class NcExec {
    private NcExec() {
    }

    /** Runs {@code prog} on {@code net}; {@code done} hears its exit status. */
    static void run(ProcessContext ctx, NcNet net, List<String> prog, IntConsumer done) {
        String name = prog.get(0);
        String base = name.substring(name.lastIndexOf('/') + 1);
        List<String> args = prog.subList(1, prog.size());
        if (base.equals("cat") && (args.isEmpty() || args.equals(List.of("-")))) {
            net.onData(net::write);
            net.onEnd(e -> {
                net.close();
                done.accept(0);
            });
            return;
        }
        Program p = Programs.create(name);
        if (p == null) {
            ctx.err("nc: can't execute '" + name + "': No such file or directory");
            net.close();
            done.accept(127);
            return;
        }
        net.onData(b -> { });
        net.onEnd(e -> { });
        p.start(new OnSocket(ctx, net, done), args);
    }

    /** The program's view: nc's context with stdout on the socket and exit closing it. */
    private static final class OnSocket implements ProcessContext {
        private final ProcessContext ctx;
        private final NcNet net;
        private final IntConsumer done;
        private boolean exited;

        OnSocket(ProcessContext ctx, NcNet net, IntConsumer done) {
            this.ctx = ctx;
            this.net = net;
            this.done = done;
        }

        @Override
        public Sockets sockets() {
            return ctx.sockets();
        }

        @Override
        public long nanos() {
            return ctx.nanos();
        }

        @Override
        public String getenv(String name) {
            return ctx.getenv(name);
        }

        @Override
        public long epochMillis() {
            return ctx.epochMillis();
        }

        @Override
        public Timer schedule(long delayNanos, Runnable task) {
            return ctx.schedule(delayNanos, () -> {
                if (!exited) {
                    task.run();
                }
            });
        }

        @Override
        public String readFile(String path) {
            return ctx.readFile(path);
        }

        @Override
        public void writeFile(String path, String content) {
            ctx.writeFile(path, content);
        }

        @Override
        public int random(int bound) {
            return ctx.random(bound);
        }

        @Override
        public String hostname() {
            return ctx.hostname();
        }

        @Override
        public void out(String line) {
            if (!exited) {
                net.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void err(String line) {
            if (!exited) {
                ctx.err(line);
            }
        }

        @Override
        public void sample(String metric, long nanos) {
            ctx.sample(metric, nanos);
        }

        @Override
        public void daemonize() {
            ctx.daemonize();
        }

        @Override
        public void onSignal(Signal signal, Runnable handler) {
            ctx.onSignal(signal, handler);
        }

        @Override
        public void exit(int status) {
            if (!exited) {
                exited = true;
                net.close();
                done.accept(status);
            }
        }
    }
}
