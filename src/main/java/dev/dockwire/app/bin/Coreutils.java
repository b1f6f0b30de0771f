package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Locale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What GNU coreutils' and BusyBox's small programs share when the command line is wrong or asks for
 * help: coreutils' {@code usage(EXIT_FAILURE)} (the error, then {@code Try 'NAME --help' for more
 * information.}), its {@code --help}/{@code --version} texts (resources {@code coreutils/NAME.help}
 * and {@code .version}, as Debian 12's coreutils 9.1 prints them), and BusyBox's bb_show_usage.
 */
final class Coreutils {
    private Coreutils() {
    }

    /** coreutils' usage error: {@code NAME: MESSAGE} and the hint, on stderr, status 1. */
    /** gnulib's quote(ARG) in the process's locale: ‘ARG’ under UTF-8, 'ARG' in C ({@link Locale}). */
    static String quote(ProcessContext ctx, String arg) {
        return Locale.quote(Locale.utf8(ctx::getenv), arg);
    }

    static void usageError(ProcessContext ctx, String name, String message) {
        ctx.err(name + ": " + message);
        ctx.err("Try '" + name + " --help' for more information.");
        ctx.exit(1);
    }

    /** {@code --help} or {@code --version} of {@code name} ({@code kind} "help" or "version") on stdout, status 0. */
    static void text(ProcessContext ctx, String name, String kind) {
        try (InputStream in = Coreutils.class.getResourceAsStream("coreutils/" + name + "." + kind)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(ctx::out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.exit(0);
    }

    /** BusyBox's bb_show_usage: an optional error line, the banner and usage on stderr; {@code status}. */
    static void busyboxUsage(ProcessContext ctx, String name, String error, int status) {
        if (error != null) {
            ctx.err(name + ": " + error);
        }
        BusyboxUsage.withBanner(name).forEach(ctx::err);
        ctx.exit(status);
    }
}
