package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code killall NAME...}: BusyBox's procps/kill.c killall branch (the processes find_pid_by_name
 * finds, comm or argv[0]'s base name equal to NAME; {@code killall: NAME: no process killed} for a
 * name none has, the status the number of failures) and psmisc 23.6's killall
 * ({@code NAME: no process found}, 1 unless every name killed one). Both take {@code -SIG},
 * {@code -s SIG} and {@code -q}; {@code -l} lists the signals. Sent from inside the namespace, so its
 * init ignores what it does not handle ({@link PidNamespace#killInside}).
 */
public final class Killall {
    private final boolean busybox;
    private final PidNamespace pids;
    private final Consumer<String> out;
    private final Consumer<String> err;

    public Killall(boolean busybox, PidNamespace pids, Consumer<String> out, Consumer<String> err) {
        this.busybox = busybox;
        this.pids = pids;
        this.out = out;
        this.err = err;
    }

    /** Runs with {@code args}, {@code self} being its own pid (never signalled); its exit status. */
    public int run(List<String> args, int self) {
        Signal signal = Signal.SIGTERM;
        boolean quiet = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-q")) {
                quiet = true;
            } else if (a.equals("-l")) {
                list();
                return 0;
            } else if (a.equals("-s") && i + 1 < args.size()) {
                signal = signal(args.get(++i));
            } else {
                signal = signal(a.substring(1));
            }
            if (signal == null) {
                err.accept(busybox ? "killall: bad signal name '" + (a.equals("-s") ? args.get(i) : a.substring(1)) + "'"
                        : (a.equals("-s") ? args.get(i) : a.substring(1)) + ": unknown signal; killall -l lists signals.");
                return 1;
            }
        }
        List<String> names = args.subList(i, args.size());
        if (names.isEmpty()) {
            if (busybox) {
                err.accept("killall: you need to specify whom to kill");
            } else {
                psmiscUsage().forEach(err);
            }
            return 1;
        }
        int failures = 0;
        for (String name : names) {
            List<Process> found = new ArrayList<>();
            for (Process p : pids.running()) {
                if (p.pid() != self && named(p, name)) {
                    found.add(p);
                }
            }
            if (found.isEmpty()) {
                failures++;
                if (!quiet) {
                    err.accept(busybox ? "killall: " + name + ": no process killed" : name + ": no process found");
                }
                continue;
            }
            for (Process p : found) {
                pids.killInside(p.pid(), signal);
            }
        }
        return busybox ? failures : failures > 0 ? 1 : 0;
    }

    private static Signal signal(String name) {
        return Signal.parse(name);
    }

    /** find_pid_by_name's test: comm equals the name, or argv[0]'s base name does. */
    static boolean named(Process p, String name) {
        String a = Pgrep.argv0(p);
        return Pgrep.comm(p).equals(name.length() > 15 ? name.substring(0, 15) : name) || a.substring(a.lastIndexOf('/') + 1).equals(name);
    }

    private void list() {
        if (busybox) {
            for (int n = 1; n <= 31; n++) {
                out.accept(String.format("%2d) %s", n, n == 29 ? "POLL" : Signal.values()[n - 1].name().substring(3)));
            }
            return;
        }
        // psmisc's list_signals: 1..16 on one line, 17..31 on the next, 29 as POLL
        StringBuilder line = new StringBuilder();
        for (int n = 1; n <= 31; n++) {
            line.append(n == 29 ? "POLL" : Signal.values()[n - 1].name().substring(3));
            if (n == 16 || n == 31) {
                out.accept(line.toString());
                line.setLength(0);
            } else {
                line.append(' ');
            }
        }
    }

    /** psmisc's usage (resource {@code proc/killall.usage}, recorded from Debian 12's). */
    private static List<String> psmiscUsage() {
        try (java.io.InputStream in = Killall.class.getResourceAsStream("killall.usage")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("# ")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
