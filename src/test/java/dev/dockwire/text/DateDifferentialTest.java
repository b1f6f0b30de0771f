package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code date} beside the real ones: each line through coreutils' date and BusyBox's (the
 * containers' flavour) with TZ unset and the C locale, and through {@link DateCommand} at the same
 * moment: the same bytes on stdout and stderr, the same status. Every line names its time
 * ({@code -d}), but for {@code hh:mm} and BusyBox's {@code MMDDhhmm} which take today's date from
 * the wall clock, given to ours too. A missing tool skips its lines.
 */
class DateDifferentialTest {
    private static final String EVERY = "+%Y-%m-%d %H:%M:%S %s %N %a %b %e %j %Z %z %F %T %D %:z %% %A %B %y %C %u %w %p %I %l %k %h"
            + "|%n|%t|%c|%x|%X|%r|%R|%G %V %U %W %g %P %::z %-d %_m %05Y %^a %#b %q %Q %+ %#Z %#p %10A %3N %_H %-j %Ez %Oy %";
    private static final List<String> TIMES = List.of("@0", "@1700000000", "@-86401", "@951782400", "@1735689599", "@1704067200",
            "@1700000000.123456789", "2023-11-14", "2023-11-14 10:20", "2023-11-14 10:20:30", "10:20", "10:20:30", "2023.11.14-10:20",
            "11141020", "2023-11-14T10:20:30Z", "2023-11-14T10:20:30.25+02:00", "2023-11-14 10:20:30 1 hour ago", "2023-11-14 +1 day",
            "2023-11-14 10:20:30 5 seconds ago", "2023-11-14 2 weeks ago", "2024-01-31 1 month", "foo", "2023-13-45", "25:00");

    static Stream<Arguments> lines() {
        List<List<String>> argvs = new ArrayList<>();
        for (String t : TIMES) {
            argvs.add(List.of("-d", t, "+%F %T %N"));
        }
        for (String t : List.of("@0", "@1700000000", "@-86401", "@951782400", "@1735689599", "@1704067200")) {
            argvs.add(List.of("-d", t));
            argvs.add(List.of("-d", t, EVERY));
            argvs.add(List.of("-u", "-R", "-d", t));
        }
        for (String spec : List.of("", "date", "hours", "minutes", "seconds", "ns")) {
            argvs.add(List.of("-d", "@1700000000", "-I" + spec));
        }
        argvs.add(List.of("-ud", "@1700000000", "+"));
        argvs.add(List.of("-d", "@1700000000", "+%Y%n"));
        List<Arguments> out = new ArrayList<>();
        for (List<String> argv : argvs) {
            out.add(Arguments.of(Flavour.GNU, argv));
            out.add(Arguments.of(Flavour.BUSYBOX, argv));
        }
        // Errors in coreutils' words
        for (List<String> argv : List.of(List.of("--bogus"), List.of("-Q"), List.of("-d"), List.of("-Ix"), List.of("+%Y", "+%m"),
                List.of("-R", "+%Y"), List.of("-R", "-I"), List.of("-d", "@1", "-I", "-Iseconds"), List.of("-d", "@1", "--rfc-3339=seconds"), List.of("-d", "@1", "--iso-8601=minutes"))) {
            out.add(Arguments.of(Flavour.GNU, argv));
        }
        // BusyBox's: getopt's words (musl's, as alpine links it) and bb_show_usage
        for (List<String> argv : List.of(List.of("--bogus"), List.of("-Q"), List.of("-d"), List.of("-Ix"), List.of("-R", "-I"),
                List.of("-d", "@1", "-s", "@2"), List.of("-uQ"), List.of("--utc", "-d", "@1"), List.of("--rfc-2822", "-d", "@1"))) {
            out.add(Arguments.of(Flavour.BUSYBOX, argv));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(Flavour flavour, List<String> args) throws Exception {
        Real real = real(flavour, args, null);

        TextResult ours = DateCommand.run(args, real.now(), flavour);
        real.assertSame(ours, "");
    }

    static Stream<Arguments> zoned() {
        List<Arguments> out = new ArrayList<>();
        List<List<String>> argvs = List.of(List.of("-d", "@1700000000"), List.of("-d", "@1690000000"), List.of("-d", "@1690000000", EVERY),
                List.of("-R", "-d", "@1690000000"), List.of("-d", "@1700000000", "-Iseconds"), List.of("-u", "-d", "@1690000000"),
                List.of("-d", "2023-07-01 12:00", "+%F %T %Z %z"), List.of("-d", "2023-03-26 02:30", "+%F %T %Z"),
                List.of("-d", "2023-10-29 02:30", "+%F %T %Z"), List.of("-r", REFERENCE), List.of("-r", REFERENCE, "+%s %N %Z"),
                List.of("-r", "/nonexistent-file"));
        for (String tz : List.of("Europe/Berlin", "UTC-2", "UTC+5:30", "America/New_York", "Asia/Kolkata", "Asia/Tokyo",
                "Australia/Sydney", "Europe/London", "UTC", ":Europe/Berlin", "Foo/Bar", "<+03>-3", "EST5EDT", "Etc/GMT-3", "X", "")) {
            for (List<String> argv : argvs) {
                out.add(Arguments.of(Flavour.GNU, tz, argv));
                out.add(Arguments.of(Flavour.BUSYBOX, tz, argv));
            }
        }
        for (List<String> argv : List.of(List.of("-D", "%Y%m%d %H%M", "-d", "20231114 1020"), List.of("-D", "%s", "-d", "1700000000", "+%F %T"),
                List.of("-D", "%d/%m/%Y", "-d", "14/11/2023"), List.of("-D", "%Y", "-d", "xx"), List.of("-D", "%b %d %Y %T", "-d", "Nov 14 2023 10:20:30"),
                List.of("-D", "%H:%M", "-d", "25:00"), List.of("-D", "%F", "-d", "2024-02-29", "+%j"))) {
            out.add(Arguments.of(Flavour.BUSYBOX, "Europe/Berlin", argv));
        }
        out.add(Arguments.of(Flavour.GNU, "", List.of("-r", REFERENCE, "-d", "@1")));
        return out.stream();
    }

    /** A file with a known modification time (with nanoseconds) for {@code -r}. */
    private static final String REFERENCE = reference();

    private static String reference() {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("date-r", ".txt");
            f.toFile().deleteOnExit();
            java.nio.file.Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(Instant.ofEpochSecond(1_690_000_000L, 123_456_789)));
            return f.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * With TZ set as the C library reads it (this machine's tzdata for a zone's name, as Debian's images have it) and
     * {@code -r}'s file: the real tools beside {@link DateCommand} given the same TZ and the file's mtime.
     */
    @ParameterizedTest(name = "{0} TZ={1} {2}")
    @MethodSource("zoned")
    void zonedAsTheRealTool(Flavour flavour, String tz, List<String> args) throws Exception {
        Real real = real(flavour, args, tz);
        Instant now = real.now();

        DateCommand.Place place = new DateCommand.Place(TimeZones.of(tz, true), f -> {
            java.io.File file = new java.io.File(f);
            if (!file.exists()) {
                return null;
            }
            try {
                Instant m = java.nio.file.Files.getLastModifiedTime(file.toPath()).toInstant();
                return m;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TextResult ours = DateCommand.run(args, now, flavour, DateCommand.SetTime.REFUSED, place);
        real.assertSame(ours, "TZ=" + tz + " ");
    }

    /** What the real {@code date args} printed under {@code tz} (null: no TZ), and when it ran. */
    private record Real(List<String> command, String stdout, String stderr, int status, Instant now) {
        void assertSame(TextResult ours, String prefix) {
            assertEquals(stdout, lines(ours.output(), ours.errors(), false), "stdout of " + prefix + command);
            assertEquals(stderr, lines(ours.output(), ours.errors(), true), "stderr of " + prefix + command);
            assertEquals(status, ours.status(), "exit status of " + prefix + command);
        }
    }

    private static Real real(Flavour flavour, List<String> args, String tz) throws Exception {
        List<String> argv = new ArrayList<>(List.of("date"));
        argv.addAll(args);
        List<String> command = ExternalTools.realTool(flavour == Flavour.BUSYBOX, argv);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (tz == null) {
            pb.environment().remove("TZ");
        } else {
            pb.environment().put("TZ", tz);
        }
        pb.environment().put("LC_ALL", "C");
        Instant now = Instant.now();
        Process p = pb.start();
        p.getOutputStream().close();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = flavour == Flavour.BUSYBOX ? BusyboxAsAlpine.stderr(err) : err;
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Real(command, stdout, stderr, p.exitValue(), now);
    }

    /** The lines that went to stderr ({@code errors}) or to stdout, each ended by a newline. */
    private static String lines(List<String> output, List<String> errors, boolean stderr) {
        StringBuilder sb = new StringBuilder();
        List<String> left = new ArrayList<>(errors);
        for (String line : output) {
            if (left.remove(line) == stderr) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
