package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockwire shell} on a pseudo-terminal (tmux), typed as a user types: the banner, a
 * backslash continuation, Tab completing a container name, a shell inside a container and back,
 * {@code docker --help}.
 */
class ShellPtyTest {
    private static final String SESSION = "dockwire-pty-" + ProcessHandle.current().pid();

    private static String tmux(String... args) throws IOException, InterruptedException {
        // A tmux server of the test's own (-L): a user's or another test's tmux is never touched.
        List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-L", SESSION));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    /** Types {@code keys} and waits until the screen shows {@code expected} (or 20 s pass); tmux drops a line's trailing blanks. */
    private static String type(String expected, String... keys) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
        return await(expected);
    }

    private static String await(String expected) throws IOException, InterruptedException {
        return await(expected, 1);
    }

    /** Waits until the screen shows {@code expected} {@code times} times (or 20 s pass). */
    private static String await(String expected, int times) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String screen = "";
        while (System.nanoTime() < end) {
            screen = tmux("capture-pane", "-p", "-S", "-200", "-t", SESSION);
            if (screen.split(java.util.regex.Pattern.quote(expected), -1).length - 1 >= times) {
                return screen;
            }
            Thread.sleep(100);
        }
        return screen;
    }

    @Test
    void aUserAtThePrompt(@TempDir Path dir) throws Exception {
        ExternalTools.assumeTool("tmux");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "cd '" + dir + "' && HOME='" + dir + "' '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.dockwire.cli.Main shell --out '" + dir.resolve("caps") + "'";
        tmux("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "60", command);
        try {
            String s = await("root@docker-host:~#");
            assertTrue(s.contains("dockwire: docker-host, an emulated Docker host") && s.contains(dir.resolve("caps").toString()), s);
            s = type("root@docker-host:~#", "docker run -d \\", "Enter", "  --name webserver nginx:alpine", "Enter");
            s = await("root@docker-host:~#", 2);
            assertTrue(s.contains("\n>   --name webserver nginx:alpine"), s);
            s = type("docker exec -it webserver", "docker exec -it websr", "BSpace", "Tab");
            s = type("/ #", "sh", "Enter");
            assertTrue(s.endsWith("/ #\n") || s.contains("/ #\n"), s);
            s = type("eth0", "ip addr", "Enter");
            assertTrue(s.contains("172.17.0.2/16"), s);
            s = type("\n2\nroot@docker-host", "exit 2", "Enter", "echo $?", "Enter");
            assertTrue(s.contains("\n2\n"), s);
            s = type("A self-sufficient runtime for containers", "docker --help", "Enter");
            assertTrue(s.contains("Usage:  docker [OPTIONS] COMMAND"), s);
            s = type("x       y", "printf 'x\\ty\\n'", "Enter");
            assertTrue(s.contains("x       y"), s);
        } finally {
            tmux("send-keys", "-t", SESSION, "exit", "Enter");
            Thread.sleep(500);
            tmux("kill-session", "-t", SESSION);
        }
    }
}
