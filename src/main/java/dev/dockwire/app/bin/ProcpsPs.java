package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.text.TextResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * procps-ng's {@code ps} (4.0) in the forms the tutorials type: BSD {@code aux} (USER PID %CPU %MEM
 * VSZ RSS TTY STAT START TIME COMMAND) and the standard {@code -ef} (UID PID PPID C STIME TTY TIME
 * CMD), plus the bare {@code ps} (the terminal's own processes); each column at ps/output.c's width.
 * Times are in the host's clock from {@code epochMillis}; CPU time stays 0 and memory (%MEM, VSZ,
 * RSS) 0, as dockwire models neither. Processes come from the caller in pid order.
 */
public final class ProcpsPs {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final List<ProcessEntry> processes;
    private final long epochMillis;

    public ProcpsPs(List<ProcessEntry> processes, long epochMillis) {
        this.processes = processes;
        this.epochMillis = epochMillis;
    }

    public TextResult run(List<String> args) {
        String opts = String.join("", args).replace("-", "");
        boolean bsd = !args.isEmpty() && !args.get(0).startsWith("-");
        for (char ch : opts.toCharArray()) {
            if ("auxefAlwww".indexOf(ch) < 0) {
                return TextResult.fail(1, ("error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n"
                        + " Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n"
                        + " for additional help text.\n\nFor more details see ps(1).").split("\n", -1));
            }
        }
        List<String> out = new ArrayList<>();
        if (bsd && opts.contains("u")) {
            out.add("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
            for (ProcessEntry p : selected(opts.contains("a") && opts.contains("x"))) {
                out.add(String.format(Locale.ROOT, "%-8s %7d %4.1f %4.1f %6d %5d %-8s %-4s %5s %6s %s", p.user(), p.pid(), 0.0, 0.0,
                        0, 0, p.tty(), p.stat(), HHMM.format(start(p)), "0:00", p.command()));
            }
        } else if (opts.contains("f")) {
            out.add("UID          PID    PPID  C STIME TTY          TIME CMD");
            for (ProcessEntry p : selected(opts.contains("e") || opts.contains("A"))) {
                out.add(String.format(Locale.ROOT, "%-8s %7d %7d %2d %5s %-8s %8s %s", p.user(), p.pid(), p.ppid(), 0,
                        HHMM.format(start(p)), p.tty(), "00:00:00", p.command()));
            }
        } else {
            out.add("    PID TTY          TIME CMD");
            for (ProcessEntry p : selected(opts.contains("e") || opts.contains("A") || opts.contains("x"))) {
                out.add(String.format(Locale.ROOT, "%7d %-8s %8s %s", p.pid(), p.tty(), "00:00:00", p.comm()));
            }
        }
        return TextResult.ok(out);
    }

    /** Every process, or the terminal's (those with a tty). */
    private List<ProcessEntry> selected(boolean all) {
        return all ? processes : processes.stream().filter(p -> !p.tty().equals("?")).toList();
    }

    private Instant start(ProcessEntry p) {
        return Instant.ofEpochMilli(epochMillis + p.startNanos() / 1_000_000L);
    }
}
