package dev.dockwire.app.sh;

import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.Rlimit;
import dev.dockwire.libc.Rlimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code ulimit} builtin of each shell over the process's getrlimit(2)/setrlimit(2) ({@link Limits}):
 * BusyBox ash's (shell/shell_common.c shell_builtin_ulimit: options in any order, each limit letter
 * with an optional value, a bare number {@code -f}'s, {@code -a} as {@code "%-32s(-%c) "} lines), dash's
 * (src/miscbltin.c ulimitcmd: one limit letter, the last given, then at most one value; its own names
 * as {@code "%-20s "}) and bash 5.2's (builtins/ulimit.def: {@code "%-20s %20s"} with the unit and
 * letter, {@code -p}'s pipe size, {@code hard}/{@code soft} as values). Without {@code -H} or
 * {@code -S} a value sets both limits and a read shows the soft one.
 */
final class Ulimit {
    /** The limits of the shell's own process, read and set. */
    interface Limits {
        Rlimits get();

        /** setrlimit(2): null when done, else strerror's words. */
        String set(Rlimit r, long soft, long hard);
    }

    /** One letter of a shell's table: its resource (null: bash's pipe size), the unit it counts in, its name. */
    private record Entry(char letter, Rlimit resource, long factor, String name, String unit) {
    }

    /** BusyBox 1.36's limits_help/limit_chars, in the order {@code -a} prints them. */
    private static final List<Entry> ASH = List.of(e('c', Rlimit.CORE, 512, "core file size (blocks)"),
            e('d', Rlimit.DATA, 1024, "data seg size (kb)"), e('e', Rlimit.NICE, 1, "scheduling priority"),
            e('f', Rlimit.FSIZE, 512, "file size (blocks)"), e('i', Rlimit.SIGPENDING, 1, "pending signals"),
            e('l', Rlimit.MEMLOCK, 1024, "max locked memory (kb)"), e('m', Rlimit.RSS, 1024, "max memory size (kb)"),
            e('n', Rlimit.NOFILE, 1, "open files"), e('q', Rlimit.MSGQUEUE, 1, "POSIX message queues (bytes)"),
            e('r', Rlimit.RTPRIO, 1, "real-time priority"), e('s', Rlimit.STACK, 1024, "stack size (kb)"),
            e('t', Rlimit.CPU, 1, "cpu time (seconds)"), e('u', Rlimit.NPROC, 1, "max user processes"),
            e('v', Rlimit.AS, 1024, "virtual memory (kb)"), e('x', Rlimit.LOCKS, 1, "file locks"));

    /** dash 0.5.12's limits[] on Linux. */
    private static final List<Entry> DASH = List.of(e('t', Rlimit.CPU, 1, "time(seconds)"), e('f', Rlimit.FSIZE, 512, "file(blocks)"),
            e('d', Rlimit.DATA, 1024, "data(kbytes)"), e('s', Rlimit.STACK, 1024, "stack(kbytes)"),
            e('c', Rlimit.CORE, 512, "coredump(blocks)"), e('m', Rlimit.RSS, 1024, "memory(kbytes)"),
            e('l', Rlimit.MEMLOCK, 1024, "locked memory(kbytes)"), e('p', Rlimit.NPROC, 1, "process"),
            e('n', Rlimit.NOFILE, 1, "nofiles"), e('v', Rlimit.AS, 1024, "vmemory(kbytes)"), e('w', Rlimit.LOCKS, 1, "locks"),
            e('r', Rlimit.RTPRIO, 1, "rtprio"));

