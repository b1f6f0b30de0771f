package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * prune's {@code --filter} as moby's daemon/prune.go reads it: {@code until} through
 * api/types/time GetTimestamp (a duration before now in whole seconds, an RFC 3339 time or date,
 * Unix seconds) sparing what was created after it; the daemon's refusals in its words.
 */
class PruneFiltersTest {
    private static final long NOW = 1_765_000_000_123_456_789L; // Unix nanoseconds

    private static long until(String value) {
        return PruneFilters.parse(List.of("until=" + value), NOW).until();
    }

    @Test
    void untilIsADurationBeforeNowATimeOrUnixSeconds() {
        assertEquals((NOW - 86_400_000_000_000L) / 1_000_000_000L * 1_000_000_000L, until("24h"));
        assertEquals((NOW + 3_600_000_000_000L) / 1_000_000_000L * 1_000_000_000L, until("-1h"));
        assertEquals(1_136_214_245_000_000_000L, until("2006-01-02T15:04:05"));
        assertEquals(1_136_160_000_000_000_000L, until("2006-01-02"));
        assertEquals(1_136_214_245_000_000_000L, until("1136214245"));
        assertEquals(1_136_214_245_500_000_000L, until("1136214245.5"));
        assertNull(PruneFilters.parse(List.of("label=a"), NOW).until());
    }

    @Test
    void whatWasCreatedAfterUntilIsSpared() {
        PruneFilters f = PruneFilters.parse(List.of("until=1136214245", "label=cli.p"), NOW);
        assertTrue(f.matches(Map.of("cli.p", "1"), 1_136_214_245_000_000_000L));
        assertFalse(f.matches(Map.of("cli.p", "1"), 1_136_214_245_000_000_001L));
        assertFalse(f.matches(Map.of(), 0));
    }

    @Test
    void theDaemonsRefusals() {
        assertEquals("failed to parse value as time or duration: \"abc\"",
                assertThrows(EngineException.class, () -> until("abc")).getMessage());
        assertEquals("parsing time \"2006-13-02\": month out of range",
                assertThrows(EngineException.class, () -> until("2006-13-02")).getMessage());
        assertEquals("more than one until filter specified", assertThrows(EngineException.class,
                () -> PruneFilters.parse(List.of("until=24h", "until=1h"), NOW)).getMessage());
        assertEquals("invalid filter 'colour'", assertThrows(EngineException.class,
                () -> PruneFilters.parse(List.of("colour=red"), NOW)).getMessage());
        // volume/service.go: label, label! and all; until is no volume prune filter
        assertEquals("invalid filter 'until'", assertThrows(EngineException.class,
                () -> PruneFilters.volumes(List.of("until=24h"))).getMessage());
        assertEquals(java.util.Set.of("true"), PruneFilters.volumes(List.of("all=true", "label=a")).all());
    }
}
