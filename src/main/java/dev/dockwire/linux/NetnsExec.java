package dev.dockwire.linux;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ip netns exec NETNS COMMAND...}: a real program in a real namespace, while the emulation's
 * loop keeps running (wall clock) so that our programs on real sockets there — the embedded DNS
 * resolver, HTTP servers, docker-proxy — answer it.
 */
public final class NetnsExec {
    /** What the command printed (stdout and stderr, interleaved) and its exit status. */
    public record Result(int status, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    private NetnsExec() {
    }

    /** Runs the command, killing it after {@code timeoutMillis}; the loop runs on this thread meanwhile. */
    public static Result run(EventLoop loop, String netns, long timeoutMillis, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        argv.addAll(List.of(command));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // no stdin to give
        }
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process went away: what was read is the output
            }
        }, "dockwire-netns-exec");
        reader.setDaemon(true);
        reader.start();
        p.onExit().thenRun(() -> loop.post(() -> { }));
        Timeout kill = loop.schedule(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), p::destroyForcibly);
        loop.hold();
        try {
            loop.runUntil(() -> !p.isAlive());
        } finally {
            loop.release();
            kill.cancel();
        }
        try {
            p.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return new Result(p.exitValue(), List.copyOf(lines));
        }
    }
}
