package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.bin.Sleep;
import dev.dockwire.app.sh.Commands;
import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Locale;
import java.util.List;
import java.util.Map;

/**
 * {@code timeout} on the emulation's clock: BusyBox's coreutils/timeout.c ({@code timeout [-s SIG]
 * [-k KILL_SECS] SECS PROG ARGS}: the program's own status, 143 when the signal ended it) and GNU
 * coreutils 9.1's timeout.c ({@code timeout [OPTION] DURATION COMMAND}: 124 when the time ran out,
 * the command's status under {@code --preserve-status}, 137 after {@code -s KILL} or {@code -k}'s
 * SIGKILL, which reach timeout itself too; 125 for its own errors, 127 for a command not found).
 * The command starts as its child through the container's {@link Commands}.
 */
final class Timeout implements Program {
    private final boolean busybox;
    private final Commands commands;
    private final Map<String, String> env;
    private final List<String> stdin;

    Timeout(boolean busybox, Commands commands, Map<String, String> env, List<String> stdin) {
        this.busybox = busybox;
        this.commands = commands;
        this.env = env;
        this.stdin = stdin;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        Signal signal = Signal.SIGTERM;
        Double kill = null;
        boolean preserve = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!busybox && a.equals("--preserve-status")) {
                preserve = true;
                continue;
            }
            if (!busybox && a.equals("--foreground") || !busybox && a.equals("-v") || !busybox && a.equals("--verbose")) {
                continue;
            }
            String opt = a.startsWith("--") ? a.replaceFirst("=.*", "") : a.substring(0, 2);
            String value = a.startsWith("--") ? (a.contains("=") ? a.substring(a.indexOf('=') + 1) : null)
                    : a.length() > 2 ? a.substring(2) : null;
            if (value == null && i + 1 < args.size()) {
                value = args.get(++i);
            }
            if ((opt.equals("-s") || !busybox && opt.equals("--signal")) && value != null) {
                signal = Signal.parse(value);
                if (signal == null) {
                    fail(ctx, busybox ? "timeout: bad signal name '" + value + "'" : "timeout: " + quote(value) + ": invalid signal", 125);
                    return;
                }
            } else if ((opt.equals("-k") || !busybox && opt.equals("--kill-after")) && value != null) {
                kill = seconds(value);
                if (kill == null) {
                    fail(ctx, "timeout: invalid time interval " + quote(value), 125);
                    return;
                }
            } else {
                ctx.err("timeout: invalid option -- '" + a.charAt(1) + "'");
                usage(ctx);
                return;
            }
        }
        if (args.size() - i < 2) {
            usage(ctx); // GNU says only where --help is: usage (EXIT_CANCELED) without a message
            return;
        }
        Double secs = seconds(args.get(i));
        if (secs == null) {
            fail(ctx, busybox ? "timeout: invalid number '" + args.get(i) + "'" : "timeout: invalid time interval " + quote(args.get(i)), busybox ? 1 : 125);
            return;
        }
        List<String> argv = args.subList(i + 1, args.size());
        Watch w = new Watch(ctx, signal, kill, preserve);
        Commands.Running child = commands.provider(argv.get(0)) == null ? null
                : commands.start(ctx.pid(), argv, env, stdin, new Commands.Output() {
                    @Override
                    public void out(String line) {
                        ctx.out(line);
                    }

                    @Override
                    public void err(String line) {
                        ctx.err(line);
                    }
                }, w::ended);
        if (child == null) {
            ctx.err(busybox ? "timeout: can't execute '" + argv.get(0) + "': No such file or directory"
                    : "timeout: failed to run command " + quote(argv.get(0)) + ": No such file or directory");
            ctx.exit(127);
            return;
        }
        w.child = child;
        if (secs > 0 && !Double.isInfinite(secs)) {
            ctx.schedule((long) (secs * 1e9), w::expire);
        }
    }

    /** The command under way and what happens when its time is up. */
    private final class Watch {
        private final ProcessContext ctx;
        private final Signal signal;
        private final Double kill;
        private final boolean preserve;
        Commands.Running child;
        private boolean timedOut;
        private boolean done;

        Watch(ProcessContext ctx, Signal signal, Double kill, boolean preserve) {
            this.ctx = ctx;
            this.signal = signal;
            this.kill = kill;
            this.preserve = preserve;
        }

        void expire() {
            if (done) {
                return;
            }
            timedOut = true;
            child.signal(signal);
            if (kill != null && !done) {
                ctx.schedule((long) (kill * 1e9), () -> {
                    if (!done) {
                        child.signal(Signal.SIGKILL);
                    }
                });
            }
        }

        void ended(int status) {
            if (done) {
                return;
            }
            done = true;
            if (!timedOut || busybox || preserve) {
                ctx.exit(status);
            } else if (status == 128 + Signal.SIGKILL.number()) {
                ctx.exit(status); // GNU timeout's SIGKILL reaches its own process group: it dies of it too
            } else {
                ctx.exit(124);
            }
        }
    }

    private Double seconds(String value) {
        if (busybox) {
            return Sleep.seconds(value);
        }
        // GNU's parse_duration: a floating-point number with one optional suffix s, m, h or d
        if (!value.matches("(\\d+\\.?\\d*|\\.\\d+)([smhd])?") && !value.equals("inf") && !value.equals("infinity")) {
            return null;
        }
        return Sleep.seconds(value);
    }

    private String quote(String s) {
        return Locale.quote(Locale.utf8(env::get), s);
    }

    private void fail(ProcessContext ctx, String line, int status) {
        ctx.err(line);
        if (!busybox) {
            ctx.err("Try 'timeout --help' for more information.");
        }
        ctx.exit(status);
    }

    private void usage(ProcessContext ctx) {
        if (busybox) {
            BusyboxUsage.withBanner("timeout").forEach(ctx::err);
            ctx.exit(1);
            return;
        }
        ctx.err("Try 'timeout --help' for more information.");
        ctx.exit(125);
    }
}