    /**
     * bash 5.2's limits[] as Linux builds it (no -b, -k, -P, -T): -c and -f count 1024-byte "blocks"
     * outside POSIX mode (its manual: 512-byte increments only when in POSIX mode).
     */
    private static final List<Entry> BASH = List.of(
            new Entry('R', Rlimit.RTTIME, 1, "real-time non-blocking time", "microseconds"),
            new Entry('c', Rlimit.CORE, 1024, "core file size", "blocks"), new Entry('d', Rlimit.DATA, 1024, "data seg size", "kbytes"),
            new Entry('e', Rlimit.NICE, 1, "scheduling priority", null), new Entry('f', Rlimit.FSIZE, 1024, "file size", "blocks"),
            new Entry('i', Rlimit.SIGPENDING, 1, "pending signals", null),
            new Entry('l', Rlimit.MEMLOCK, 1024, "max locked memory", "kbytes"),
            new Entry('m', Rlimit.RSS, 1024, "max memory size", "kbytes"), new Entry('n', Rlimit.NOFILE, 1, "open files", null),
            new Entry('p', null, 512, "pipe size", "512 bytes"), new Entry('q', Rlimit.MSGQUEUE, 1, "POSIX message queues", "bytes"),
            new Entry('r', Rlimit.RTPRIO, 1, "real-time priority", null), new Entry('s', Rlimit.STACK, 1024, "stack size", "kbytes"),
            new Entry('t', Rlimit.CPU, 1, "cpu time", "seconds"), new Entry('u', Rlimit.NPROC, 1, "max user processes", null),
            new Entry('v', Rlimit.AS, 1024, "virtual memory", "kbytes"), new Entry('x', Rlimit.LOCKS, 1, "file locks", null));

    /** PIPE_BUF (4096) in bash's 512-byte units: what {@code ulimit -p} prints on Linux. */
    private static final long PIPE_SIZE = 4096;

    private final Dialect dialect;
    private final Getopt libc;
    private final Limits limits;
    private final Consumer<String> out;
    /** A builtin's error as the shell words it ({@code sh: 1: ulimit: bad number}). */
    private final Consumer<String> builtinError;
    /** BusyBox's bb_error_msg and getopt's own complaint, printed as they are. */
    private final Consumer<String> err;
    private final String applet;

    /**
     * {@code applet}: the name BusyBox's messages start with ({@code sh}); {@code libc}: whose getopt
     * words ash's bad option; {@code builtinError} dash's and bash's errors, {@code err} a line as it is.
     */
    Ulimit(Dialect dialect, Getopt libc, Limits limits, String applet, Consumer<String> out, Consumer<String> builtinError,
           Consumer<String> err) {
        this.dialect = dialect;
        this.libc = libc;
        this.limits = limits;
        this.applet = applet;
        this.out = out;
        this.builtinError = builtinError;
        this.err = err;
    }

    private static Entry e(char letter, Rlimit r, long factor, String name) {
        return new Entry(letter, r, factor, name, null);
    }

    /** Runs {@code ulimit ARGS}; the exit status. */
    int run(List<String> args) {
        return switch (dialect) {
            case ASH -> ash(args);
            case DASH -> dash(args);
            case BASH -> bash(args);
        };
    }

    private static Entry find(List<Entry> table, char letter) {
        for (Entry e : table) {
            if (e.letter == letter) {
                return e;
            }
        }
        return null;
    }

    /** One option of ash's or bash's scan: a letter (1: an operand) and its value, or null. */
    private record Opt(char letter, String value, boolean separate) {
        Opt(char letter, String value) {
            this(letter, value, false);
        }
    }

