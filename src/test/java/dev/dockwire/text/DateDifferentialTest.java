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
        // Errors in coreutils' words (BusyBox's usage has its build's banner: the alpine build's is ours).
        for (List<String> argv : List.of(List.of("--bogus"), List.of("-Q"), List.of("-d"), List.of("-Ix"), List.of("+%Y", "+%m"),
                List.of("-R", "+%Y"), List.of("-R", "-I"), List.of("-d", "@1", "-I", "-Iseconds"), List.of("-d", "@1", "--rfc-3339=seconds"), List.of("-d", "@1", "--iso-8601=minutes"))) {
            out.add(Arguments.of(Flavour.GNU, argv));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(Flavour flavour, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("date"));
        argv.addAll(args);
        List<String> command = ExternalTools.realTool(flavour == Flavour.BUSYBOX, argv);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("TZ");
        pb.environment().put("LC_ALL", "C");
        Instant now = Instant.now();
        Process p = pb.start();
        p.getOutputStream().close();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        TextResult ours = DateCommand.run(args, now, flavour);
        assertEquals(stdout, lines(ours.output(), ours.errors(), false), "stdout of " + command);
        assertEquals(stderr, lines(ours.output(), ours.errors(), true), "stderr of " + command);
        assertEquals(p.exitValue(), ours.status(), "exit status of " + command);
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
