package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pgrep} and {@code pkill} over a PID namespace's processes, as BusyBox's procps/pgrep.c
 * (getopt32 "vlafxons:+P:+": the pattern against argv[0], or the whole command line with
 * {@code -f}; {@code -l} adds what it matched) and procps-ng 4.0's pgrep.c (the pattern against
 * comm, 15 characters; {@code -l} adds comm, {@code -a} the command line; no pattern is its
 * {@code no matching criteria specified}, 2) read them. Neither lists itself; the status is 1 when
 * nothing matched. {@code pkill} sends SIGTERM, or the {@code -SIGNAL} its first word names.
 */
public final class Pgrep {
    private final boolean busybox;
    private final boolean pkill;
    private final PidNamespace pids;
    private final Consumer<String> out;
    private final Consumer<String> err;

    public Pgrep(boolean busybox, boolean pkill, PidNamespace pids, Consumer<String> out, Consumer<String> err) {
        this.busybox = busybox;
        this.pkill = pkill;
        this.pids = pids;
        this.out = out;
        this.err = err;
    }

    /** Runs with {@code args}, {@code self} being its own pid (skipped); its exit status. */
    public int run(List<String> args, int self) {
        String name = pkill ? "pkill" : "pgrep";
        Signal signal = Signal.SIGTERM;
        int i = 0;
        if (pkill && i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1
                && Signal.parse(args.get(i).substring(1)) != null) {
            signal = Signal.parse(args.get(i++).substring(1));
        }
        boolean invert = false;
        boolean list = false;
        boolean all = false;
        boolean full = false;
        boolean exact = false;
        boolean oldest = false;
        boolean newest = false;
        Integer parent = null;
        String pattern = null;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 'v' -> invert = true;
                    case 'l' -> list = true;
                    case 'a' -> all = true;
                    case 'f' -> full = true;
                    case 'x' -> exact = true;
                    case 'o' -> oldest = true;
                    case 'n' -> newest = true;
                    case 'P' -> {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null || !v.matches("\\d+")) {
                            return usage(name, "option requires an argument -- 'P'");
                        }
                        parent = Integer.parseInt(v);
                        j = a.length();
                    }
                    default -> {
                        return usage(name, "invalid option -- '" + c + "'");
                    }
                }
            }
        }
        List<String> rest = args.subList(Math.min(i, args.size()), args.size());
        if (rest.size() > 1 || rest.isEmpty() && parent == null) {
            if (busybox) {
                return usage(name, null);
            }
            err.accept(rest.isEmpty() ? name + ": no matching criteria specified" : name + ": only one pattern can be provided");
            err.accept("Try `" + name + " --help' for more information.");
            return 2;
        }
        if (pkill && list && busybox) {
            for (int n = 1; n <= 31; n++) {
                out.accept(String.format("%2d) %s", n, n == 29 ? "POLL" : Signal.values()[n - 1].name().substring(3)));
            }
            return 0;
        }
        Pattern re = null;
        if (!rest.isEmpty()) {
            try {
                re = Pattern.compile(rest.get(0));
            } catch (PatternSyntaxException e) {
                err.accept(name + ": bad regex '" + rest.get(0) + "'"); // xregcomp's bb_error_msg_and_die
                return busybox ? 1 : 2;
            }
        }
        List<Process> matched = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Process p : pids.running()) {
            if (p.pid() == self || parent != null && p.ppid() != parent) {
                continue;
            }
            // BusyBox tries the command line (argv[0] without -f), then comm; procps comm, or the command line with -f.
            String subject = full ? p.commandLine() : busybox ? argv0(p) : comm(p);
            boolean hit = re == null || matches(re, subject, exact);
            if (!hit && busybox && re != null) {
                subject = comm(p);
                hit = matches(re, subject, exact);
            }
            if (hit != invert) {
                matched.add(p);
                shown.add(all ? p.commandLine() : busybox && full ? argv0(p) : busybox ? subject : comm(p));
            }
        }
        if (newest && !matched.isEmpty()) {
            matched = matched.subList(matched.size() - 1, matched.size());
            shown = shown.subList(shown.size() - 1, shown.size());
        } else if (oldest && !matched.isEmpty()) {
            matched = matched.subList(0, 1);
            shown = shown.subList(0, 1);
        }
        for (int k = 0; k < matched.size(); k++) {
            Process p = matched.get(k);
            if (pkill) {
                pids.killInside(p.pid(), signal);
            } else if (list || all) {
                out.accept(p.pid() + " " + shown.get(k));
            } else {
                out.accept(Integer.toString(p.pid()));
            }
        }
        return matched.isEmpty() ? 1 : 0;
    }

    private static boolean matches(Pattern re, String subject, boolean exact) {
        Matcher m = re.matcher(subject);
        return exact ? m.matches() : m.find();
    }

    private int usage(String name, String getopt) {
        if (getopt != null) {
            err.accept(name + ": " + getopt);
        }
        if (busybox) {
            dev.dockwire.libc.BusyboxUsage.withBanner(name).forEach(err);
            return 1;
        }
        procpsUsage(name).forEach(err);
        return 2;
    }

    /** procps-ng's usage after a bad option's getopt line (resource {@code proc/NAME.usage}, recorded from Debian 12's). */
    private static List<String> procpsUsage(String name) {
        try (java.io.InputStream in = Pgrep.class.getResourceAsStream(name + ".usage")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("# ")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** argv[0] as /proc/PID/cmdline's first word holds it. */
    static String argv0(Process p) {
        return p.argv().isEmpty() ? "" : p.argv().get(0);
    }

    /** /proc/PID/comm: the executable's base name, cut to TASK_COMM_LEN - 1 (15) characters. */
    public static String comm(Process p) {
        String a = argv0(p);
        String base = a.substring(a.lastIndexOf('/') + 1);
        return base.length() > 15 ? base.substring(0, 15) : base;
    }
}
