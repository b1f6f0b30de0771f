package dev.dockwire.app.sh;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.Timer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import dev.dockwire.socket.Sockets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * One shell process on a virtual clock with a stand-in place: BusyBox's PATH (or Debian's), files
 * in a map, and two programs that take time: {@code sleep N} and {@code nc -z HOST PORT}, which
 * succeeds once {@link #serverUpAt} has passed. Records stdout and stderr as {@code 1>}/{@code 2>}
 * lines in order, and when each stdout line was written.
 */
final class ShRig implements ProcessContext, Commands {
    static final Set<String> BUSYBOX = Set.of("sh", "cat", "ls", "env", "id", "hostname", "sleep", "nc", "sed", "awk", "grep",
            "head", "tail", "wc", "sort", "tr", "cut", "uniq", "seq", "ps", "printenv", "tee", "xargs", "basename");

    final EventLoop loop = new EventLoop();
    final List<String> stream = new ArrayList<>();
    final List<Long> stdoutAt = new ArrayList<>();
    final Map<Signal, Runnable> handlers = new EnumMap<>(Signal.class);
    final Map<String, String> files = new LinkedHashMap<>();
    final List<String> started = new ArrayList<>();
    String provider = "busybox";
    Set<String> path = BUSYBOX;
    long serverUpAt = Long.MAX_VALUE;
    List<String> stdin = List.of();
    Integer status;
    private int pids = 1;

    ShRig() {
        files.put("/etc/hostname", "c0ffee\n");
        files.put("/etc/hosts", "127.0.0.1\tlocalhost\n172.18.0.2\tc0ffee\n");
    }

    static ShRig debian() {
        ShRig r = new ShRig();
        r.provider = "debian";
        return r;
    }

    /** Starts {@code sh -c script} as ash (or the rig's dialect) and runs the loop until it exits or {@code untilNanos}. */
    ShRig run(Dialect dialect, String script, long untilNanos) {
        new Sh("sh", dialect, this, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root")).start(this, List.of("-c", script));
        loop.runUntilTime(untilNanos);
        return this;
    }

    ShRig run(String script) {
        loop.schedule(0, () -> new Sh("sh", provider.equals("debian") ? Dialect.DASH : Dialect.ASH, this,
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/root")).start(this, List.of("-c", script)));
        loop.runUntil(() -> status != null);
        return this;
    }

    /** kill(2) to the shell at {@code atNanos}: its handler if it installed one, else the default action (init ignores it). */
    ShRig signalAt(long atNanos, Signal s, boolean init) {
        loop.schedule(atNanos, () -> {
            Runnable h = handlers.get(s);
            if (h != null) {
                h.run();
            } else if (!init || s == Signal.SIGKILL) {
                exit(s.exitStatus());
            }
        });
        return this;
    }

    List<String> stdout() {
        return stream.stream().filter(l -> l.startsWith("1> ")).map(l -> l.substring(3)).toList();
    }

    List<String> stderr() {
        return stream.stream().filter(l -> l.startsWith("2> ")).map(l -> l.substring(3)).toList();
    }

    /** stdout and stderr interleaved, as a terminal shows them. */
    List<String> all() {
        return stream.stream().map(l -> l.substring(3)).toList();
    }

    // ---- Commands ----

    @Override
    public String provider(String name) {
        return path.contains(name.substring(name.lastIndexOf('/') + 1)) ? provider : null;
    }

    @Override
    public Running start(List<String> argv, Map<String, String> env, List<String> in, Output out, IntConsumer done) {
        int pid = ++pids;
        started.add(String.join(" ", argv));
        Running r = new Running() {
            @Override
            public int pid() {
                return pid;
            }

            @Override
            public void signal(Signal signal) {
            }
        };
        switch (argv.get(0)) {
            case "sleep" -> {
                long n = (long) (Double.parseDouble(argv.get(1)) * 1e9);
                schedule(n, () -> done.accept(0));
            }
            case "nc" -> schedule(1_000_000, () -> {
                boolean up = loop.nanos() >= serverUpAt;
                done.accept(up ? 0 : 1);
            });
            default -> {
                return null;
            }
        }
        return r;
    }

    @Override
    public List<String> list(String dir) {
        Set<String> names = new TreeSet<>();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        return names.isEmpty() ? null : List.copyOf(names);
    }

    // ---- ProcessContext ----

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
        return 1_735_689_600_000L;
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Timeout t = loop.schedule(delayNanos, () -> {
            if (status == null) {
                task.run();
            }
        });
        return t::cancel;
    }

    @Override
    public String readFile(String p) {
        return files.get(p);
    }

    @Override
    public void writeFile(String p, String content) {
        files.put(p, content);
    }

    @Override
    public int random(int bound) {
        return 0;
    }

    @Override
    public String hostname() {
        return "c0ffee";
    }

    @Override
    public List<String> stdin() {
        return stdin;
    }

    @Override
    public void out(String line) {
        if (status == null) {
            stream.add("1> " + line);
            stdoutAt.add(loop.nanos());
        }
    }

    @Override
    public void err(String line) {
        if (status == null) {
            stream.add("2> " + line);
        }
    }

    @Override
    public void sample(String metric, long nanos) {
    }

    @Override
    public void daemonize() {
    }

    @Override
    public void onSignal(Signal signal, Runnable handler) {
        handlers.put(signal, handler);
    }

    @Override
    public void exit(int code) {
        if (status == null) {
            status = code;
        }
    }
}
