package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * procps-ng 4.0's format specifiers (ps/output.c's format_array) that {@code ps -o} takes: each one's
 * header, width and alignment and how it prints a process. Widths of process ids follow a Debian
 * host's pid_max (systemd's 4194304: seven digits). CPU time and memory are not modelled: they read 0.
 */
final class ProcpsColumns {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int PID = 7;

    /** What a column reads of a process: the process and the clock (now, and the epoch its start times count from). */
    record Row(ProcessEntry p, long nowNanos, long epochMillis) {
        Instant start() {
            return Instant.ofEpochMilli(epochMillis + p.startNanos() / 1_000_000L);
        }

        long elapsedSeconds() {
            return Math.max(0, (nowNanos - p.startNanos()) / 1_000_000_000L);
        }
    }

    /** One column: its header, width, whether it is right-aligned, and its value. */
    record Column(String header, int width, boolean right, Function<Row, String> value) {
        Column titled(String text) {
            return new Column(text, Math.max(width, text.length()), right, value);
        }

        Column widened(int w) {
            return new Column(header, w, right, value);
        }
    }

    private static final Map<String, Column> SPECS = Map.ofEntries(
            Map.entry("pid", right("PID", PID, r -> Integer.toString(r.p().pid()))),
            Map.entry("ppid", right("PPID", PID, r -> Integer.toString(r.p().ppid()))),
            Map.entry("pgid", right("PGID", PID, r -> Integer.toString(r.p().sid()))),
            Map.entry("pgrp", right("PGRP", PID, r -> Integer.toString(r.p().sid()))),
            Map.entry("sid", right("SID", PID, r -> Integer.toString(r.p().sid()))),
            Map.entry("sess", right("SESS", PID, r -> Integer.toString(r.p().sid()))),
            Map.entry("tid", right("TID", PID, r -> Integer.toString(r.p().pid()))),
            Map.entry("lwp", right("LWP", PID, r -> Integer.toString(r.p().pid()))),
            Map.entry("spid", right("SPID", PID, r -> Integer.toString(r.p().pid()))),
            Map.entry("uid", right("UID", 5, r -> id(r.p().user()))),
            Map.entry("euid", right("EUID", 5, r -> id(r.p().user()))),
            Map.entry("gid", right("GID", 5, r -> id(r.p().group()))),
            Map.entry("user", left("USER", 8, r -> r.p().user())),
            Map.entry("euser", left("EUSER", 8, r -> r.p().user())),
            Map.entry("ruser", left("RUSER", 8, r -> r.p().user())),
            Map.entry("fuser", left("FUSER", 8, r -> r.p().user())),
            Map.entry("uname", left("USER", 8, r -> r.p().user())),
            Map.entry("group", left("GROUP", 8, r -> r.p().group())),
            Map.entry("egroup", left("EGROUP", 8, r -> r.p().group())),
            Map.entry("rgroup", left("RGROUP", 8, r -> r.p().group())),
            Map.entry("comm", left("COMMAND", 15, r -> r.p().comm())),
            Map.entry("ucmd", left("CMD", 15, r -> r.p().comm())),
            Map.entry("ucomm", left("COMMAND", 15, r -> r.p().comm())),
            Map.entry("cmd", left("CMD", 0, ProcpsColumns::args)),
            Map.entry("args", left("COMMAND", 0, ProcpsColumns::args)),
            Map.entry("command", left("COMMAND", 0, ProcpsColumns::args)),
            Map.entry("stat", left("STAT", 4, r -> r.p().stat())),
            Map.entry("s", left("S", 1, r -> r.p().stat().substring(0, 1))),
            Map.entry("state", left("S", 1, r -> r.p().stat().substring(0, 1))),
            Map.entry("tty", left("TT", 8, r -> r.p().tty())),
            Map.entry("tt", left("TT", 8, r -> r.p().tty())),
            Map.entry("tname", left("TTY", 8, r -> r.p().tty())),
            Map.entry("time", right("TIME", 8, r -> "00:00:00")),
            Map.entry("cputime", right("TIME", 8, r -> "00:00:00")),
            Map.entry("bsdtime", right("TIME", 6, r -> "0:00")),
            Map.entry("etime", right("ELAPSED", 11, r -> elapsed(r.elapsedSeconds()))),
            Map.entry("etimes", right("ELAPSED", 7, r -> Long.toString(r.elapsedSeconds()))),
            Map.entry("start", right("STARTED", 8, r -> HHMMSS.format(r.start()))),
            Map.entry("start_time", left("START", 5, r -> HHMM.format(r.start()))),
            Map.entry("bsdstart", right("START", 6, r -> HHMM.format(r.start()))),
            Map.entry("stime", left("STIME", 5, r -> HHMM.format(r.start()))),
            Map.entry("ni", right("NI", 3, r -> "0")),
            Map.entry("nice", right("NI", 3, r -> "0")),
            Map.entry("pri", right("PRI", 3, r -> "19")),
            Map.entry("c", right("C", 2, r -> "0")),
            Map.entry("nlwp", right("NLWP", 4, r -> "1")),
            Map.entry("thcount", right("THCNT", 5, r -> "1")),
            Map.entry("vsz", right("VSZ", 6, r -> "0")),
            Map.entry("vsize", right("VSZ", 6, r -> "0")),
            Map.entry("rss", right("RSS", 5, r -> "0")),
            Map.entry("rssize", right("RSS", 5, r -> "0")),
            Map.entry("sz", right("SZ", 5, r -> "0")),
            Map.entry("%cpu", right("%CPU", 4, r -> "0.0")),
            Map.entry("pcpu", right("%CPU", 4, r -> "0.0")),
            Map.entry("%mem", right("%MEM", 4, r -> "0.0")),
            Map.entry("pmem", right("%MEM", 4, r -> "0.0")));

    private ProcpsColumns() {
    }

    /** The specifier {@code name} (case-insensitive, as procps compares), or null. */
    static Column find(String name) {
        return SPECS.get(name.toLowerCase(Locale.ROOT));
    }

    private static Column right(String header, int width, Function<Row, String> value) {
        return new Column(header, width, true, value);
    }

    private static Column left(String header, int width, Function<Row, String> value) {
        return new Column(header, width, false, value);
    }

    /** A user's or group's number from its name where the names are Debian's fixed ones (root 0, nobody/nogroup 65534). */
    private static String id(String name) {
        return switch (name) {
            case "root" -> "0";
            case "nobody", "nogroup" -> "65534";
            default -> name;
        };
    }

    /** Its command line, or {@code [comm]} for a process without one (a kernel thread, a zombie). */
    private static String args(Row r) {
        return r.p().argv().isEmpty() ? "[" + r.p().comm() + "]" : r.p().command();
    }

    /** etime's {@code [[dd-]hh:]mm:ss}. */
    static String elapsed(long s) {
        long d = s / 86400;
        long h = s / 3600 % 24;
        long m = s / 60 % 60;
        long sec = s % 60;
        return d > 0 ? String.format(Locale.ROOT, "%d-%02d:%02d:%02d", d, h, m, sec)
                : h > 0 ? String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%02d:%02d", m, sec);
    }
}
