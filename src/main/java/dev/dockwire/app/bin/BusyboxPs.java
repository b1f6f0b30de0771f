package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import dev.dockwire.text.TextResult;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox's {@code ps} as alpine builds it (procps/ps.c with DESKTOP, FEATURE_PS_TIME,
 * FEATURE_PS_ADDITIONAL_COLUMNS and FEATURE_SHOW_THREADS): getopt32's {@code "Zo:*aAdefl" "T"} (the
 * POSIX selection letters accepted and ignored: every process is listed, BSD words like {@code aux}
 * are operands and ignored too), {@code -o} columns as parse_o reads them ({@code COL=HEADER} last in
 * its list, a header's length its width, no header line when every header is empty), each column
 * at out_spec's width, the last one unpadded, columns past the line's width dropped
 * (alloc_line_buffer: 2048 when stdout is not a terminal, after {@code args} nothing fits) and lines
 * cut at the terminal's width less one. Memory and CPU time are not modelled: VSZ and RSS read 0,
 * TIME 0:00.
 */
public final class BusyboxPs {
    /** ps.c's MAX_WIDTH: the line's width when stdout is not a terminal. */
    private static final int MAX_WIDTH = 2048;

    /** One of out_spec's columns: its width, name and default header. */
    private record Column(int width, String name, String header) {
        Column titled(String text) {
            return new Column(text.isEmpty() ? width : text.length(), name, text);
        }
    }

    private static final List<Column> SPEC = List.of(new Column(8, "user", "USER"), new Column(8, "group", "GROUP"),
            new Column(16, "comm", "COMMAND"), new Column(MAX_WIDTH, "args", "COMMAND"), new Column(5, "pid", "PID"),
            new Column(5, "ppid", "PPID"), new Column(5, "pgid", "PGID"), new Column(7, "etime", "ELAPSED"),
            new Column(5, "nice", "NI"), new Column(8, "rgroup", "RGROUP"), new Column(8, "ruser", "RUSER"),
            new Column(5, "time", "TIME"), new Column(6, "tty", "TT"), new Column(4, "vsz", "VSZ"),
            new Column(5, "sid", "SID"), new Column(4, "stat", "STAT"), new Column(4, "rss", "RSS"));

    private final List<ProcessEntry> processes;
    private final long nowNanos;
    private final int terminalColumns;

    /**
     * @param processes       the caller's PID namespace's processes in pid order, ps itself among them
     * @param nowNanos        now on the clock the processes' start times are on (ELAPSED)
     * @param terminalColumns the terminal's width when stdout is one, else 0
     */
    public BusyboxPs(List<ProcessEntry> processes, long nowNanos, int terminalColumns) {
        this.processes = processes;
        this.nowNanos = nowNanos;
        this.terminalColumns = terminalColumns;
    }

    public TextResult run(List<String> args) {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break; // musl's getopt stops at the first operand
            }
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                if (ch == 'o') {
                    if (j + 1 < a.length()) {
                        specs.add(a.substring(j + 1));
                    } else if (i + 1 < args.size()) {
                        specs.add(args.get(++i));
                    } else {
                        return usage(Getopt.MUSL.requiresArgument(ch));
                    }
                    break;
                }
                if ("ZaAdeflT".indexOf(ch) < 0) {
                    return usage(Getopt.MUSL.invalid(ch));
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        try {
            for (String s : specs.isEmpty() ? List.of("pid,user,time,args") : specs) {
                parse(s, columns);
            }
        } catch (IllegalArgumentException bad) {
            return TextResult.fail(1, "ps: " + bad.getMessage());
        }
        int width = terminalColumns > 0 ? Math.min(terminalColumns - 1, MAX_WIDTH) : MAX_WIDTH;
        columns = fitting(columns, width);
        List<String> out = new ArrayList<>();
        if (columns.stream().anyMatch(c -> !c.header().isEmpty())) {
            out.add(cut(line(columns, columns.stream().map(Column::header).toList()), width));
        }
        for (ProcessEntry p : processes) {
            List<String> values = new ArrayList<>();
            for (Column c : columns) {
                String v = value(c, p);
                values.add(v.isEmpty() ? "-" : v.length() > c.width() ? v.substring(0, c.width()) : v);
            }
            out.add(cut(line(columns, values), width));
        }
        return TextResult.ok(out);
    }

    /** parse_o: a comma-separated list, its last column may carry {@code =HEADER} (which runs to the next comma). */
    private static void parse(String opt, List<Column> columns) {
        while (true) {
            int comma = opt.indexOf(',');
            int equal = opt.indexOf('=');
            if (comma >= 0 && (equal < 0 || equal > comma)) {
                columns.add(find(opt.substring(0, comma)));
                opt = opt.substring(comma + 1);
                continue;
            }
            if (equal < 0) {
                columns.add(find(opt));
                return;
            }
            String header = opt.substring(equal + 1);
            int next = header.indexOf(',');
            columns.add(find(opt.substring(0, equal)).titled(next >= 0 ? header.substring(0, next) : header));
            if (next < 0) {
                return;
            }
            opt = header.substring(next + 1);
        }
    }

    /** find_out_spec: names compare on their first six characters, as out_spec's name6 holds them. */
    private static Column find(String name) {
        String six = name.length() > 6 ? name.substring(0, 6) : name;
        StringBuilder all = new StringBuilder();
        for (Column c : SPEC) {
            if (c.name().equals(six)) {
                return c;
            }
            all.append(all.length() == 0 ? "" : ",").append(c.name());
        }
        throw new IllegalArgumentException("bad -o argument '" + name + "', supported arguments: " + all);
    }

    /** alloc_line_buffer: the columns up to the first one that does not fit in {@code width} (that one kept). */
    private static List<Column> fitting(List<Column> columns, int width) {
        int used = 0;
        for (int i = 0; i < columns.size(); i++) {
            used += columns.get(i).width() + 1;
            if (used > width) {
                return columns.subList(0, i + 1);
            }
        }
        return columns;
    }

    /** format_header / format_process: each field then spaces to its width and one more; the last unpadded. */
    private static String line(List<Column> columns, List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String v = values.get(i);
            sb.append(v);
            if (i < columns.size() - 1) {
                sb.append(" ".repeat(Math.max(columns.get(i).width() - v.length() + 1, 1)));
            }
        }
        return sb.toString();
    }

    private static String cut(String line, int width) {
        return line.length() > width ? line.substring(0, width) : line;
    }

    private String value(Column c, ProcessEntry p) {
        return switch (c.name()) {
            case "user", "ruser" -> p.user();
            case "group", "rgroup" -> p.group();
            case "comm" -> p.comm();
            case "args" -> p.argv().isEmpty() ? "[" + p.comm() + "]" : p.command();
            case "pid" -> right(p.pid(), c.width());
            case "ppid" -> right(p.ppid(), c.width());
            case "pgid", "sid" -> right(p.sid(), c.width());
            case "etime" -> time((nowNanos - p.startNanos()) / 1_000_000_000L);
            case "nice" -> right(0, c.width());
            case "time" -> time(0);
            case "tty" -> tty(p.tty());
            case "vsz", "rss" -> "   0"; // smart_ulltoa4's four characters
            case "stat" -> p.stat().substring(0, 1); // the state letter; procps' flags (s, +, l) are not BusyBox's
            default -> throw new IllegalStateException(c.name());
        };
    }

    private static String right(int n, int width) {
        return String.format("%" + width + "d", n);
    }

    /** func_tty: a terminal as its device numbers (pts/N is 136,N), none as {@code ?}. */
    private static String tty(String tty) {
        return tty.startsWith("pts/") ? "136," + tty.substring(4) : "?";
    }

    /** format_time: {@code mm:ss}, then {@code hhHmm}, {@code ddDhh}, days. */
    private static String time(long seconds) {
        long ss = seconds % 60;
        long t = seconds / 60;
        if (t < 60) {
            return String.format("%2d:%02d", t, ss);
        }
        long mm = t % 60;
        t /= 60;
        if (t < 24) {
            return String.format("%2dh%02d", t, mm);
        }
        long hh = t % 24;
        t /= 24;
        return t < 100 ? String.format("%2dd%02d", t, hh) : String.format("%4dd", t);
    }

    private static TextResult usage(String error) {
        List<String> lines = new ArrayList<>();
        lines.add("ps: " + error);
        lines.addAll(BusyboxUsage.withBanner("ps"));
        return new TextResult(1, lines, lines);
    }
}
