package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The job builtins of a script beside bash 5 running the same script here: {@code jobs},
 * {@code jobs -l}, {@code $!}, {@code wait} with its statuses (143 for a job {@code kill} ended, 127
 * for a pid or job that is none of the shell's), {@code fg}/{@code bg} without job control,
 * {@code disown}, and no {@code [1] PID} or {@code Done} line unless {@code jobs} asks. Pids are
 * compared as {@code PID}; bash's {@code SCRIPT: line N: } prefix is dockwire's {@code bash: }.
 * Real sleeps set the order in bash; virtual ones do in dockwire.
 */
class ScriptJobsBesideBashTest {
    private static final List<String> SCRIPT = List.of(
            "sleep 1 &",
            "echo \"pid $!\"",
            "jobs",
            "jobs -l",
            "sleep 2",
            "jobs",
            "jobs",
            "sleep 5 &",
            "kill %1",
            "wait %1",
            "echo \"wait=$?\"",
            "false &",
            "wait $!",
            "echo \"false=$?\"",
            "wait 99999",
            "echo \"unknown=$?\"",
            "wait %7",
            "echo \"nojob=$?\"",
            "fg",
            "echo \"fg=$?\"",
            "bg",
            "echo \"bg=$?\"",
            "sleep 5 &",
            "sleep 1 &",
            "jobs",
            "disown %1",
            "jobs",
            "kill %9",
            "echo \"k=$?\"",
            "wait",
            "echo \"all=$?\"",
            "jobs");

    /**
     * Jobs a signal ended: bash says so on stderr ({@code t.sh: line N: PID Killed  sleep 5}) once it
     * reaps them (after a command it forked, or {@code wait}), and not for
     * SIGINT or SIGTERM; SIGINT and SIGQUIT leave a background job running (ignored in an
     * asynchronous list without job control, POSIX 2.11).
     */
    private static final List<String> SIGNALLED = List.of(
            "sleep 5 &",
            "kill -9 $!",
            "wait $!",
            "echo \"killed=$?\"",
            "sleep 5 &",
            "sleep 0.5",
            "kill -USR1 %1",
            "sleep 1",
            "echo after",
            "wait $!",
            "echo \"usr1=$?\"",
            "sleep 5 &",
            "sleep 0.5",
            "kill -INT $!",
            "kill -QUIT $!",
            "sleep 1",
            "jobs",
            "kill -HUP $!",
            "sleep 1",
            "jobs",
            "sleep 5 &",
            "sleep 0.5",
            "kill $!",
            "sleep 1",
            "wait $!",
            "echo \"term=$?\"");

    /**
     * {@code a | b &}: one job named by the whole pipeline, {@code jobs -l} a line per stage, the
     * last stage's status ({@code wait $!}: grep's 1), {@code kill %1} ending every stage (143), and
     * what the later stages write once the first has ended.
     */
    private static final List<String> PIPELINES = List.of(
            "sleep 1 | cat &",
            "echo \"pid $!\"",
            "jobs",
            "jobs -l",
            "wait",
            "echo \"wait=$?\"",
            "jobs",
            "seq 12 | grep 1 &",
            "sleep 1",
            "jobs",
            "sleep 1 | grep x &",
            "wait $!",
            "echo \"grep=$?\"",
            "sleep 5 | cat &",
            "kill %1",
            "wait %1",
            "echo \"killed=$?\"",
            "sleep 1 | tail -1 &",
            "sleep 2",
            "jobs -l",
            "echo end");

    @Test
    void aPipelineStartedWithAnAmpersandIsOneJob() throws Exception {
        besideBash(PIPELINES);
    }

    @Test
    void theJobBuiltinsPrintAndReturnWhatBashDoes() throws Exception {
        besideBash(SCRIPT);
    }

    @Test
    void aJobASignalEndedIsReportedWhenBashReapsItAndInterruptsAreIgnored() throws Exception {
        besideBash(SIGNALLED);
    }

    private static void besideBash(List<String> SCRIPT) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed here");
        Path dir = Files.createTempDirectory("jobs-beside-bash");
        Path script = dir.resolve("t.sh");
        try {
            Files.writeString(script, String.join("\n", SCRIPT) + "\n");
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString()).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            assumeTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
            List<String> bash = normalise(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());

            List<String> ours = new ArrayList<>();
            try (TestHost h = new TestHost(1)) {
                for (String line : SCRIPT) {
                    CommandResult r = h.run(line);
                    ours.addAll(r.output());
                }
            }
            assertEquals(String.join("\n", bash), String.join("\n", normalise(ours)));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    private static List<String> normalise(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst("^\\S*t\\.sh: line \\d+: ", "bash: ")
                // a pid where bash prints one (echo pid $!, jobs -l, a job's end report), whatever its digits
                .replaceFirst("^pid \\d+$", "pid PID")
                .replaceFirst("^(\\[\\d+\\][+-]?) +\\d+ ", "$1 PID ")
                .replaceFirst("^ +\\d+ ( +\\| )", "     PID $1") // jobs -l: a pipeline's later stage
                .replaceFirst("^bash: +\\d+ ", "bash: PID ")).toList();
    }
}
