package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.host.HostFileCommands;
import dev.dockwire.run.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live prompt as a user types at it, through a JLine ExternalTerminal on piped streams (^C and ^Z
 * written into its input raise INT and TSTP as a tty's line discipline does), at 20 times the
 * wall clock's pace: lines stream, Ctrl-C reaches the foreground job only, the host lives on.
 */
class LivePromptTest {
    private static final double SPEED = 20;

    @TempDir
    Path dir;
    private PipedOutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private Terminal terminal;
    private Session session;
    private Thread prompt;
    /** What the prompt returned: {@code dockwire shell}'s exit status. */
    private volatile int status = -1;

    @BeforeEach
    void start() throws IOException {
        keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (screen) {
                    screen.write(b, off, len);
                }
            }
        };
        // An ExternalTerminal runs JLine's own line discipline (isig, intr ^C, susp ^Z); the builder would pick a pty.
        terminal = new ExternalTerminal("live", "dumb", in, out, StandardCharsets.UTF_8);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        session = new Session("shell", 1, new Session.Options(dir.resolve("captures"), 1L, true), null, line -> { });
        for (String setup : new String[] {"docker network create n", "docker run -d --name web --network n nginx",
                "docker run -d --name site -p 8080:80 nginx",
                "docker run -d --name c1 --network n alpine sleep 3600",
                "printf 'services:\\n  pinger:\\n    image: alpine\\n    command: ping 127.0.0.1\\n' > compose.yaml"}) {
            assertEquals(0, session.host().run(setup).status(), setup);
        }
        prompt = new Thread(() -> status = ShellCommand.prompt(terminal, reader, session, SPEED), "prompt");
        prompt.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (prompt.isAlive()) {
            type("exit\n");
        }
        prompt.join(10_000);
        assertFalse(prompt.isAlive(), "the prompt ended");
        session.finish();
        session.close();
        terminal.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("dockwire-loop") && t.isAlive()),
                "no loop thread is left");
    }

    private void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (a few seconds at most) until the screen shows {@code text} {@code times} times after {@code from}. */
    private int await(String text, int from, int times) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (System.nanoTime() < end) {
            String s = screen().substring(from);
            int n = 0;
            int at = -1;
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
                at = i;
            }
            if (n >= times) {
                return from + at + text.length();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + times + " x '" + text + "' on the screen:\n" + screen().substring(from));
    }

    @Test
    void aBuildTutorialsDirectoryAtThePromptAndClear() throws Exception {
        type("mkdir app && cd app\n");
        int at = await("root@docker-host:~/app# ", 0, 1);
        // This reader has JLine's default parser (no PS2 for a here-document, backslashes its own): echo, line by line.
        type("echo FROM alpine > Dockerfile && echo 'CMD [\"echo\", \"built here\"]' >> Dockerfile\n");
        at = await("root@docker-host:~/app# ", at, 1);
        type("ls\n");
        at = await("Dockerfile", at, 1);
        type("docker build -t here . && docker run --rm here\n");
        at = await("naming to docker.io/library/here:latest done", at, 1);
        at = await("built here", at, 1);
        type("clear\n");
        at = await(HostFileCommands.CLEAR_SEQUENCE, at, 1);
        assertTrue(screen().indexOf("root@docker-host:~/app# ", at) >= 0 || await("root@docker-host:~/app# ", at, 1) > 0);
        assertFalse(screen().startsWith("\n", at), "no newline after clear's sequence: the prompt is on the first row");
    }

    @Test
    void aLineWrittenWithoutNewlineIsEndedByTheNextCommandsText() throws Exception {
        // bash 5.2: echo -n x | cat; echo -> "x" and one newline; printf %s z | tail -1; echo c -> "zc" (JLine's parser here eats backslashes)
        type("echo -n x''y | cat; echo; printf %s z | tail -1; echo c''d\n");
        int at = await("cd", await("echo c''d", 0, 1), 1);
        String shown = screen().substring(0, at);
        assertTrue(shown.contains("xy\r\nzcd") || shown.contains("xy\nzcd"), shown);
    }

    @Test
    void pingStreamsUntilCtrlCThenItsStatisticsAndTheHostRunsOn() throws Exception {
        type("docker exec -t c1 ping web\n");
        int at = await(": seq=", 0, 3);
        assertFalse(screen().contains("ping statistics"), "still running after three replies");
        type("\u0003");
        at = await("--- web ping statistics ---", at, 1);
        await("packets transmitted", at, 1);
        type("docker ps --format '{{.Names}}'\n");
        at = await("c1", at, 1);
        type("echo alive\n");
        await("alive", at, 1);
    }

    @Test
    void ctrlCInAContainersShellReachesItsForegroundProgramAndTheShellGoesOn() throws Exception {
        type("docker exec -it c1 sh\n");
        int at = await("/ # ", 0, 1);
        type("ping web; echo after\n");
        at = await(": seq=", at, 2);
        type("\u0003");
        at = await("--- web ping statistics ---", at, 1);
        at = await("after", at, 1);
        type("echo rc=$?\n");
        at = await("rc=0", at, 1);
        // Typed before ash draws its prompt, a line is echoed twice (the tty's echo, then ash's redraw).
        at = await("/ # ", at, 1);
        int typed = at;
        // The quotes keep the typed line from matching the word echo prints, which says sleep has begun.
        type("echo sl''eeping; sleep 100; echo not-here\n");
        at = await("sleeping", at, 1);
        type("\u0003");
        type("echo rc=$?\n");
        at = await("rc=130", at, 1);
        assertEquals(1, screen().substring(typed, at).split("not-here", -1).length - 1, "the rest of the line is dropped: " + screen().substring(typed, at));
        type("exit\n");
        // Not interactive (-c), ash dies of the SIGINT once ping has printed its statistics.
        type("docker exec -it c1 sh -c 'ping web; echo after'\n");
        at = await(": seq=", at, 2);
        type("\u0003");
        int stats = await("packets transmitted", at, 1);
        type("echo host=$?\n");
        at = await("host=130", stats, 1);
        assertFalse(screen().substring(stats, at).contains("after"), "ash -c stops after its child");
    }

    @Test
    void ctrlCOnDockerExecWithoutTtyEndsTheClientAndThePingRunsOnInTheContainer() throws Exception {
        type("docker exec c1 ping web\n");
        int at = await(": seq=", 0, 2);
        type("\u0003");
        type("echo back\n");
        at = await("back", await("echo back", at, 1), 1);
        assertFalse(screen().substring(at).contains("ping statistics"), "docker exec does not proxy SIGINT");
        type("docker top c1\n");
        await("ping web", at, 1);
    }

    @Test
    void ctrlZStopsTheJobFgContinuesItAndABackgroundJobSaysDone() throws Exception {
        type("docker exec -t c1 ping web\n");
        int at = await(": seq=", 0, 2);
        type("\u001a");
        at = await("[1]+  Stopped                 docker exec -t c1 ping web", at, 1);
        Thread.sleep(300); // 6 s of the host's time: a stopped ping sends nothing
        assertFalse(screen().substring(at).contains(": seq="), screen().substring(at));
        type("jobs\n");
        at = await("[1]+  Stopped                 docker exec -t c1 ping web", at, 1);
        type("fg\n");
        at = await(": seq=", at, 2);
        type("\u0003");
        at = await("ping statistics", at, 1);
        type("docker exec c1 ping -c 2 web &\n");
        at = await("[1] ", at, 1);
        at = await(": seq=", at, 2);
        Thread.sleep(200);
        type("\n");
        await("[1]+  Done                    docker exec c1 ping -c 2 web", at, 1);
    }

    @Test
    void ctrlCDuringDockerStopEndsTheClientAndTheDaemonStillKillsAfterTheGracePeriod() throws Exception {
        type("docker run -d --name napper alpine sleep 3600\n");
        // The prompt after it (the first is the session's): docker stop is not typed ahead, so the
        // Ctrl-C below cannot reach the prompt before docker stop runs.
        int at = await("root@docker-host:~# ", 0, 2);
        type("docker stop -t 20 napper\n");
        at = await("docker stop -t 20 napper", at, 1);
        Thread.sleep(150); // 3 s of the host's time into the grace period
        type("\u0003");
        type("echo back $?\n");
        at = await("back 130", at, 1);
        type("docker ps --format '{{.Names}}' | grep -c napper\n");
        at = await("1", await("grep -c napper", at, 1), 1);
        Thread.sleep(1100); // past the 20 s grace period
        type("docker ps -a --format '{{.Status}}'\n");
        await("Exited (137)", at, 1);
    }

    @Test
    void aBackgroundedRunWithRmIsRemovedWhenItEnds() throws Exception {
        type("docker run --rm --name brief alpine sleep 2 &\n");
        int at = await("[1] ", 0, 1);
        type("docker ps -a --format '{{.Names}}' | grep -c brief\n");
        at = await("1", await("grep -c brief", at, 1), 1);
        Thread.sleep(400); // 8 s of the host's time: the container has ended
        type("docker ps -a --format '{{.Names}}' | grep -c brief\n");
        await("0", await("grep -c brief", at, 1), 1);
    }

    @Test
    void backgroundTcpdumpPrintsWhileCurlRunsAndTheCaptureIsReadableMidSession() throws Exception {
        type("tcpdump -i docker0 -n &\n");
        int at = await("listening on docker0", 0, 1);
        type("curl -s localhost:8080 > /dev/null; echo fetched\n");
        // The output's line, not the typed one (echoed once more when typed ahead of the prompt).
        at = await("\nfetched", at, 1);
        assertTrue(screen().contains(".80: Flags [S]") || screen().contains(" > 172.17.0."), screen());
        Path capture = dir.resolve("captures").resolve("docker0.pcapng");
        assertTrue(Files.size(capture) > 0, "flushed while the session is open");
        Path tshark = Path.of("/usr/bin/tshark");
        if (!Files.isExecutable(tshark)) {
            System.out.println("LivePromptTest: tshark is missing; the mid-session capture is checked by size only");
        } else {
            Process p = new ProcessBuilder(tshark.toString(), "-r", capture.toString()).redirectErrorStream(true).start();
            String read = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), read);
            assertTrue(read.contains("HTTP"), read);
        }
        type("kill %1\n");
        await("packets captured", at, 1);
    }

    @Test
    void ctrlPCtrlQDetachesFromAnAttachedShellAndTheContainerRunsOn() throws Exception {
        // Docker's bridge tutorial: docker run -dit ... ash, docker attach, then the detach sequence
        type("docker run -dit --name tut1 alpine ash\n");
        type("docker attach tut1\n");
        int at = await("/ # ", await("docker attach tut1", 0, 1), 1);
        type("hostname\n");
        at = await("/ # ", at, 1);
        type("\u0010\u0011");
        at = await("read escape sequence", at, 1);
        type("echo status=$?\n");
        at = await("status=1", at, 1);
        type("docker ps --format '{{.Names}} {{.Status}}' --filter name=tut1\n");
        at = await("tut1 Up", at, 1);
        type("docker attach tut1\n");
        at = await("/ # ", at, 1);
        type("exit\n");
        type("docker ps -a --format '{{.Names}} {{.Status}}' --filter name=tut1\n");
        await("tut1 Exited (0)", at, 1);
    }

    @Test
    void anAttachedDockerRunStreamsAndProxiesCtrlCToPid1AndLogsFollowUntilCtrlC() throws Exception {
        type("docker run --name p1 --network n alpine ping web\n");
        int at = await(": seq=", 0, 2);
        type("\u0003");
        at = await("packets transmitted", at, 1);
        type("docker ps -a --format '{{.Names}} {{.Status}}'\n");
        at = await("p1 Exited (0)", at, 1);
        type("docker run -d --name q1 --network n alpine ping web\n");
        type("docker logs -f q1\n");
        at = await(": seq=", await("docker logs -f q1", at, 1), 3);
        type("\u0003");
        type("echo after\n");
        at = await("after", await("echo after", at, 1), 1);
        assertFalse(screen().substring(at).contains("ping statistics"), "docker logs -f stops; the container runs on");
        type("docker ps --format '{{.Names}}'\n");
        await("q1", at, 1);
    }

    @Test
    void dockerEventsPrintsEachEventAsItHappensUntilCtrlCWhichEndsTheClientWith130() throws Exception {
        type("docker run -d --name ev1 alpine sleep 2\n");
        int at = await("root@docker-host:~# ", await("docker run -d --name ev1", 0, 1), 1);
        type("docker events --filter container=ev1 --format '{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.exitCode}}'\n");
        at = await("die ev1 0", at, 1);
        type("\u0003");
        type("echo status $?\n");
        at = await("status 130", await("echo status", at, 1), 1);
    }

    @Test
    void ctrlCThatKillsAProgramEndsTheLineAsBashDoesButNotOneTheDockerClientExitsOn() throws Exception {
        String prompt = "root@docker-host:~# ";
        type("echo ready\n");
        int at = await(prompt, await("ready", await("echo ready", 0, 1), 1), 1);
        type("sleep 100\n");
        at = await("sleep 100", at, 1);
        Thread.sleep(300);
        type("\u0003");
        int killed = await(prompt, at, 1);
        String afterSleep = screen().substring(at, killed - prompt.length());
        type("docker events\n");
        at = await("docker events", killed, 1);
        Thread.sleep(300);
        type("\u0003");
        int exited = await(prompt, at, 1);
        String afterEvents = screen().substring(at, exited - prompt.length());
        // bash's wait_for prints a newline after a job SIGINT killed (sleep); docker's client exits 130 itself.
        assertEquals(afterEvents.chars().filter(c -> c == '\n').count() + 1, afterSleep.chars().filter(c -> c == '\n').count(),
                "sleep: " + afterSleep + " / events: " + afterEvents);
    }

    @Test
    void composeLogsFollowsEveryContainerUntilCtrlC() throws Exception {
        type("docker compose up -d\n");
        int at = await("Started", 0, 1);
        type("docker compose logs -f\n");
        at = await("pinger-1 | 64 bytes from 127.0.0.1", at, 3);
        type("\u0003");
        type("echo after\n");
        await("after", await("echo after", at, 1), 1);
    }

    @Test
    void serviceLogsFollowUntilCtrlC() throws Exception {
        type("docker swarm init\n");
        int at = await("To add a worker", 0, 1);
        type("docker service create --name pinger alpine ping 127.0.0.1\n");
        at = await("verify: Service", at, 1);
        type("docker service logs -f pinger\n");
        at = await("    | 64 bytes from 127.0.0.1", at, 3);
        type("\u0003");
        type("echo after\n");
        await("after", await("echo after", at, 1), 1);
    }

    @Test
    void exitWithAStoppedJobWarnsOnceAsBashDoes() throws Exception {
        type("docker exec -t c1 ping web\n");
        int at = await(": seq=", 0, 1);
        type("\u001a");
        at = await("Stopped", at, 1);
        type("exit\n");
        at = await("There are stopped jobs.", at, 1);
        assertTrue(screen().replace("\r", "").contains("exit\nThere are stopped jobs."), "bash 5.2: exit.def says exit before it looks at the jobs");
        assertTrue(prompt.isAlive());
        type("exit 3\n");
        prompt.join(5_000);
        assertFalse(prompt.isAlive(), "a second exit leaves them (SIGHUP)");
        assertEquals(3, status, "exit 3: dockwire shell exits 3");
    }

    @Test
    void execRedirectsTheSessionUntilDevTtyGivesTheScreenBack() throws Exception {
        type("exec >out; echo hidden\n");
        int at = await("root@docker-host:~# ", 0, 2);
        type("echo still hidden; exec >/dev/tty; echo shown; cat out\n");
        at = await("root@docker-host:~# ", at, 1);
        String shown = screen().substring(at - 60).replace("\r", "");
        assertTrue(screen().replace("\r", "").contains("/dev/tty; echo shown; cat out\nshown\nhidden\nstill hidden\n"), shown);
    }

    @Test
    void ctrlDSaysExitAndTheSessionEndsWithTheLastStatus() throws Exception {
        type("false\n");
        int at = await("root@docker-host:~# ", 0, 2);
        type("\u0004");
        prompt.join(5_000);
        assertFalse(prompt.isAlive());
        assertTrue(screen().substring(at).replace("\r", "").contains("exit\n"), screen().substring(at));
        assertEquals(1, status, "bash's Ctrl-D exits with $?");
    }

    @Test
    void exitInACompoundLineSaysExitAndExecEndsWithItsProgramsStatus() throws Exception {
        type("if true; then exit 4; fi\n");
        prompt.join(5_000);
        assertFalse(prompt.isAlive());
        assertTrue(screen().replace("\r", "").contains("fi\nexit\n"), screen());
        assertEquals(4, status);
    }

    @Test
    void execOfAProgramEndsTheSessionWithItsStatusAndSaysNothing() throws Exception {
        type("exec sh -c 'exit 6'\n");
        prompt.join(5_000);
        assertFalse(prompt.isAlive());
        assertFalse(screen().replace("\r", "").contains("'exit 6'\nexit"), screen());
        assertEquals(6, status);
    }
}
