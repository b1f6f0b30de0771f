package dev.dockwire.run;

import dev.dockwire.sim.EventLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ip netns exec NETNS tcpdump -i DEV -U --immediate-mode -w FILE} (immediate: libpcap would
 * otherwise hold frames in its ring until a block times out, and lose them on SIGTERM): the real tcpdump recording a real
 * interface (promiscuously, as by default) while a test runs its exchange; {@link #close} stops it
 * with SIGTERM, on which tcpdump writes out what it holds and exits.
 */
final class NetnsTcpdump implements AutoCloseable {
    private final Process process;
    private final EventLoop loop;
    private final StringBuilder said = new StringBuilder();
    private final Thread reader;

    /** Starts tcpdump and returns once it reports that it listens. */
    NetnsTcpdump(EventLoop loop, String netns, String dev, Path file) throws IOException, InterruptedException {
        this.loop = loop;
        process = new ProcessBuilder("ip", "netns", "exec", netns, "tcpdump", "-i", dev, "-n", "-U", "--immediate-mode", "-w", file.toString())
                .redirectErrorStream(true).start();
        CountDownLatch listening = new CountDownLatch(1);
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (said) {
                        said.append(line).append('\n');
                    }
                    if (line.contains("listening on")) {
                        listening.countDown();
                    }
                }
            } catch (IOException ignored) {
                // tcpdump went away
            }
            listening.countDown();
        }, "dockwire-tcpdump");
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(10, TimeUnit.SECONDS) || !process.isAlive()) {
            process.destroyForcibly();
            throw new IOException("tcpdump did not start on " + dev + " in " + netns + ": " + output());
        }
    }

    /** Lets the loop run 300 ms more (frames still in flight reach the file), then stops tcpdump. */
    @Override
    public void close() throws InterruptedException {
        loop.runFor(TimeUnit.MILLISECONDS.toNanos(300));
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(5000);
    }

    /** What tcpdump printed (its banner and the counts at exit). */
    String output() {
        synchronized (said) {
            return said.toString();
        }
    }
}
