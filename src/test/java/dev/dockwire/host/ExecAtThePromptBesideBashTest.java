package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec}'s redirections typed at the prompt, line by line, beside an interactive bash 5.2
 * ({@code bash --norc -i} reading the same lines): they stay the session's descriptors for the
 * lines after ({@code exec 3>FILE}, {@code exec >FILE}, {@code exec 2>&1}, a saved stdout given
 * back with {@code exec >&4}), and {@code exit N} is the session's status. What reached stdout is
 * compared line by line.
 */
class ExecAtThePromptBesideBashTest {
    private static final List<String> LINES = List.of(
            "exec 3>f3",
            "echo a >&3",
            "echo b >&3; cat f3",
            "exec 3>&-",
            "echo c >&3",
            "echo \"closed=$?\"",
            "exec 4>&1",
            "exec >o",
            "echo one",
            "ls -d /nonexistent",
            "echo two | cat",
            "exec >&4 4>&-",
            "cat o",
            "exec 2>&1",
            "ls -d /nonexistent | tr a-z A-Z",
            "x=$(ls -d /nonexistent); echo \"[$x]\"",
            "exec 5>>o",
            "echo three >&5; cat o",
            "false",
            "exit 3");

    @TempDir
    Path dir;
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void execsRedirectionsLastFromLineToLineAsInBash() throws Exception {
        ExternalTools.RealRun real = ExternalTools.runReal(false, List.of("bash", "--norc", "--noprofile", "--noediting", "-i"), dir,
                Map.of("PS1", "", "PS2", "", "LC_ALL", "C"), String.join("\n", LINES) + "\n");
        InteractiveShell t = new InteractiveShell(h.world.host());
        List<String> ours = new ArrayList<>();
        int status = -1;
        for (String line : LINES) {
            if (t.leavesHost(line)) {
                InteractiveShell.HostExit end = t.hostExit(line);
                status = end.status();
                if (end.says()) {
                    ours.add("exit"); // on stderr, which exec 2>&1 made stdout (the terminal prints it: ShellCommand)
                }
                break;
            }
            ours.addAll(t.run(line).stdout());
        }
        assertEquals(real.stdout().lines().toList(), ours, "stdout; bash's stderr: " + real.stderr());
        assertEquals(real.status(), status, "exit 3 ends the session with 3");
        assertEquals(3, status);
    }
}
