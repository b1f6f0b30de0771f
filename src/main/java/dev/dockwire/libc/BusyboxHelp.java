package dev.dockwire.libc;

import java.util.List;
import java.util.Set;

/**
 * {@code APPLET --help} in BusyBox: libbb/appletlib.c's show_usage_if_dash_dash_help, run before the applet's
 * main, answers a lone {@code --help} with bb_show_usage and exit status 0 — the banner, a blank line and the
 * usage, on stderr ({@link BusyboxUsage#withBanner}). {@code test}, {@code [}, {@code [[}, {@code true},
 * {@code false} and {@code echo} skip it, as POSIX wants {@code --help} to be their operand.
 */
public final class BusyboxHelp {
    /** The applets appletlib.c leaves their own {@code --help}. */
    private static final Set<String> OPERAND = Set.of("test", "[", "[[", "true", "false", "echo");

    private BusyboxHelp() {
    }

    /** The lines {@code applet args} prints on stderr before it exits 0, or null when it is no lone --help of a usage kept here. */
    public static List<String> of(String applet, List<String> args) {
        String base = applet.substring(applet.lastIndexOf('/') + 1);
        if (!args.equals(List.of("--help")) || OPERAND.contains(base)
                || BusyboxHelp.class.getResource("busybox/" + base + ".usage") == null) {
            return null;
        }
        return BusyboxUsage.withBanner(base);
    }
}
