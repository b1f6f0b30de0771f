package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/**
 * BusyBox {@code sleep N[smhd]...} (coreutils/sleep.c with FANCY_SLEEP): waits the sum of its
 * arguments on the emulation's clock; {@code inf}/{@code infinity} never ends.
 */
public final class Sleep implements Program {
    @Override
    public void start(ProcessContext ctx, List<String> args) {
        if (args.isEmpty()) {
            ctx.err(dev.dockwire.libc.BusyboxUsage.BANNER);
            ctx.err("");
            ctx.err("Usage: sleep [N]...");
            ctx.exit(1);
            return;
        }
        double seconds = 0;
        for (String a : args) {
            Double s = seconds(a);
            if (s == null) {
                ctx.err("sleep: invalid number '" + a + "'");
                ctx.exit(1);
                return;
            }
            seconds += s;
        }
        if (!Double.isInfinite(seconds)) {
            ctx.schedule((long) (seconds * 1e9), () -> ctx.exit(0));
        }
    }

    /** One argument's seconds as BusyBox reads it ({@code 1.5}, {@code 2m}, {@code inf}), or null when it is an invalid number. */
    public static Double seconds(String a) {
        if (a.equals("inf") || a.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        double unit = switch (a.isEmpty() ? ' ' : a.charAt(a.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 0;
        };
        String n = unit == 0 ? a : a.substring(0, a.length() - 1);
        try {
            double v = Double.parseDouble(n);
            return v < 0 || !n.matches("[0-9.]+") ? null : v * (unit == 0 ? 1 : unit);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
