package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;

/** Prints an applet's usage as BusyBox's bb_show_usage does, on stderr ({@link dev.dockwire.libc.BusyboxUsage}'s texts). */
final class BusyboxUsage {
    private BusyboxUsage() {
    }

    /** Prints the usage of {@code applet} and ends the program with {@code status} (1; 0 for {@code --help}). */
    static void show(ProcessContext ctx, String applet, int status) {
        for (String line : dev.dockwire.libc.BusyboxUsage.withBanner(applet)) {
            ctx.err(line);
        }
        ctx.exit(status);
    }
}
