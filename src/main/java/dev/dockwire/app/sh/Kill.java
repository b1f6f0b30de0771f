package dev.dockwire.app.sh;

import dev.dockwire.app.Signal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code kill} as each of its writers reads its command line and words its errors: BusyBox's
 * procps/kill.c (ash's builtin and the applet are one function, {@code sh: can't kill pid 99: No such
 * process} or {@code kill: ...}; its status the number of failures), bash 5.2's builtins/kill.def
 * ({@code (99) - No such process}), dash 0.5.12's jobs.c killcmd ({@code No such process} and the
 * empty line its strerror format leaves) and procps-ng 4.0's kill(1) ({@code kill: (99): No such
 * process}). Signal 0 ({@code kill -0}) only asks whether the process exists.
 */
public final class Kill {
    /** Whose kill it is. */
    public enum Style { BUSYBOX, BASH, DASH, PROCPS }

    /** kill(2) in the caller's PID namespace: false (ESRCH) when no process has {@code pid}; {@code signal} null is signal 0. */
    public interface Killer {
        boolean kill(int pid, Signal signal);
    }

    private final Style style;
    private final Killer killer;
    /** A message as the caller words an error line ({@code sh: }, {@code bash: line 1: kill: }). */
    private final UnaryOperator<String> error;
    private final Consumer<String> out;
    private final Consumer<String> err;

    public Kill(Style style, Killer killer, UnaryOperator<String> error, Consumer<String> out, Consumer<String> err) {
        this.style = style;
        this.killer = killer;
        this.error = error;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code kill ARGS}; its exit status. */
    public int run(List<String> args) {
        int i = 0;
        Signal signal = Signal.SIGTERM;
        boolean zero = false;
        String badName = null;
        if (i < args.size() && args.get(i).equals("-l") || i < args.size() && args.get(i).equals("-L") && style == Style.PROCPS) {
            return list(args.subList(1, args.size()));
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            // The first word with a dash is the signal in every kill ({@code kill -9 PID}), never a process group.
            String opt = args.get(i++);
            String name;
            if (opt.equals("-s") || opt.equals("-n") && style == Style.BASH || opt.equals("--signal") && style == Style.PROCPS) {
                if (i >= args.size()) {
                    return usage();
                }
                name = args.get(i++);
            } else {
                name = opt.substring(1);
            }
            if (name.equals("0")) {
                zero = true;
            } else {
                signal = Signal.parse(name);
                if (signal == null || style == Style.DASH && signal == Signal.SIGSTKFLT) {
                    if (style == Style.DASH && !opt.equals("-s")) {
                        err.accept(error.apply("Illegal option -" + name.charAt(0))); // nextopt's word for -FOO
                        return 2;
                    }
                    if (style != Style.PROCPS) {
                        return badSignal(name);
                    }
                    badName = name;
                }
            }
            if (i < args.size() && args.get(i).equals("--")) {
                i++;
            }
        }
        if (i >= args.size()) {
            return usage();
        }
        int failures = 0;
        for (String a : args.subList(i, args.size())) {
            Integer pid = pid(a);
            if (pid == null) {
                failures++;
                switch (style) {
                    case BUSYBOX -> err.accept(error.apply("invalid number '" + a + "'"));
                    case BASH -> err.accept(error.apply(a + ": arguments must be process or job IDs"));
                    case DASH -> {
                        err.accept(error.apply("Illegal number: " + a));
                        return 2;
                    }
                    case PROCPS -> err.accept(error.apply("failed to parse argument: '" + a + "'"));
                }
                continue;
            }
            if (badName != null) {
                failures++;
                // procps-ng 4.0.2 hands an unknown name on as signal -1: kill(2)'s ESRCH for no such process, else EINVAL
                err.accept(error.apply("(" + pid + "): " + (killer.kill(pid, null) ? "Invalid argument" : "No such process")));
                continue;
            }
            if (!killer.kill(pid, zero ? null : signal)) {
                failures++;
                switch (style) {
                    case BUSYBOX -> err.accept(error.apply("can't kill pid " + pid + ": No such process"));
                    case BASH -> err.accept(error.apply("(" + pid + ") - No such process"));
                    case DASH -> {
                        err.accept(error.apply("No such process"));
                        err.accept("");
                    }
                    case PROCPS -> err.accept(error.apply("(" + pid + "): No such process"));
                }
            }
        }
        return style == Style.BUSYBOX ? failures : failures > 0 ? 1 : 0;
    }

    private static Integer pid(String a) {
        if (!a.matches("-?\\d{1,10}")) {
            return null;
        }
        long v = Long.parseLong(a);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : (int) v;
    }

