package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BuildKit's shell lexer (frontend/dockerfile/shell/lex.go): substitution, quotes, escapes, fields. */
class ShellLexTest {
    private final Map<String, String> env = Map.of("X", "x", "EMPTY", "", "PATHS", "/usr/local/bin:/usr/bin", "W", "a b");
    private final ShellLex lex = new ShellLex('\\');

    private String word(String w) throws DockerfileException {
        return lex.processWord(w, env::get);
    }

    @Test
    void substitutions() throws Exception {
        assertEquals("x", word("$X"));
        assertEquals("x-x", word("${X}-$X"));
        assertEquals("", word("$UNSET"));
        assertEquals("dflt", word("${UNSET:-dflt}"));
        assertEquals("dflt", word("${EMPTY:-dflt}"));
        assertEquals("", word("${EMPTY-dflt}"));
        assertEquals("alt", word("${X:+alt}"));
        assertEquals("", word("${UNSET:+alt}"));
        assertEquals("usr/bin", word("${PATHS##*:/}"));
        assertEquals("/usr/local/bin", word("${PATHS%:*}"));
        assertEquals("x_y", word("${X/x/x_y}"));
        assertEquals("$", word("$"));
    }

    @Test
    void quotesAndEscapes() throws Exception {
        assertEquals("$X", word("'$X'"));
        assertEquals("x y", word("\"$X y\""));
        assertEquals("$X", word("\\$X"));
        assertEquals("a\"b", word("\"a\\\"b\""));
        assertEquals(List.of("a", "b", "x y"), lex.processWords("$W \"x y\"", env::get));
    }

    @Test
    void errors() {
        // Go's scanner returns EOF (-1), which string(rune) prints as U+FFFD
        assertEquals("failed to process \"${X\": unsupported modifier (\uFFFD) in substitution",
                assertThrows(DockerfileException.class, () -> word("${X")).getMessage());
        assertEquals("failed to process \"${UNSET?}\": UNSET: is not allowed to be unset",
                assertThrows(DockerfileException.class, () -> word("${UNSET?}")).getMessage());
        assertEquals("failed to process \"${:}\": syntax error: bad substitution",
                assertThrows(DockerfileException.class, () -> word("${:}")).getMessage());
    }
}
