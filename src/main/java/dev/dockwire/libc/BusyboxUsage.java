package dev.dockwire.libc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage texts of BusyBox's applets, as libbb's bb_show_usage (libbb/appletlib.c) prints them on a bad
 * option: the banner of alpine's busybox 1.36.1 build, a blank line, then the applet's
 * {@code _trivial_usage}/{@code _full_usage} (resource {@code libc/busybox/APPLET.usage}; leading
 * {@code # } lines are notes saying where the text comes from). libbb is linked into every applet as the C library
 * is, so the programs, the kernel-state applets and the text tools read the texts from here.
 */
public final class BusyboxUsage {
    /** The banner of alpine's busybox 1.36.1 package. */
    public static final String BANNER = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.";

    private BusyboxUsage() {
    }

    /** The usage of {@code applet} after the banner and its blank line. */
    public static List<String> lines(String applet) {
        try (InputStream in = BusyboxUsage.class.getResourceAsStream("busybox/" + applet + ".usage")) {
            if (in == null) {
                throw new IllegalStateException("no usage for " + applet);
            }
            List<String> text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().dropWhile(l -> l.startsWith("# ")).toList();
            return !text.isEmpty() && text.get(0).isEmpty() ? text.subList(1, text.size()) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The banner, a blank line and the usage of {@code applet}: what goes to stderr. */
    public static List<String> withBanner(String applet) {
        List<String> out = new ArrayList<>();
        out.add(BANNER);
        out.add("");
        out.addAll(lines(applet));
        return out;
    }
}
