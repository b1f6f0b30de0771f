package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.linux.RealKernel;
import dev.dockwire.linux.RunRecord;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.run.RealWorld;
import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.ExternalTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mode when its process is stopped from outside (issue 21 item 8), each run a child JVM of
 * {@code dockwire up --real} (root only; skipped with the reason otherwise): kill -9 in the middle
 * of a build leaves namespaces that {@code down} of that run removes entirely; SIGTERM or SIGINT in
 * the middle of a build removes the partial build at once, as a failure does; Ctrl-C of
 * {@code --serve} ends it without a Java exception; removing every run that is gone ({@code down
 * --real --all}'s {@link RealWorld#removeAllRuns}, here limited to this test's names) keeps a live
 * {@code --serve} run's and a live kernel's of this JVM. The runs are named
 * {@code dw-test-PID-rm-*}, under {@link TestNamespaces}' prefix, so they are removed whatever happens.
 */
class UpInterruptRealTest {
    private static final String BASE = TestNamespaces.PREFIX.substring("dw-".length()) + "rm-";

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        ExternalTools.assumeRealUp();
    }

    /** A script run {@code BASE+name} that makes a network and four containers, with a pause after the second. */
    private Path script(String name) throws Exception {
        Path f = dir.resolve(BASE + name + ".sh");
        Files.writeString(f, """
                docker network create --subnet 10.127.9.0/24 rmnet
                docker run -d --name web1 --network rmnet alpine sleep 1d
                docker run -d --name web2 --network rmnet alpine sleep 1d
                sleep 5
                docker run -d --name web3 --network rmnet alpine sleep 1d
                docker run -d --name web4 --network rmnet alpine sleep 1d
                """);
        return f;
    }

    private static String prefix(String name) {
        return RealWorld.prefixFor(BASE + name);
    }

    private static List<String> namespaces(String name) {
        return TestNamespaces.left().stream().filter(n -> n.startsWith(prefix(name))).toList();
    }

    private static boolean recorded(String name) {
        return Files.exists(RunRecord.DIR.resolve(prefix(name)));
    }

    /** A child JVM running {@code dockwire ARGS}; {@link #until} reads its output up to a line. */
    private static final class Child {
        final Process process;
        final List<String> out = new ArrayList<>();
        private final BufferedReader reader;

        Child(String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads lines until one starts with {@code start}; fails if the child ends first. */
        Child until(String start) throws Exception {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                if (line.startsWith(start)) {
                    return this;
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("no line " + start + " before the child ended: " + String.join("\n", out));
        }

        /** Sends {@code signal} (as kill(1) names it) and returns the exit status; the rest of the output goes to {@link #out}. */
        int signal(String signal) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            reader.lines().forEach(out::add);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child did not end after SIG" + signal);
            return process.exitValue();
        }

        String all() {
            return String.join("\n", out);
        }
    }

    @Test
    void killNineMidBuildThenDownOfThatRunRemovesAll() throws Exception {
        Path f = script("kill9");
        Child up = new Child("up", "--real", f.toString()).until("$ docker run -d --name web2");
        assertEquals(137, up.signal("KILL"), up.all());
        assertFalse(namespaces("kill9").isEmpty(), "kill -9 leaves what was made for down: " + up.all());
        assertTrue(recorded("kill9"));

        CliRun down = CliRun.of("down", "--real", f.toString());
        assertEquals(0, down.status(), down.out() + down.err());
        assertEquals(List.of(), namespaces("kill9"));
        assertFalse(recorded("kill9"), "down removes the run's record too");
    }

    @Test
    void sigtermAndSigintMidBuildRemoveThePartialBuildAsAFailureDoes() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            String name = "sig" + signal.toLowerCase();
            Child up = new Child("up", "--real", script(name).toString()).until("$ docker run -d --name web2");
            int status = up.signal(signal);
            assertEquals(signal.equals("TERM") ? 143 : 130, status, up.all());
            assertTrue(up.all().contains("dockwire: interrupted; removed what was made (" + prefix(name) + "*, "), up.all());
            assertFalse(up.all().contains("Exception"), up.all());
            assertEquals(List.of(), namespaces(name), up.all());
            assertFalse(recorded(name));
        }
    }

    @Test
    void ctrlCOfServeEndsWithoutAJavaException() throws Exception {
        Path f = dir.resolve(BASE + "serve.sh");
        Files.writeString(f, "docker network create --subnet 10.127.8.0/24 rmnet\ndocker run -d --name web1 --network rmnet nginx\n");
        for (int i = 0; i < 2; i++) {
            Child up = new Child("up", "--real", "--serve", "--no-capture", f.toString()).until("dockwire: serving");
            assertEquals(130, up.signal("INT"), up.all());
            assertFalse(up.all().contains("Exception"), up.all());
            assertFalse(namespaces("serve").isEmpty(), "the namespaces stay after --serve: " + up.all());
            CliRun down = CliRun.of("down", "--real", f.toString());
            assertEquals(0, down.status(), down.out() + down.err());
            assertEquals(List.of(), namespaces("serve"));
        }
    }

    @Test
    void removingEveryRunThatIsGoneKeepsLiveRuns() throws Exception {
        Path served = dir.resolve(BASE + "live.sh");
        Files.writeString(served, "docker network create --subnet 10.127.8.0/24 rmnet\ndocker run -d --name web1 --network rmnet nginx\n");
        Child live = new Child("up", "--real", "--serve", "--no-capture", served.toString()).until("dockwire: serving");
        try (RealKernel mine = new RealKernel(prefix("mine"), null)) {
            Child dead = new Child("up", "--real", script("dead").toString()).until("$ docker run -d --name web2");
            assertEquals(137, dead.signal("KILL"), dead.all());
            int liveBefore = namespaces("live").size();

            Map<String, String> kept = new TreeMap<>();
            List<String> removed = RealWorld.removeAllRuns(TestNamespaces.PREFIX, kept::put);

            assertEquals(List.of(), namespaces("dead"));
            assertFalse(removed.isEmpty());
            assertTrue(removed.stream().allMatch(n -> n.startsWith(prefix("dead"))), removed.toString());
            assertFalse(recorded("dead"));
            assertEquals(liveBefore, namespaces("live").size());
            assertEquals(List.of(prefix("mine") + "host"), namespaces("mine"));
            assertTrue(kept.get(prefix("live")).startsWith("pid " + live.process.pid() + " started "), kept.toString());
            assertTrue(kept.get(prefix("mine")).startsWith("pid " + ProcessHandle.current().pid() + " "), kept.toString());
        } finally {
            assertEquals(130, live.signal("INT"), live.all());
        }
        assertFalse(recorded("mine"), "a kernel that removed its namespaces removes its record");
        CliRun down = CliRun.of("down", "--real", served.toString());
        assertEquals(0, down.status(), down.out() + down.err());
        assertEquals(List.of(), namespaces("live"));
    }
}
