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
 * whether typed alone, in a compound command or in a function (app.sh's path at the host's prompt).
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
}
