package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exit [N]} in a script, as bash runs a script: the line that runs it ends the script there,
 * whether typed alone, in a compound command or in a function (app.sh's path at the host's prompt);
 * so do {@code set -e} after a failed command and {@code exec CMD}.
 */
class ScriptExitEndToEndTest {
    private static Session.Report run(Path dir, String text, List<String> lines) {
        Script s = ScriptParser.parse("exit.sh", "exit", text);
        return new ScriptRunner(dir.resolve("exit.sh").toString()).run(s, new Session.Options(dir.resolve("out"), null, false),
                lines::add);
    }

    @Test
    void exitInACompoundLineEndsTheScript(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                echo one
                if true; then echo two; exit 3; echo never; fi
                echo three
                """, lines);
        assertEquals(2, r.steps().size(), String.join("\n", lines));
        assertEquals(List.of("two"), r.steps().get(1).output());
        assertEquals(3, r.steps().get(1).status());
        assertFalse(lines.contains("three"), String.join("\n", lines));
    }

    @Test
    void exitInAFunctionAndAloneEndTheScript(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                bye() { exit 0; }
                (exit 5); echo "subshell $?"
                bye
                echo after
                """, lines);
        assertEquals(3, r.steps().size(), String.join("\n", lines));
        assertEquals(List.of("subshell 5"), r.steps().get(1).output());
        Session.Report child = run(dir, "echo a | xargs sh -c 'exit 0'\necho after\n", new ArrayList<>());
        assertEquals(2, child.steps().size(), "a child shell's exit (xargs sh -c) ends only it");
        Session.Report alone = run(dir, "false\nexit\necho after\n", new ArrayList<>());
        assertEquals(2, alone.steps().size());
        assertEquals(1, alone.steps().get(1).status(), "exit's status is the last command's");
    }

    /** bash /tmp/hs-se.sh and /tmp/hs-ex.sh here: {@code set -e} ends at the failed command (1), {@code exec} with CMD's status (7). */
    @Test
    void setEAndExecEndTheScriptAsBashDoes(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report errexit = run(dir, "set -e\nfalse || echo handled\nfalse\necho never\n", lines);
        assertEquals(3, errexit.steps().size(), String.join("\n", lines));
        assertEquals(1, errexit.steps().get(2).status());
        assertFalse(lines.contains("never"), String.join("\n", lines));
        Session.Report exec = run(dir, "echo a\nexec sh -c 'echo in; exit 7'\necho never\n", new ArrayList<>());
        assertEquals(2, exec.steps().size(), "exec CMD: the shell's process became CMD's");
        assertEquals(List.of("in"), exec.steps().get(1).output());
        assertEquals(7, exec.steps().get(1).status());
        Session.Report sub = run(dir, "(set -e; false; echo no); echo \"sub $?\"\n(exec true); echo after\n", new ArrayList<>());
        assertEquals(2, sub.steps().size(), "a subshell's set -e and exec end only it");
        assertEquals(List.of("sub 1"), sub.steps().get(0).output());
    }
}