    private int usage() {
        switch (style) {
            case BUSYBOX -> err.accept(error.apply("you need to specify whom to kill"));
            case BASH -> err.accept("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
            case DASH -> {
                err.accept(error.apply("Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or"));
                err.accept("kill -l [exitstatus]");
            }
            case PROCPS -> {
                for (String line : PROCPS_USAGE) {
                    err.accept(line);
                }
            }
        }
        return style == Style.BASH || style == Style.DASH ? 2 : 1;
    }

    private static final List<String> PROCPS_USAGE = List.of("", "Usage:", " kill [options] <pid> [...]", "", "Options:",
            " <pid> [...]            send signal to every <pid> listed",
            " -<signal>, -s, --signal <signal>",
            "                        specify the <signal> to be sent",
            " -q, --queue <value>    integer value to be sent with the signal",
            " -l, --list=[<signal>]  list all signal names, or convert one to a name",
            " -L, --table            list all signal names in a nice table", "",
            " -h, --help     display this help and exit", " -V, --version  output version information and exit", "",
            "For more details see kill(1).");

    private int badSignal(String name) {
        switch (style) {
            case BUSYBOX -> err.accept(error.apply("bad signal name '" + name + "'"));
            case BASH -> err.accept(error.apply(name + ": invalid signal specification"));
            default -> err.accept(error.apply("invalid signal number or name: " + name));
        }
        return style == Style.DASH ? 2 : 1;
    }

    /** {@code kill -l [SIG|STATUS]}: the names, or one name's number and one number's name. */
    private int list(List<String> args) {
        if (args.isEmpty()) {
            switch (style) {
                case BUSYBOX -> {
                    for (int n = 1; n <= 31; n++) {
                        out.accept(String.format("%2d) %s", n, styled(n)));
                    }
                }
                case BASH -> {
                    StringBuilder line = new StringBuilder();
                    int column = 0;
                    for (Signal s : Signal.values()) {
                        line.append(String.format("%2d) SIG%s\t", s.number(), name(s.number())));
                        if (++column % 5 == 0) {
                            out.accept(line.substring(0, line.length() - 1));
                            line.setLength(0);
                        }
                    }
                    if (line.length() > 0) {
                        out.accept(line.toString());
                    }
                }
                case DASH -> {
                    for (int n = 0; n <= 64; n++) {
                        // dash's table has no name for 16 (STKFLT) nor for glibc's own 32 and 33
                        out.accept(n == 0 || n == 16 || n == 32 || n == 33 ? Integer.toString(n) : name(n));
                    }
                }
                case PROCPS -> {
                    StringBuilder line = new StringBuilder();
                    for (int n = 1; n <= 31; n++) {
                        line.append(styled(n)).append(n == 16 || n == 31 ? "" : " ");
                        if (n == 16 || n == 31) {
                            out.accept(line.toString());
                            line.setLength(0);
                        }
                    }
                }
            }
            return 0;
        }
        int failures = 0;
        for (String a : args) {
            if (a.matches("\\d+")) {
                int n = Integer.parseInt(a);
                int signo = n > 128 && style != Style.PROCPS ? n - 128 : n;
                String name = signo >= 1 && signo <= 64 && signo != 32 && signo != 33 ? styled(signo) : null;
                if (name != null && (style != Style.BUSYBOX || signo <= 31)) {
                    out.accept(name);
                } else if (style == Style.BUSYBOX) {
                    out.accept(a); // get_signame prints an unnamed number as itself
                } else {
                    failures++;
                    err.accept(style == Style.PROCPS ? error.apply("unknown signal name " + a)
                            : style == Style.BASH ? error.apply(a + ": invalid signal specification")
                            : error.apply("invalid signal number or exit status: " + a));
                }
            } else {
                Signal s = Signal.parse(a);
                if (s != null && style != Style.DASH) {
                    out.accept(Integer.toString(s.number()));
                } else {
                    failures++;
                    err.accept(switch (style) {
                        case BUSYBOX -> error.apply("unknown signal '" + a + "'");
                        case BASH -> error.apply(a + ": invalid signal specification");
                        case DASH -> error.apply("Illegal number: " + a);
                        case PROCPS -> error.apply("unknown signal name " + a);
                    });
                }
            }
        }
        return failures == 0 ? 0 : style == Style.DASH ? 2 : 1;
    }

    /** Signal 29 is POLL to BusyBox's and procps' tables (SIGPOLL, SIGIO's other name), IO to the shells'. */
    private String styled(int number) {
        return number == 29 && (style == Style.BUSYBOX || style == Style.PROCPS) ? "POLL" : name(number);
    }

    /** The signal's name without SIG as kill -l prints it ({@code RTMIN+3}, {@code RTMAX-1}). */
    static String name(int number) {
        for (Signal s : Signal.values()) {
            if (s.number() == number) {
                return s.name().substring(3).replaceFirst("^RTMIN_(\\d+)$", "RTMIN+$1").replaceFirst("^RTMAX_(\\d+)$", "RTMAX-$1")
;
            }
        }
        return Integer.toString(number);
    }
}
