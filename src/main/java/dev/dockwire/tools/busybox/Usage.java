package dev.dockwire.tools.busybox;

import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;

/** An applet's usage as BusyBox prints it on a bad option ({@link BusyboxUsage}: bb_show_usage), exit 1. */
final class Usage {
    private Usage() {
    }

    /** The banner, a blank line and the usage text of {@code applet}. */
    static List<String> text(String applet) {
        return BusyboxUsage.withBanner(applet);
    }

    /** {@code bb_show_usage()}: the usage on stderr, exit 1. */
    static CommandResult fail(String applet) {
        return new CommandResult(1, text(applet));
    }

    /** A getopt32 complaint in musl's words ({@code ip: unrecognized option: x}) followed by the usage, exit 1. */
    static CommandResult invalidOption(String applet, char option) {
        List<String> out = new ArrayList<>();
        out.add(applet + ": " + Getopt.MUSL.invalid(option));
        out.addAll(text(applet));
        return new CommandResult(1, out);
    }
}
