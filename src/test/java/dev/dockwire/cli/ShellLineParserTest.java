package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.host.Completion;
import dev.dockwire.host.InteractiveShell;
import dev.dockwire.testing.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The prompt's reader on a JLine terminal over piped streams: lines as typed, more asked for, Tab. */
class ShellLineParserTest {
    /** A terminal whose keyboard typed {@code typed} and stays open (at its end the reader would close). */
    private static Terminal terminal(String typed, ByteArrayOutputStream screen) throws IOException {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
        keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return terminal(in, screen);
    }

    /** An 80x24 xterm (JLine lays out a line by the width: a terminal of width 0 mangles the prompts). */
    private static Terminal terminal(PipedInputStream in, ByteArrayOutputStream screen) throws IOException {
        return TerminalBuilder.builder().system(false).dumb(false).type("xterm").size(new Size(80, 24)).streams(in, screen).build();
    }

    private static LineReader reader(Terminal t, TestHost h) {
        return ShellCommand.reader(t, new ShellCompleter(new Completion(h.world.host()))).build();
    }

    /** The first {@code count} lines the reader accepts from {@code typed}. */
    private static List<String> lines(String typed, int count, TestHost h, ByteArrayOutputStream screen) throws IOException {
        List<String> out = new ArrayList<>();
        try (Terminal t = terminal(typed, screen)) {
            LineReader r = reader(t, h);
            while (out.size() < count) {
                out.add(r.readLine("$ "));
            }
        }
        return out;
    }

    @Test
    void incompleteCommandsAskForMore() {
        Parser p = new ShellLineParser();
        EOFError e = assertThrows(EOFError.class, () -> p.parse("docker run \\", 12, Parser.ParseContext.ACCEPT_LINE));
        assertEquals("the last line ends with a continuation backslash", e.getMessage());
        assertThrows(EOFError.class, () -> p.parse("cat <<'EOF'\nx", 13, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("docker ps |", 11, Parser.ParseContext.ACCEPT_LINE));
        assertEquals("syntax error: unexpected end of file",
                assertThrows(EOFError.class, () -> p.parse("for i in 1 2; do", 16, Parser.ParseContext.ACCEPT_LINE)).getMessage());
        assertEquals("docker", p.parse("docker ps", 9, Parser.ParseContext.ACCEPT_LINE).words().get(0));
    }

    @Test
    void linesComeAsTypedWithTheirBackslashes() throws IOException {
        try (TestHost h = new TestHost(1)) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            List<String> got = lines("printf \"a\\nb\"\rdocker ps --format \"{{.Names}}\\t{{.Ports}}\"\r"
                    + "docker run -d \\\r  --name web nginx\rcat > n.conf <<'EOF'\rserver {}\rEOF\recho !x\r", 5, h, screen);
            assertEquals(List.of("printf \"a\\nb\"", "docker ps --format \"{{.Names}}\\t{{.Ports}}\"",
                    "docker run -d \\\n  --name web nginx", "cat > n.conf <<'EOF'\nserver {}\nEOF", "echo !x"), got);
            // What was read runs as bash would run it.
            InteractiveShell shell = new InteractiveShell(h.world.host());
            assertEquals(List.of("a", "b"), shell.run(got.get(0)).output());
            assertEquals(0, shell.run(got.get(2)).status());
            assertEquals(List.of("web\t80/tcp"), shell.run(got.get(1)).output(), "docker turns \\t into a tab");
            shell.run(got.get(3));
            assertEquals(List.of("server {}"), shell.run("cat n.conf").output());
        }
    }

    @Test
    void aContinuedLineShowsTheSecondaryPrompt() throws Exception {
        try (TestHost h = new TestHost(1)) {
            PipedOutputStream keyboard = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            try (Terminal t = terminal(in, screen)) {
                LineReader r = reader(t, h);
                CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> r.readLine("$ "));
                keyboard.write("echo a \\\r".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                // JLine redraws only when no typed key is pending, so the rest is typed once "> " is shown.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!screenText(screen).contains("\n> ") && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(screenText(screen).contains("\n> "), () -> "the secondary prompt, screen: " + screenText(screen).replace("\u001b", "ESC"));
                keyboard.write("b\r".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                assertEquals("echo a \\\nb", line.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aLoopTypedOverLinesShowsTheSecondaryPromptAndRuns() throws Exception {
        try (TestHost h = new TestHost(1)) {
            PipedOutputStream keyboard = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            try (Terminal t = terminal(in, screen)) {
                LineReader r = reader(t, h);
                CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> r.readLine("$ "));
                // bash 5.2: "for i in 1 2; do" + Enter gives PS2 ("> ") until "done".
                for (String typed : List.of("for i in 1 2; do\r", "echo $i\r")) {
                    int prompts = screenText(screen).split("\n> ", -1).length;
                    keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (screenText(screen).split("\n> ", -1).length == prompts && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    assertTrue(screenText(screen).split("\n> ", -1).length > prompts, () -> "a secondary prompt after " + typed.trim()
                            + ", screen: " + screenText(screen).replace("\u001b", "ESC"));
                }
                keyboard.write("done\r".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                String got = line.get(10, TimeUnit.SECONDS);
                assertEquals("for i in 1 2; do\necho $i\ndone", got);
                assertEquals(List.of("1", "2"), new InteractiveShell(h.world.host()).run(got).output());
            }
        }
    }

    private static String screenText(ByteArrayOutputStream screen) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        }
    }

    @Test
    void tabCompletesAContainerName() throws IOException {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name webserver nginx");
            List<String> got = lines("docker exec -it web\tsh\r", 1, h, new ByteArrayOutputStream());
            assertEquals(List.of("docker exec -it webserver sh"), got);
            List<Candidate> candidates = new ArrayList<>();
            try (Terminal t = terminal("", new ByteArrayOutputStream())) {
                LineReader r = reader(t, h);
                new ShellCompleter(new Completion(h.world.host())).complete(r,
                        new ShellLineParser().parse("docker ps | grep x; docker stop we", 34, Parser.ParseContext.COMPLETE), candidates);
            }
            assertEquals(List.of("webserver"), candidates.stream().map(Candidate::value).toList());
        }
    }
}
