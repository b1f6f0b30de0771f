package dev.dockwire.tools.debian;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.Kmsg;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.LineJob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * util-linux 2.38's {@code dmesg} (sys-utils/dmesg.c) over the host's kernel log: each record as
 * {@code [SECONDS.MICROS] TEXT} ({@code %5ld.%06ld}), {@code -T} with ctime's date of the
 * record ({@code [Sat Dec  5 21:23:07 2026]}, the boot time being the virtual clock's zero),
 * {@code -t} the text only; {@code -c} prints then clears, {@code -C} clears; {@code -w} prints
 * and then follows, {@code -W} follows only the new records (a {@link LineJob} ended by Ctrl-C).
 */
public final class Dmesg {
    private static final Map<String, String> LONG = Map.ofEntries(Map.entry("clear", "C"), Map.entry("read-clear", "c"),
            Map.entry("ctime", "T"), Map.entry("notime", "t"), Map.entry("kernel", "k"), Map.entry("follow", "w"),
            Map.entry("follow-new", "W"), Map.entry("nopager", "P"), Map.entry("help", "h"), Map.entry("version", "V"));
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String TRY_HELP = "Try 'dmesg --help' for more information.";

    private final Kernel kernel;
    private final long bootEpochMillis;
    private boolean clear;
    private boolean readClear;
    private boolean ctime;
    private boolean notime;
    private boolean follow;
    private boolean followNew;

    /** {@code bootEpochMillis}: the wall-clock time of the virtual clock's zero, for {@code -T}. */
    public Dmesg(Kernel kernel, long bootEpochMillis) {
        this.kernel = kernel;
        this.bootEpochMillis = bootEpochMillis;
    }

    /** Whether {@code args} asks to follow the log ({@code -w}, {@code -W}): then {@link #start} runs it as a job. */
    public static boolean follows(List<String> args) {
        for (String a : args) {
            if (a.equals("--follow") || a.equals("--follow-new")
                    || a.startsWith("-") && !a.startsWith("--") && (a.indexOf('w') > 0 || a.indexOf('W') > 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code dmesg ARGS} that ends by itself. */
    public CommandResult run(List<String> args) {
        CommandResult refused = parse(args);
        if (refused != null) {
            return refused;
        }
        if (clear) {
            kernel.klog().clear();
            return CommandResult.ok(List.of());
        }
        List<String> out = new ArrayList<>();
        try {
            for (Kmsg k : kernel.klog().read()) {
                out.add(format(k));
            }
        } catch (KernelException e) {
            return CommandResult.fail(1, e.getMessage());
        }
        if (readClear) {
            kernel.klog().clear();
        }
        return CommandResult.ok(out);
    }

    /**
     * {@code dmesg -w|-W ARGS}: the records so far (not with -W), then each new one until stopped;
     * a refusal (a bad option) is the {@link CommandResult} in {@code refused[0]} and null is returned.
     */
    public LineJob start(List<String> args, CommandResult[] refused) {
        refused[0] = parse(args);
        if (refused[0] != null) {
            return null;
        }
        LineJob job = new LineJob("dmesg " + String.join(" ", args));
        if (!followNew) {
            kernel.klog().read().forEach(k -> job.line(format(k)));
        }
        return job.until(kernel.klog().follow(k -> job.line(format(k))));
    }

    private String format(Kmsg k) {
        if (notime) {
            return k.text();
        }
        if (ctime) {
            return "[" + CTIME.format(Instant.ofEpochMilli(bootEpochMillis + k.nanos() / 1_000_000)) + "] " + k.text();
        }
        long us = k.nanos() / 1000;
        return String.format(Locale.ROOT, "[%5d.%06d] %s", us / 1_000_000, us % 1_000_000, k.text());
    }

    /** getopt_long over dmesg's options; null when the command line is good. */
    private CommandResult parse(List<String> args) {
        boolean[] help = {false};
        boolean[] version = {false};
        GetoptLong.Result r = new GetoptLong(Getopt.GLIBC, "CcTtkwWPhV", LONG).parse(args, (key, value) -> {
            switch (key) {
                case "C" -> clear = true;
                case "c" -> readClear = true;
                case "T" -> ctime = true;
                case "t" -> notime = true;
                case "w" -> follow = true;
                case "W" -> followNew = true;
                case "h" -> help[0] = true;
                case "V" -> version[0] = true;
                default -> {
                    // -k: every record here is the kernel's; -P: dmesg pages only with -H.
                }
            }
            return !help[0] && !version[0];
        });
        if (help[0]) {
            return CommandResult.ok(helpText());
        }
        if (version[0]) {
            return CommandResult.ok(List.of("dmesg from util-linux 2.38.1"));
        }
        if (r.error() != null) {
            return new CommandResult(1, List.of("dmesg: " + r.error(), TRY_HELP));
        }
        if (!r.operands().isEmpty()) {
            return new CommandResult(1, List.of("dmesg: bad usage", TRY_HELP));
        }
        if (clear && readClear) {
            return CommandResult.fail(1, "dmesg: mutually exclusive arguments: --clear --console-off --console-on --read-clear "
                    + "--console-level --raw");
        }
        follow |= followNew;
        return null;
    }

    private static List<String> helpText() {
        try (InputStream in = Dmesg.class.getResourceAsStream("dmesg-help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
