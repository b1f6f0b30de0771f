package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Which command a shell execs in place of forking (its script's last), as measured here with
 * bash 5.2.15, dash 0.5.12 and BusyBox 1.35 ash: {@code sh -c 'SCRIPT'} where X prints its
 * parent's pid, compared with the shell's.
 */
class ShTailTest {
    private static final String[][] MEASURED = {
        // script, bash, dash, ash: X = execs X, - = forks it
        {"X", "X", "-", "X"},
        {"true && X", "X", "-", "X"},
        {"true; X", "X", "-", "X"},
        {"true; true && X", "-", "-", "X"},
        {"true && true && X", "X", "-", "X"},
        {"if true; then X; fi", "-", "-", "X"},
        {"while true; do X; break; done", "-", "-", "-"},
        {"X; true", "-", "-", "-"},
        {"X &", "-", "-", "-"},
        {"{ true; X; }", "-", "-", "X"},
        {"(X)", "-", "-", "X"},
        {"true; (true; X)", "-", "-", "X"},
        {"! X", "-", "-", "-"},
        {"f() { X; }; f", "-", "-", "-"},
        {"{ X; } > /dev/null", "-", "-", "-"},
        {"true; X 2>/dev/null", "-", "-", "X"},
    };

    @Test
    void theLastCommandIsExecdAsEachShellDoes() {
        Dialect[] dialects = {Dialect.BASH, Dialect.DASH, Dialect.ASH};
        for (String[] row : MEASURED) {
            for (int d = 0; d < dialects.length; d++) {
                boolean execsX = TailExec.of(dialects[d], new Parser(row[0]).next(), true).stream()
                        .anyMatch(s -> Ast.show(s.words().get(0)).equals("X"));
                String got = execsX ? "X" : "-";
                assertEquals(row[d + 1], got, dialects[d] + " -c '" + row[0] + "'");
            }
        }
    }
}
