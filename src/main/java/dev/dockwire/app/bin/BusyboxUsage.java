package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * BusyBox's bb_show_usage (libbb/appletlib.c): the banner, then the applet's usage text from
 * {@code app/bin/busybox/APPLET.usage}, all on stderr. The banner is alpine's busybox 1.36.1
 * build, the one {@link Sleep} prints too.
 */
final class BusyboxUsage {
    static final String BANNER = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.";

    private BusyboxUsage() {
    }

    /** Prints the usage of {@code applet} and ends the program with {@code status} (1; 0 for {@code --help}). */
    static void show(ProcessContext ctx, String applet, int status) {
        ctx.err(BANNER);
        for (String line : text(applet)) {
            ctx.err(line);
        }
        ctx.exit(status);
    }

    /** The usage lines after the banner (the resource's lines but its leading '# ' notes). */
    static List<String> text(String applet) {
        try (InputStream in = BusyboxUsage.class.getResourceAsStream("busybox/" + applet + ".usage")) {
            if (in == null) {
                throw new IllegalStateException("no usage for " + applet);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().dropWhile(l -> l.startsWith("# ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
