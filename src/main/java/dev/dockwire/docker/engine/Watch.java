package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.sh.Commands;
import dev.dockwire.libc.BusyboxUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * BusyBox's {@code watch [-n SEC] [-t] PROG ARGS} (procps/watch.c) on the emulation's clock: each
 * round homes the cursor and clears the screen ({@code ESC[H ESC[J}), prints the header
 * {@code Every 2.0s: CMD} padded to the terminal's width (80 off a terminal) with the time
 * ({@code YYYY-MM-DD HH:MM:SS}, UTC) ending one column short of it and an empty line, runs
 * {@code sh -c CMD} (the words joined, as system(3) gets them), then sleeps the period after it
 * ended. It runs until a signal ends it (Ctrl-C, {@code timeout}).
 */
final class Watch implements Program {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String HOME_CLEAR = "\033[H\033[J";

    private final Commands commands;
    private final Map<String, String> env;

    Watch(Commands commands, Map<String, String> env) {
        this.commands = commands;
        this.env = env;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        double period = 2;
        boolean noTitle = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-t")) {
                noTitle = true;
            } else if (a.startsWith("-n")) {
                String v = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                Double s = v == null ? null : dev.dockwire.app.bin.Sleep.seconds(v);
                if (s == null) {
                    ctx.err("watch: invalid number '" + v + "'");
                    ctx.exit(1);
                    return;
                }
                period = s;
            } else {
                ctx.err("watch: invalid option -- '" + a.charAt(1) + "'");
                usage(ctx);
                return;
            }
        }
        if (i >= args.size()) {
            usage(ctx);
            return;
        }
        String cmd = String.join(" ", args.subList(i, args.size()));
        round(ctx, cmd, period, noTitle);
    }

    private void round(ProcessContext ctx, String cmd, double period, boolean noTitle) {
        if (!ctx.alive()) {
            return;
        }
        if (!noTitle) {
            ctx.out(HOME_CLEAR + header(ctx, cmd, period));
            ctx.out("");
        }
        boolean[] first = {noTitle};
        Commands.Running child = commands.start(ctx.pid(), List.of("sh", "-c", cmd), env, List.of(), new Commands.Output() {
            @Override
            public void out(String line) {
                ctx.out(first[0] ? HOME_CLEAR + line : line);
                first[0] = false;
            }

            @Override
            public void err(String line) {
                ctx.err(line);
            }
        }, status -> ctx.schedule((long) (period * 1e9), () -> round(ctx, cmd, period, noTitle)));
        if (child == null) {
            ctx.schedule((long) (period * 1e9), () -> round(ctx, cmd, period, noTitle));
        }
    }

    /** {@code Every 2.0s: CMD} padded to the width, the time over its last 20 columns but one. */
    static String header(ProcessContext ctx, String cmd, double period) {
        dev.dockwire.app.Winsize ws = ctx.winsize(2);
        int width = ws == null ? 80 : ws.columns();
        StringBuilder h = new StringBuilder(String.format(java.util.Locale.ROOT, "Every %.1fs: %-" + width + "s", period, cmd));
        String time = TIME.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000));
        if (20 < width) {
            h.setLength(width - 1);
            h.replace(width - 20, width - 1, time);
        }
        return h.toString();
    }

    private static void usage(ProcessContext ctx) {
        BusyboxUsage.withBanner("watch").forEach(ctx::err);
        ctx.exit(1);
    }
}
