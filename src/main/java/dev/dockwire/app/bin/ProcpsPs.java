package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.app.bin.ProcpsColumns.Column;
import dev.dockwire.app.bin.ProcpsColumns.Row;
import dev.dockwire.text.TextResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * procps-ng's {@code ps} (4.0, ps/parser.c and ps/output.c) in the forms people type: the default
 * (PID TTY TIME CMD of the processes on the caller's terminal), {@code -e}/{@code -A}, {@code -f}
 * (UID PID PPID C STIME TTY TIME CMD), BSD {@code aux} (USER PID %CPU %MEM VSZ RSS TTY STAT START
 * TIME COMMAND), {@code -o}/{@code --format} columns ({@link ProcpsColumns}: {@code NAME=HEADER},
 * {@code NAME:WIDTH}), selection by {@code -p}/{@code --pid}, {@code -C}, {@code -u}/{@code -U},
 * {@code --ppid}, {@code --sort}, {@code --no-headers}; parser.c's errors with its usage. Right-aligned
 * columns pad on the left, the last left-aligned one is not padded. Times are on the caller's clock
 * from {@code epochMillis}. Processes come from the caller in pid order, ps itself the one running
 * ({@code R}).
 */
public final class ProcpsPs {
    private static final String BSD_LETTERS = "auxwfe";
    private static final String USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
            + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).";

    private final List<ProcessEntry> processes;
    private final long nowNanos;
    private final long epochMillis;

    public ProcpsPs(List<ProcessEntry> processes, long nowNanos, long epochMillis) {
        this.processes = processes;
        this.nowNanos = nowNanos;
        this.epochMillis = epochMillis;
    }

    /** What the command line asks: who, which columns, in what order. */
    private static final class Request {
        boolean all;
        boolean full;
        boolean bsdUser;
        boolean bsdAll;
        boolean bsd;
        boolean noHeaders;
        final List<Column> columns = new ArrayList<>();
        final List<Integer> pids = new ArrayList<>();
        final List<Integer> ppids = new ArrayList<>();
        final List<String> commands = new ArrayList<>();
        final List<String> users = new ArrayList<>();
        final List<String> sort = new ArrayList<>();
    }

    public TextResult run(List<String> args) {
        Request q = new Request();
        try {
            for (int i = 0; i < args.size(); i++) {
                i = parse(q, args, i);
            }
        } catch (IllegalArgumentException bad) {
            String[] lines = ("error: " + bad.getMessage() + "\n" + USAGE).split("\n", -1);
            return TextResult.fail(1, lines);
        }
        for (String u : q.users) {
            if (processes.stream().noneMatch(p -> p.user().equals(u)) && !u.equals("root") && !u.matches("\\d+")) {
                return TextResult.fail(1, ("error: user name does not exist\n" + USAGE).split("\n", -1));
            }
        }
        List<Column> columns = !q.columns.isEmpty() ? q.columns : layout(q);
        List<ProcessEntry> chosen = selected(q);
        List<Row> rows = new ArrayList<>(chosen.stream().map(p -> new Row(p, nowNanos, epochMillis)).toList());
        rows.sort(order(q.sort));
        List<String> out = new ArrayList<>();
        if (!q.noHeaders && columns.stream().anyMatch(c -> !c.header().isEmpty())) {
            out.add(line(columns, columns.stream().map(Column::header).toList()));
        }
        for (Row r : rows) {
            out.add(line(columns, columns.stream().map(c -> c.value().apply(r)).toList()));
        }
        return TextResult.ok(out);
    }

    /** Reads the option at {@code i} (and its value); returns the index of the last word it took. */
    private static int parse(Request q, List<String> args, int i) {
        String a = args.get(i);
        if (a.startsWith("--")) {
            String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "no-headers", "no-heading" -> q.noHeaders = true;
                case "format", "sort", "pid", "ppid", "user", "User" -> {
                    String v = inline != null ? inline : i + 1 < args.size() ? args.get(++i) : null;
                    if (v == null) {
                        throw new IllegalArgumentException(name.equals("sort") ? "long sort specification must follow --sort"
                                : "list of " + (name.contains("pid") ? "process IDs" : "users") + " must follow --" + name);
                    }
                    take(q, name.equals("format") ? 'o' : name.equals("sort") ? 'k' : name.equals("pid") ? 'p'
                            : name.equals("ppid") ? 'P' : 'u', v);
                }
                default -> throw new IllegalArgumentException("unknown gnu long option");
            }
            return i;
        }
        if (!a.startsWith("-")) {
            for (char ch : a.toCharArray()) {
                if (BSD_LETTERS.indexOf(ch) < 0) {
                    throw new IllegalArgumentException("unsupported option (BSD syntax)");
                }
            }
            q.bsd = true;
            q.bsdUser |= a.indexOf('u') >= 0;
            q.bsdAll |= a.indexOf('a') >= 0 && a.indexOf('x') >= 0;
            return i;
        }
        for (int j = 1; j < a.length(); j++) {
            char ch = a.charAt(j);
            switch (ch) {
                case 'e', 'A' -> q.all = true;
                case 'f' -> q.full = true;
                case 'a', 'x', 'w', 'l', 'y', 'H' -> {
                    // accepted; dockwire's processes have no threads, long forms are not modelled beyond -f
                }
                case 'o', 'p', 'C', 'u', 'U', 'q' -> {
                    String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (v == null) {
                        throw new IllegalArgumentException(switch (ch) {
                            case 'o' -> "format specification must follow -o";
                            case 'p', 'q' -> "list of process IDs must follow -" + ch;
                            case 'C' -> "list of command names must follow -C";
                            default -> "list of users must follow -" + ch;
                        });
                    }
                    take(q, ch == 'q' ? 'p' : ch == 'U' ? 'u' : ch, v);
                    return i;
                }
                default -> throw new IllegalArgumentException("unsupported SysV option");
            }
        }
        return i;
    }

    /** An option's list: columns, a sort, process ids, command names or users (commas or blanks between). */
    private static void take(Request q, char what, String value) {
        for (String item : value.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            switch (what) {
                case 'o' -> q.columns.add(column(item));
                case 'k' -> q.sort.add(sortKey(item));
                case 'p', 'P' -> {
                    if (!item.matches("\\d+") || Integer.parseInt(item) == 0) {
                        throw new IllegalArgumentException("process ID list syntax error");
                    }
                    (what == 'p' ? q.pids : q.ppids).add(Integer.parseInt(item));
                }
                case 'C' -> q.commands.add(item);
                default -> q.users.add(item);
            }
        }
    }

    /** {@code NAME}, {@code NAME=HEADER} (an empty header hides it), {@code NAME:WIDTH}. */
    private static Column column(String item) {
        int eq = item.indexOf('=');
        String spec = eq < 0 ? item : item.substring(0, eq);
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Column c = ProcpsColumns.find(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown user-defined format specifier \"" + name + "\"");
        }
        if (colon >= 0 && spec.substring(colon + 1).matches("\\d+")) {
            c = c.widened(Integer.parseInt(spec.substring(colon + 1)));
        }
        return eq < 0 ? c : c.titled(item.substring(eq + 1));
    }

    private static String sortKey(String item) {
        String name = item.startsWith("+") || item.startsWith("-") ? item.substring(1) : item;
        if (ProcpsColumns.find(name) == null) {
            throw new IllegalArgumentException("unknown sort specifier");
        }
        return item;
    }

    /** The layout the options name: BSD u, -f, or the default. */
    private static List<Column> layout(Request q) {
        List<String> names = q.bsdUser ? List.of("user", "pid", "%cpu", "%mem", "vsz", "rss", "tname", "stat", "start_time", "bsdtime", "args")
                : q.full ? List.of("user=UID", "pid", "ppid", "c", "stime", "tname", "time", "cmd")
                : q.bsd ? List.of("pid", "tname", "stat", "bsdtime", "args")
                : List.of("pid", "tname", "time", "ucmd=CMD");
        return names.stream().map(ProcpsPs::column).toList();
    }

    /**
     * Which processes: those listed by pid, command, user or parent; else every one ({@code -e},
     * BSD {@code ax}); else those on ps's own terminal with its user (with no terminal, those with none).
     */
    private List<ProcessEntry> selected(Request q) {
        boolean listed = !q.pids.isEmpty() || !q.ppids.isEmpty() || !q.commands.isEmpty() || !q.users.isEmpty();
        ProcessEntry self = processes.stream().filter(p -> p.stat().startsWith("R")).reduce((a, b) -> b).orElse(null);
        List<ProcessEntry> out = new ArrayList<>();
        for (ProcessEntry p : processes) {
            boolean take = listed ? q.pids.contains(p.pid()) || q.ppids.contains(p.ppid()) || q.commands.contains(p.comm())
                    || q.users.contains(p.user()) || q.users.contains("0") && p.user().equals("root")
                    : q.all || q.bsdAll || self == null || p.tty().equals(self.tty()) && p.user().equals(self.user());
            if (take) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code --sort}'s keys in order, {@code -} descending; numbers compare as numbers; ties keep pid order. */
    private static Comparator<Row> order(List<String> keys) {
        Comparator<Row> c = (a, b) -> 0;
        for (String k : keys) {
            boolean desc = k.startsWith("-");
            Column col = ProcpsColumns.find(k.startsWith("+") || desc ? k.substring(1) : k);
            Comparator<Row> one = (a, b) -> compare(col.value().apply(a), col.value().apply(b));
            c = c.thenComparing(desc ? one.reversed() : one);
        }
        return c;
    }

    private static int compare(String a, String b) {
        if (a.matches("-?\\d+(\\.\\d+)?") && b.matches("-?\\d+(\\.\\d+)?")) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    /** output.c's line: right-aligned columns padded on the left, left-aligned on the right but the last, one space between. */
    private static String line(List<Column> columns, List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = values.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            int pad = Math.max(0, c.width() - v.length());
            if (c.right()) {
                sb.append(" ".repeat(pad)).append(v);
            } else {
                sb.append(v);
                if (i < columns.size() - 1) {
                    sb.append(" ".repeat(pad));
                }
            }
        }
        return sb.toString();
    }
}
