package dev.dockwire.text;

import dev.dockwire.libc.BusyboxUsage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code date [-u] [-R | -I[FMT] | +FORMAT] [-d STRING | -r FILE] [-s STRING]} (BusyBox's {@code -D FMT}
 * too): coreutils 9's (src/date.c) on the host and in Debian/Ubuntu images, BusyBox's
 * (coreutils/date.c) in alpine's, in the C locale. The zone is the place's {@code TZ} as its C
 * library reads it ({@link TimeZones}; unset on the host and in images: UTC), {@code -u} UTC;
 * {@code -r} dates a file by its modification time. Setting the time ({@code -s}, or a time operand) is
 * clock_settime(CLOCK_REALTIME): the host's root may; a container fails as it does without
 * CAP_SYS_TIME (Docker's default capabilities lack it), with EPERM.
 */
public final class DateCommand {
    private static final String DEFAULT = "%a %b %e %H:%M:%S %Z %Y";
    private static final String RFC_EMAIL = "%a, %d %b %Y %H:%M:%S %z";
    private static final List<String> ISO_SPECS = List.of("hours", "minutes", "date", "seconds", "ns");

    /** coreutils 9's date.c: "d:f:I::r:Rs:u" and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("d:f:I::r:Rs:u", java.util.Map.ofEntries(java.util.Map.entry("date", "d:"),
            java.util.Map.entry("debug", "debug"), java.util.Map.entry("file", "f:"), java.util.Map.entry("iso-8601", "I::"),
            java.util.Map.entry("reference", "r:"), java.util.Map.entry("resolution", "resolution"), java.util.Map.entry("rfc-email", "R"),
            java.util.Map.entry("rfc-822", "R"), java.util.Map.entry("rfc-2822", "R"), java.util.Map.entry("rfc-3339", "rfc-3339:"),
            java.util.Map.entry("set", "s:"), java.util.Map.entry("uct", "u"), java.util.Map.entry("utc", "u"), java.util.Map.entry("universal", "u")));
    /** BusyBox 1.36.1's getopt32long "Rs:ud:r:I::D:" (DATE_ISOFMT, DATE_COMPAT) and date_longopts. */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("Rs:ud:r:I::D:", java.util.Map.of("rfc-822", "R", "rfc-2822", "R",
            "set", "s:", "utc", "u", "date", "d:", "reference", "r:"));

    private DateCommand() {
    }

    /** What the options asked for. */
    private static final class Asked {
        boolean utc;
        boolean rfc;
        boolean iso;
        String reference;
        String hint;
        String input;
        String set;
        String format;
        int formats;

        /** One option; the refusal of its value, or null. */
        TextResult option(String key, String value, boolean gnu) {
            switch (key) {
                case "u" -> utc = true;
                case "R" -> {
                    format = RFC_EMAIL;
                    formats++;
                    rfc = true;
                }
                case "I" -> {
                    format = iso(value == null ? "date" : value);
                    if (format == null) {
                        return gnu ? invalidSpec(value, "--iso-8601") : bareUsage();
                    }
                    formats++;
                    iso = true;
                }
                case "rfc-3339" -> {
                    format = switch (value) {
                        case "date" -> "%Y-%m-%d";
                        case "seconds" -> "%Y-%m-%d %H:%M:%S%:z";
                        case "ns" -> "%Y-%m-%d %H:%M:%S.%N%:z";
                        default -> null;
                    };
                    if (format == null) {
                        return TextResult.fail(1, "date: invalid argument '" + value + "' for '--rfc-3339'", "Valid arguments are:",
                                "  - 'date'", "  - 'seconds'", "  - 'ns'", "Try 'date --help' for more information.");
                    }
                    formats++;
                }
                case "d" -> input = value;
                case "s" -> set = value;
                case "r" -> reference = value;
                case "D" -> hint = value;
                default -> {
                    // GNU's -f FILE, --debug and --resolution are not modelled
                }
            }
            return null;
        }
    }

    /** bb_show_usage: the banner and date's usage, status 1. */
    private static TextResult bareUsage() {
        return TextResult.fail(1, BusyboxUsage.withBanner("date").toArray(String[]::new));
    }

    /** clock_settime(CLOCK_REALTIME, t): false when it fails with EPERM. */
    @FunctionalInterface
    public interface SetTime {
        boolean set(Instant t);

        /** Without CAP_SYS_TIME: every setting fails. */
        SetTime REFUSED = t -> false;
    }

    /** Where date runs: its zone (TZ, or UTC for -u) and its files' modification times (null: no such file). */
    public record Place(TimeZones.Zone zone, java.util.function.Function<String, Instant> mtime) {
        /** TZ unset, no files. */
        public static final Place UTC = new Place(TimeZones.UTC, f -> null);
    }

    /** Runs {@code date ARGS} at {@code now}, with {@code flavour}'s texts, in a container (no CAP_SYS_TIME). */
    public static TextResult run(List<String> args, Instant now, Flavour flavour) {
        return run(args, now, flavour, SetTime.REFUSED);
    }

    /** As above, {@code clock} setting the time for {@code -s}. */
    public static TextResult run(List<String> args, Instant now, Flavour flavour, SetTime clock) {
        return run(args, now, flavour, clock, Place.UTC);
    }

    /** As above, at {@code place}: its TZ and its files. */
    public static TextResult run(List<String> args, Instant now, Flavour flavour, SetTime clock, Place place) {
        boolean gnu = flavour == Flavour.GNU;
        Asked q = new Asked();
        TextContext ctx = new TextContext(null, flavour, null);
        TextResult[] refused = {null};
        ToolOptions opts = ToolOptions.parse(ctx, "date", 1, GNU, BUSYBOX, args, (key, value) -> {
            refused[0] = q.option(key, value, gnu);
            return refused[0] == null;
        });
        if (opts.error() != null) {
            return opts.error();
        }
        if (refused[0] != null) {
            return refused[0];
        }
        if (!gnu && (q.input != null && q.set != null || q.rfc && q.iso)) {
            return bareUsage(); // getopt32's "d--s:s--d:R--I:I--R"
        }
        boolean utc = q.utc;
        String reference = q.reference;
        String hint = q.hint;
        String input = q.input;
        String set = q.set;
        String format = q.format;
        int formats = q.formats;
        List<String> operands = opts.operands();
        boolean plus = false;
        for (String o : operands) {
            if (o.startsWith("+") && !plus && (formats == 0 || !gnu)) {
                format = o.substring(1); // BusyBox: +FORMAT wins over -R/-I
                plus = true;
                formats = 0;
            } else if (o.startsWith("+") && !plus) {
                return TextResult.fail(1, "date: multiple output formats specified"); // coreutils: error (EXIT_FAILURE, ...), no hint
            } else if (set == null && (input == null || !gnu) && (!plus || !gnu || !o.startsWith("+"))) {
                set = o;
            } else {
                return usage(gnu, "extra operand '" + o + "'");
            }
        }
        if (formats > 1 && gnu) {
            return TextResult.fail(1, "date: multiple output formats specified");
        }
        if (gnu && input != null && reference != null) {
            return usage(true, "the options to specify dates for printing are mutually exclusive");
        }
        if (gnu && (input != null || reference != null) && set != null) {
            return usage(true, "the options to print and set the time may not be used together");
        }
        TimeZones.Zone zone = utc ? TimeZones.UTC : place.zone();
        ZonedDateTime at = now.atZone(zone.id());
        if (reference != null) {
            Instant mtime = place.mtime().apply(reference);
            if (mtime == null) {
                return TextResult.fail(1, gnu ? "date: " + reference + ": No such file or directory"
                        : "date: can't stat '" + reference + "': No such file or directory");
            }
            at = mtime.atZone(zone.id());
        }
        String described = set != null ? set : input;
        if (described != null) {
            // BusyBox's -D: strptime over today at midnight; else each tool's own date parser.
            at = hint != null && !gnu ? Strptime.parse(hint, described, at) : DateInput.parse(described, at, gnu);
            if (at == null) {
                return TextResult.fail(1, "date: invalid date '" + described + "'");
            }
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        if (set != null && !clock.set(at.toInstant())) { // clock_settime(CLOCK_REALTIME): EPERM without CAP_SYS_TIME
            String error = gnu ? "date: cannot set date: Operation not permitted" : "date: can't set date: Operation not permitted";
            out.add(error);
            errors.add(error);
            status = gnu ? 1 : 0;
        }
        // -I's formats are the tool's own (BusyBox prints -Ins's fraction itself), not the C library's strftime
        String text = Strftime.format(format == null ? DEFAULT : format, at, gnu || formats > 0, zone.abbreviation(at));
        out.addAll(List.of(text.split("\n", -1)));
        return new TextResult(status, out, errors);
    }

    /** The format of {@code -I[SPEC]}: GNU's abbreviations of a spec too ({@code -Ih}); null when none. */
    private static String iso(String spec) {
        String match = null;
        for (String s : ISO_SPECS) {
            if (!spec.isEmpty() && s.startsWith(spec)) {
                if (match != null) {
                    return null;
                }
                match = s;
            }
        }
        return match == null ? null : switch (match) {
            case "date" -> "%Y-%m-%d";
            case "hours" -> "%Y-%m-%dT%H%:z";
            case "minutes" -> "%Y-%m-%dT%H:%M%:z";
            case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
            default -> "%Y-%m-%dT%H:%M:%S,%N%:z";
        };
    }

    /** argmatch's words for a bad spec (gnulib lib/argmatch.c), then the usage hint. */
    private static TextResult invalidSpec(String spec, String option) {
        List<String> lines = new ArrayList<>();
        lines.add("date: invalid argument '" + spec + "' for '" + option + "'");
        lines.add("Valid arguments are:");
        ISO_SPECS.forEach(s -> lines.add("  - '" + s + "'"));
        lines.add("Try 'date --help' for more information.");
        return TextResult.fail(1, lines.toArray(String[]::new));
    }

    /** GNU: the message and coreutils' hint; BusyBox: its message (getopt's) and the applet's usage. */
    private static TextResult usage(boolean gnu, String message) {
        if (gnu) {
            return TextResult.fail(1, "date: " + message, "Try 'date --help' for more information.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("date: " + message);
        lines.addAll(BusyboxUsage.withBanner("date"));
        return TextResult.fail(1, lines.toArray(String[]::new));
    }
}
