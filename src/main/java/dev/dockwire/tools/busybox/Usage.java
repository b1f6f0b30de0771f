package dev.dockwire.tools.busybox;

import dev.dockwire.libc.Getopt;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An applet's usage as BusyBox prints it on a bad option (libbb/appletlib.c, bb_show_usage): the
 * banner of alpine's build, a blank line, then the applet's text from {@code NAME.usage} (the
 * applet's {@code _trivial_usage}/{@code _full_usage} in BusyBox 1.36.1, which the reference
 * host's 1.35 prints the same), exit 1.
 */
final class Usage {
    /** The banner of alpine's busybox 1.36.1 package, as the modelled applets elsewhere print it. */
    static final String BANNER = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.";

    private Usage() {
    }

    /** The banner, a blank line and the usage text of {@code applet}. */
    static List<String> text(String applet) {
        List<String> out = new ArrayList<>();
        out.add(BANNER);
        out.add("");
        try (InputStream in = Usage.class.getResourceAsStream(applet + ".usage")) {
            out.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
