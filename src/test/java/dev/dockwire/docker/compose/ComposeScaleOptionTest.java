package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.docker.CommandOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose up --scale} as Compose reads it (cmd/compose/create.go applyScaleOpts:
 * split on "=", strconv.Atoi), and a negative number, which Compose accepts and then crashes on
 * in its convergence (pkg/compose/convergence.go: {@code make(Containers, expected)}).
 */
class ComposeScaleOptionTest {
    private static CommandOutput scale(String option, Map<String, Integer> into) {
        return ComposeCommand.scaleOption(option, into);
    }

    @Test
    void composesOwnTexts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        assertNull(scale("web=3", m));
        assertNull(scale("db=+2", m));
        assertNull(scale("cache=0", m));
        assertEquals(Map.of("web", 3, "db", 2, "cache", 0), m);
        assertEquals(new CommandOutput(1, List.of("invalid --scale option \"web\". Should be SERVICE=NUM")), scale("web", m));
        assertEquals(new CommandOutput(1, List.of("invalid --scale option \"web=1=2\". Should be SERVICE=NUM")), scale("web=1=2", m));
        assertEquals(new CommandOutput(1, List.of("strconv.Atoi: parsing \"x\": invalid syntax")), scale("web=x", m));
        assertEquals(new CommandOutput(1, List.of("strconv.Atoi: parsing \"\": invalid syntax")), scale("web=", m));
    }

    @Test
    void aNegativeNumberEndsAsComposesPanicBeforeAnythingIsMade() {
        Map<String, Integer> m = new LinkedHashMap<>();
        assertEquals(new CommandOutput(2, List.of("panic: runtime error: makeslice: len out of range")), scale("web=-1", m));
        assertEquals(Map.of(), m);
    }
}
