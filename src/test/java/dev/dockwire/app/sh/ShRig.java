package dev.dockwire.app.sh;

import dev.dockwire.app.Signal;
import dev.dockwire.socket.Sockets;
import dev.dockwire.testing.VirtualProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * One shell process on a virtual clock with a stand-in place: BusyBox's PATH (or Debian's), files
 * in a map, and programs that take time: {@code sleep N} (SIGINT kills it), {@code nc -z HOST PORT},
 * which succeeds once {@link #serverUpAt} has passed, and {@code pinger}, which runs until SIGINT
 * and then says {@code statistics} and exits 0, as ping does.
 */
final class ShRig extends VirtualProcess implements Commands {
    static final Set<String> BUSYBOX = Set.of("sh", "echo", "true", "false", "pinger", "cat", "ls", "env", "id", "hostname", "sleep", "nc", "sed", "awk", "grep",
            "head", "tail", "wc", "sort", "tr", "cut", "uniq", "seq", "ps", "printenv", "tee", "xargs", "basename");

    final Map<String, String> files = new LinkedHashMap<>();
    final List<String> started = new ArrayList<>();
    String provider = "busybox";
    Set<String> path = BUSYBOX;
    long serverUpAt = Long.MAX_VALUE;
    List<String> stdin = List.of();
    private int pids = 1;
    /** The running children and what a signal does to each. */
    private final Map<Integer, java.util.function.Consumer<Signal>> children = new LinkedHashMap<>();

    /** kill(2) for the shell's own kill; null: the place has none (the host's). */
    Kill.Killer killer;
    /** What {@code ulimit} reads (null: a container's); setrlimit checks as one without CAP_SYS_RESOURCE. */
    dev.dockwire.libc.Rlimits limits;

    @Override
    public dev.dockwire.libc.Rlimits rlimits(int pid) {
        return limits != null ? limits : Commands.super.rlimits(pid);
    }

    @Override
    public Kill.Killer killer() {
        return killer;
    }

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
        kill(atNanos, s, init);
        return this;
    }

    /**
     * The terminal's Ctrl-C at {@code atNanos}: SIGINT to the foreground process group, the shell
     * first (its handler, else it dies of it), then each child it runs.
     */
    ShRig interruptGroupAt(long atNanos) {
        loop.schedule(atNanos, () -> {
            Runnable h = handlers.get(Signal.SIGINT);
            if (h != null) {
                h.run();
            } else {
                exit(Signal.SIGINT.exitStatus());
            }
            List.copyOf(children.values()).forEach(c -> c.accept(Signal.SIGINT));
        });
        return this;
    }

    // ---- Commands ----

    @Override
    public String provider(String name) {
        return path.contains(name.substring(name.lastIndexOf('/') + 1)) ? provider : null;
    }

    /** Debian's merged /usr: /bin is a link to usr/bin, so a program is in both. */
    @Override
    public List<String> paths(String name, List<String> dirs) {
        if (!provider.equals("debian") || provider(name) == null || name.contains("/")) {
            return Commands.super.paths(name, dirs);
        }
        return dirs.stream().filter(d -> d.equals("/usr/bin") || d.equals("/bin")).map(d -> d + "/" + name).toList();
    }

    /** What the shell exec'd in its own process ({@link #exec}, {@link #becomes}), each as its words. */
    final List<String> execd = new ArrayList<>();

    /** The shell is process 1 of its place, so it may exec in place. */
    @Override
    public int pid() {
        return 1;
    }

    @Override
    public Running exec(int pid, List<String> argv, Map<String, String> env, List<String> in, Output out, IntConsumer done) {
        execd.add(String.join(" ", argv));
        return Commands.super.exec(pid, argv, env, in, out, done);
    }

    @Override
    public void becomes(int pid, List<String> argv) {
        execd.add(String.join(" ", argv));
    }

    @Override
    public Running start(int ppid, List<String> argv, Map<String, String> env, List<String> in, Output out, IntConsumer done) {
        int pid = ++pids;
        started.add(String.join(" ", argv));
        Running r = new Running() {
            @Override
            public int pid() {
                return pid;
            }

            @Override
            public void signal(Signal signal) {
                java.util.function.Consumer<Signal> c = children.get(pid);
                if (c != null) {
                    c.accept(signal);
                }
            }
        };
        IntConsumer exit = status -> {
            if (children.remove(pid) != null) {
                done.accept(status);
            }
        };
        switch (argv.get(0)) {
            case "sleep" -> {
                long n = (long) (Double.parseDouble(argv.get(1)) * 1e9);
                children.put(pid, s -> exit.accept(s.exitStatus()));
                schedule(n, () -> exit.accept(0));
            }
            case "pinger" -> children.put(pid, s -> {
                out.out("statistics");
                exit.accept(0);
            });
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
    public String readFile(String p) {
        return files.get(p);
    }

    @Override
    public void writeFile(String p, String content) {
        files.put(p, content);
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
    public void daemonize() {
    }


}
