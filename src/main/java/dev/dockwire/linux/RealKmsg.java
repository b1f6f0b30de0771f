package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.Klog;
import dev.dockwire.kernel.Kmsg;
import dev.dockwire.sim.EventLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's kernel log, read as util-linux's {@code dmesg --raw} prints /dev/kmsg
 * ({@code <PRI>[SECONDS.MICROS] TEXT}); a real kernel has one log for all its namespaces, so this
 * is the same for every run. Also the real tools that print kernel events until a signal.
 */
final class RealKmsg implements Klog {
    private final EventLoop loop;
    private static final Pattern RAW = Pattern.compile("<\\d+>\\[\\s*(\\d+)\\.(\\d{6})] ?(.*)");

    RealKmsg(EventLoop loop) {
        this.loop = loop;
    }

    /** {@code dmesg --raw}: the records since the last clear. */
    @Override
    public List<Kmsg> read() {
        Process p = start("dmesg", "--raw");
        List<Kmsg> out = new ArrayList<>();
        try (BufferedReader r = reader(p)) {
            for (String line; (line = r.readLine()) != null; ) {
                Kmsg k = parse(line);
                if (k != null) {
                    out.add(k);
                }
            }
            int status = p.waitFor();
            if (status != 0) {
                throw new KernelException("dmesg: read kernel buffer failed: Operation not permitted", status);
            }
        } catch (IOException e) {
            throw new KernelException("dmesg: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("dmesg: interrupted");
        }
        return out;
    }

    /** {@code dmesg --clear}. */
    @Override
    public void clear() {
        try {
            int status = start("dmesg", "--clear").waitFor();
            if (status != 0) {
                throw new KernelException("dmesg: klogctl failed: Operation not permitted", status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("dmesg: interrupted");
        }
    }

    /** {@code dmesg --follow-new --raw} on a thread of its own, each record handed to the loop. */
    @Override
    public AutoCloseable follow(Consumer<Kmsg> records) {
        return monitor(loop, line -> {
            Kmsg k = parse(line);
            if (k != null) {
                records.accept(k);
            }
        }, "dmesg", "--follow-new", "--raw");
    }

    /**
     * Runs {@code argv} (a command that prints until a signal: {@code dmesg -W}, {@code
     * xtables-monitor --trace}) with a thread that hands each line it prints to {@code loop}; closing
     * the handle ends the process.
     */
    static AutoCloseable monitor(EventLoop loop, Consumer<String> lines, String... argv) {
        Process p = start(argv);
        Thread t = new Thread(() -> {
            try (BufferedReader r = reader(p)) {
                for (String line; (line = r.readLine()) != null; ) {
                    String l = line;
                    loop.post(() -> lines.accept(l));
                }
            } catch (IOException e) {
                // The process was destroyed by close: its pipe ends here.
            }
        }, "dockwire-" + argv[0]);
        t.setDaemon(true);
        t.start();
        return p::destroy;
    }

    static Kmsg parse(String line) {
        Matcher m = RAW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new Kmsg(Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1000, m.group(3));
    }

    private static Process start(String... argv) {
        try {
            return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new KernelException(argv[0] + ": " + e.getMessage());
        }
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
