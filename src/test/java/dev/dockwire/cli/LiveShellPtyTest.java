package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockwire shell} end to end in a real pseudo-terminal (tmux), as a user types: a ping in
 * a container streams until Ctrl-C prints its statistics, Ctrl-C at the prompt leaves dockwire
 * running, the capture is readable while the session is open, Ctrl-D ends it. At 10x speed.
 */
class LiveShellPtyTest {
    private static final String TMUX = "/usr/bin/tmux";
    private static final String SOCKET = "dockwire-live-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void pingStreamsCtrlCPrintsTheStatisticsAndCtrlDEndsTheSession() throws Exception {
        if (!Files.isExecutable(Path.of(TMUX))) {
            System.out.println("ShellPtyTest: skipped, " + TMUX + " is missing (scripts/ensure-deps tmux installs it)");
            Assumptions.abort("tmux is missing");
        }
        String name = "dockwire-test-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", quote(java), "-cp", quote(System.getProperty("java.class.path")),
                "dev.dockwire.cli.Main", "shell", "--speed", "10", "--out", quote(dir.resolve("cap").toString()));
        try {
            tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "50", "-c", dir.toString(), command);
            await(name, "root@docker-host:~# ", 1, 30);
            keys(name, "docker network create n", "Enter", "docker run -d --name web --network n nginx", "Enter",
                    "docker run -d --name c1 --network n alpine sleep 3600", "Enter");
            await(name, "root@docker-host:~# ", 4, 10);
            keys(name, "C-c"); // at the prompt: a fresh prompt, dockwire lives on
            await(name, "root@docker-host:~# ", 5, 10);
            keys(name, "docker exec -t c1 ping web", "Enter");
            await(name, ": seq=2", 1, 10);
            keys(name, "C-c");
            String screen = await(name, "packets transmitted", 1, 10);
            assertTrue(screen.contains("--- web ping statistics ---"), screen);
            Path capture = dir.resolve("cap").resolve("br-" + screen.lines().filter(l -> l.matches("[0-9a-f]{64}"))
                    .findFirst().orElseThrow().substring(0, 12) + ".pcapng");
            assertTrue(Files.size(capture) > 1000, "flushed mid-session: " + Files.size(capture));
            // Ctrl-D at the prompt: typed before the prompt is back, it would reach the ending exec instead.
            await(name, "root@docker-host:~# ", 6, 10);
            keys(name, "C-d");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < end && alive(name)) {
                Thread.sleep(100);
            }
            assertFalse(alive(name), "Ctrl-D ended dockwire");
        } finally {
            if (alive(name)) {
                tmux("kill-session", "-t", name);
            }
        }
    }

    /**
     * The container's TTY takes the real terminal's size when {@code docker run -it} starts (not a
     * VT100's 24x80), and again when the window changes (SIGWINCH; the client's MonitorTtySize):
     * two {@code resize} events with the pane's sizes.
     */
    @Test
    void aContainersTtyTakesTheTerminalsSizeAndFollowsItsChanges() throws Exception {
        if (!Files.isExecutable(Path.of(TMUX))) {
            Assumptions.abort("tmux is missing");
        }
        String name = "dockwire-size-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", quote(java), "-cp", quote(System.getProperty("java.class.path")),
                "dev.dockwire.cli.Main", "shell", "--speed", "10", "--out", quote(dir.resolve("cap").toString()));
        try {
            tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", "-c", dir.toString(), command);
            await(name, "root@docker-host:~# ", 1, 30);
            String first = tmux("display-message", "-p", "-t", name, "height=#{pane_height}, image=alpine, name=sz, width=#{pane_width}").trim();
            keys(name, "docker run -it --name sz alpine sh", "Enter");
            await(name, "/ # ", 1, 10);
            tmux("resize-window", "-t", name, "-x", "120", "-y", "40");
            String second = tmux("display-message", "-p", "-t", name, "height=#{pane_height}, image=alpine, name=sz, width=#{pane_width}").trim();
            Thread.sleep(500); // SIGWINCH reaches dockwire's JLine
            keys(name, "exit", "Enter");
            await(name, "root@docker-host:~# ", 2, 10);
            keys(name, "docker events --since 1h --until 0s --filter event=resize --format '{{.Action}} ({{.Actor.Attributes}})'", "Enter");
            String screen = await(name, "root@docker-host:~# ", 3, 10);
            assertTrue(!first.equals(second) && first.equals("height=50, image=alpine, name=sz, width=200"), first + " / " + second);
            assertTrue(screen.contains("resize (map[" + attributes(first) + "])\nresize (map[" + attributes(second) + "])"), screen);
        } finally {
            if (alive(name)) {
                tmux("kill-session", "-t", name);
            }
        }
    }

    /** Go's map[...] print of the event's attributes: sorted keys, {@code key:value} with spaces between. */
    private static String attributes(String pairs) {
        return String.join(" ", java.util.Arrays.stream(pairs.split(", ")).map(p -> p.replace('=', ':')).sorted().toList());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void keys(String session, String... keys) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", session));
        argv.addAll(List.of(keys));
        tmux(argv.toArray(String[]::new));
    }

    private static boolean alive(String session) throws IOException, InterruptedException {
        return new ProcessBuilder(TMUX, "-L", SOCKET, "has-session", "-t", session).redirectErrorStream(true).start().waitFor() == 0;
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        // A tmux server of the test's own (-L): a user's or another test's tmux is never touched.
        List<String> argv = new ArrayList<>(List.of(TMUX, "-L", SOCKET));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Waits until the pane (with its scrollback) shows {@code text} {@code times} times; returns it. */
    private static String await(String session, String text, int times, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = "";
        while (System.nanoTime() < end) {
            screen = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
            int n = 0;
            for (int i = screen.indexOf(text); i >= 0; i = screen.indexOf(text, i + 1)) {
                n++;
            }
            if (n >= times) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + times + " x '" + text + "' on the screen:\n" + screen);
    }
}