    /**
     * getopt over {@code args} with each limit letter's value optional: attached ({@code -n5}), else the
     * next word when it does not start with {@code -}; {@code operands} true: a word that is no option
     * is returned as letter 1 (BusyBox's leading {@code -}), else the scan stops there. Null after a
     * letter the table lacks, reported through {@code bad}.
     */
    private static List<Opt> scan(List<String> args, List<Entry> table, boolean operands, List<String> rest, Consumer<Character> bad) {
        List<Opt> opts = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i++);
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                if (!operands) {
                    i--;
                    break;
                }
                opts.add(new Opt((char) 1, a));
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (c == 'H' || c == 'S' || c == 'a') {
                    opts.add(new Opt(c, null));
                } else if (find(table, c) != null) {
                    String value = j + 1 < a.length() ? a.substring(j + 1) : null;
                    boolean separate = value == null && i < args.size() && !args.get(i).startsWith("-");
                    if (separate) {
                        value = args.get(i++);
                    }
                    opts.add(new Opt(c, value, separate));
                    break;
                } else {
                    bad.accept(c);
                    return null;
                }
            }
        }
        rest.addAll(args.subList(i, args.size()));
        return opts;
    }

    private int ash(List<String> args) {
        List<Opt> opts = scan(args, ASH, true, new ArrayList<>(), c -> err.accept("ulimit: " + libc.invalid(c)));
        if (opts == null) {
            return 1;
        }
        boolean hard = false;
        boolean soft = false;
        boolean all = false;
        int count = 0; // shell_common.c's opt_cnt: limit letters and operands, a letter's separate value word too
        for (Opt o : opts) {
            switch (o.letter) {
                case 'H' -> hard = true;
                case 'S' -> soft = true;
                case 'a' -> all = true;
                default -> count += o.separate ? 2 : 1;
            }
        }
        if (!hard && !soft) {
            hard = soft = true;
        }
        Rlimits now = limits.get();
        if (all) {
            for (Entry e : ASH) {
                out.accept(String.format("%-32s(-%c) ", e.name, e.letter) + shown(soft ? now.soft(e.resource) : now.hard(e.resource), e.factor));
            }
            return 0;
        }
        for (Opt o : opts) {
            if (o.letter == 'H' || o.letter == 'S') {
                continue;
            }
            Entry e = find(ASH, o.letter == 1 ? 'f' : o.letter);
            now = limits.get();
            if (o.value == null) {
                String v = shown(soft ? now.soft(e.resource) : now.hard(e.resource), e.factor);
                out.accept(count > 1 ? String.format("%-32s(-%c) ", e.name, e.letter) + v : v);
                continue;
            }
            long v = Rlimits.INFINITY;
            if (!o.value.equals("unlimited")) {
                Long n = o.value.matches("[0-9]+") ? u64(o.value) : null; // bb_strtoull: digits only, ERANGE past 2^64
                if (n == null) {
                    err.accept(applet + ": invalid number '" + o.value + "'");
                    return 1;
                }
                v = n * e.factor; // val <<= factor_shift, wrapping as rlim_t does
            }
            String why = set(e.resource, soft ? v : now.soft(e.resource), hard ? v : now.hard(e.resource));
            if (why != null) {
                err.accept(applet + ": error setting limit: " + why);
                return 1;
            }
        }
        if (count == 0) { // a bare ulimit: -f
            out.accept(shown(soft ? limits.get().soft(Rlimit.FSIZE) : limits.get().hard(Rlimit.FSIZE), 512));
        }
        return 0;
    }

    private int dash(List<String> args) {
        boolean hard = false;
        boolean soft = false;
        boolean all = false;
        Entry what = find(DASH, 'f');
        int i = 0;
        for (; i < args.size(); i++) { // nextopt: clustered letters, no values, up to the first word that is no option
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'H') {
                    hard = true;
                } else if (c == 'S') {
                    soft = true;
                } else if (c == 'a') {
                    all = true;
                } else if (find(DASH, c) != null) {
                    what = find(DASH, c);
                } else {
                    builtinError.accept("Illegal option -" + c);
                    return 2;
                }
            }
        }
        if (!hard && !soft) {
            hard = soft = true;
        }
        List<String> rest = args.subList(i, args.size());
        long v = 0;
        if (!rest.isEmpty()) {
            if (all || rest.size() > 1) {
                builtinError.accept("too many arguments");
                return 2;
            }
            String p = rest.get(0);
            if (p.equals("unlimited")) {
                v = Rlimits.INFINITY;
            } else if (!p.matches("[0-9]*")) {
                builtinError.accept("bad number");
                return 2;
            } else {
                for (char c : p.toCharArray()) { // rlim_t arithmetic: an overflow wraps, unnoticed
                    v = v * 10 + (c - '0');
                }
                v *= what.factor;
            }
        }
        Rlimits now = limits.get();
        if (all) {
            for (Entry e : DASH) {
                out.accept(String.format("%-20s ", e.name) + shown(soft ? now.soft(e.resource) : now.hard(e.resource), e.factor));
            }
            return 0;
        }
        if (rest.isEmpty()) {
            out.accept(shown(soft ? now.soft(what.resource) : now.hard(what.resource), what.factor));
            return 0;
        }
        String why = set(what.resource, soft ? v : now.soft(what.resource), hard ? v : now.hard(what.resource));
        if (why != null) {
            builtinError.accept("error setting limit (" + why + ")");
            return 2;
        }
        return 0;
    }

    private int bash(List<String> args) {
        List<String> rest = new ArrayList<>();
        List<Opt> opts = scan(args, BASH, false, rest, c -> {
            builtinError.accept("-" + c + ": invalid option");
            err.accept("ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]");
        });
        if (opts == null) {
            return 2;
        }
        boolean hard = false;
        boolean soft = false;
        boolean all = false;
        List<Opt> cmds = new ArrayList<>();
        for (Opt o : opts) {
            switch (o.letter) {
                case 'H' -> hard = true;
                case 'S' -> soft = true;
                case 'a' -> all = true;
                default -> cmds.add(o);
            }
        }
        if (all) {
            Rlimits now = limits.get();
            for (Entry e : BASH) {
                out.accept(bashLine(e, hard && !soft ? hardOf(now, e) : softOf(now, e), true));
            }
            return 0;
        }
        if (cmds.isEmpty()) { // `ulimit something' is `ulimit -f something'
            cmds.add(new Opt('f', rest.isEmpty() ? null : rest.remove(0)));
        } else if (!rest.isEmpty() && cmds.get(cmds.size() - 1).value == null) {
            Opt last = cmds.remove(cmds.size() - 1);
            cmds.add(new Opt(last.letter, rest.remove(0)));
        }
        for (Opt o : cmds) {
            if (bashOne(find(BASH, o.letter), o.value, hard, soft, cmds.size() > 1) != 0) {
                return 1;
            }
        }
        return 0;
    }

    /** ulimit.def ulimit_internal: print one limit or set it. */
    private int bashOne(Entry e, String value, boolean hard, boolean soft, boolean multiple) {
        Rlimits now = limits.get();
        if (value == null) {
            out.accept(bashLine(e, hard && !soft ? hardOf(now, e) : softOf(now, e), multiple));
            return 0;
        }
        long v;
        if (value.equals("unlimited")) {
            v = Rlimits.INFINITY;
        } else if (value.equals("hard")) {
            v = hardOf(now, e);
        } else if (value.equals("soft")) {
            v = softOf(now, e);
        } else if (value.matches("[0-9]*")) { // all_digits, the empty word too
            Long n = value.isEmpty() ? Long.valueOf(0) : u64(value);
            if (n == null || n != 0 && Long.compareUnsigned(Long.divideUnsigned(-1L, e.factor), n) < 0) {
                builtinError.accept(value + ": limit out of range"); // sh_erange
                return 1;
            }
            v = n * e.factor;
        } else {
            builtinError.accept(value + ": invalid number");
            return 1;
        }
        String why = e.resource == null ? "Invalid argument"
                : set(e.resource, soft || !hard ? v : now.soft(e.resource), hard || !soft ? v : now.hard(e.resource));
        if (why != null) {
            builtinError.accept(e.name + ": cannot modify limit: " + why);
            return 1;
        }
        return 0;
    }

    private static long softOf(Rlimits now, Entry e) {
        return e.resource == null ? PIPE_SIZE : now.soft(e.resource);
    }

    private static long hardOf(Rlimits now, Entry e) {
        return e.resource == null ? PIPE_SIZE : now.hard(e.resource);
    }

    /** printone: {@code "%-20s %20s"} of the name and {@code (UNIT, -L) }, then the value. */
    private static String bashLine(Entry e, long value, boolean described) {
        String v = shown(value, e.factor);
        if (!described) {
            return v;
        }
        String unit = e.unit == null ? "(-" + e.letter + ") " : "(" + e.unit + ", -" + e.letter + ") ";
        return String.format("%-20s %20s", e.name, unit) + v;
    }

    private String set(Rlimit r, long soft, long hard) {
        return limits.set(r, soft, hard);
    }

    /** The digits as a uint64, or null past 2^64 - 1. */
    private static Long u64(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A limit in the table's unit: {@code unlimited}, else divided by its factor. */
    private static String shown(long value, long factor) {
        return value == Rlimits.INFINITY ? "unlimited" : Long.toUnsignedString(Long.divideUnsigned(value, factor));
    }
}
