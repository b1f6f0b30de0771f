package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The json-file log in memory: rotation by max-size/max-file, dockwire's own bound, and the daemon's refusals of bad options. */
class ContainerLogTest {
    private static ContainerLog write(ContainerLog log, int lines) {
        long t = 1_000_000_000L;
        for (int i = 0; i < lines; i++) {
            t += 123_456_789; // nine fraction digits, as a real clock's times mostly have
            log.append("stdout", t, "line-" + i);
        }
        return log;
    }

    @Test
    void anEntryIsMeasuredAsJsonFileWritesIt() {
        // {"log":"line-182\n","stream":"stdout","time":"2025-01-01T00:00:01.123456789Z"} and its newline
        assertEquals(79, ContainerLog.jsonSize(new LogEntry("stdout", 1_123_456_789L, "line-182")));
        assertEquals(69, ContainerLog.jsonSize(new LogEntry("stdout", 1_000_000_000L, "line-182")));
        assertEquals(79 + 5, ContainerLog.jsonSize(new LogEntry("stderr", 1_123_456_789L, "<\"é182")));
    }

    @Test
    void maxSizeAndMaxFileKeepTheNewestFilesAsTheReferenceEngineDoes() {
        // Docker 20.10, --log-opt max-size=1k --log-opt max-file=2, 200 lines: docker logs shows line-182 .. line-199
        ContainerLog log = write(new ContainerLog(JsonFileOptions.parse(Map.of("max-size", "1k", "max-file", "2")),
                ContainerLog.MEMORY_LIMIT_BYTES), 200);
        List<LogEntry> kept = log.entries();
        assertEquals(18, kept.size());
        assertEquals("line-182", kept.get(0).line());
        assertEquals("line-199", kept.get(17).line());
        assertEquals(200, log.size());
        assertEquals(List.of("line-198", "line-199"), log.since(198).stream().map(LogEntry::line).toList());
        assertEquals(18, log.since(0).size());
    }

    @Test
    void oneFileIsTruncatedWhenItFills() {
        ContainerLog log = write(new ContainerLog(JsonFileOptions.parse(Map.of("max-size", "1k")), ContainerLog.MEMORY_LIMIT_BYTES), 200);
        assertEquals(5, log.entries().size()); // 200 = 15 files of 13 entries, and 5 in the 16th
        assertEquals("line-195", log.entries().get(0).line());
    }

    @Test
    void withoutOptionsDockwireKeepsTheNewestUpToItsMemoryLimit() {
        ContainerLog log = write(new ContainerLog(JsonFileOptions.UNLIMITED, 79 * 100), 1_000);
        assertEquals(100, log.entries().size());
        assertEquals("line-900", log.entries().get(0).line());
        assertEquals(1_000, log.size());
        assertTrue(write(new ContainerLog(), 1_000).entries().size() == 1_000, "16 MiB hold a thousand short lines");
    }

    @Test
    void badOptionsAreRefusedWithTheDaemonsTexts() {
        assertEquals("unknown log opt 'max-fil' for json-file log driver",
                assertThrows(EngineException.class, () -> JsonFileOptions.validate(Map.of("max-fil", "3"))).getMessage());
        JsonFileOptions.validate(Map.of("max-size", "10m", "max-file", "3", "compress", "true", "tag", "x"));
        for (String[] c : new String[][] {{"max-size", "abc", "invalid size: 'abc'"}, {"max-size", "0", "max-size must be a positive number"},
                {"max-size", "-1", "invalid size: '-1'"}, {"max-size", "10x", "invalid suffix: 'x'"}, {"max-size", "10MBB", "invalid suffix: 'mbb'"}, {"max-size", "10MBBB", "invalid suffix: 'MBBB'"},
                {"max-file", "0", "max-file cannot be less than 1"}, {"max-file", "x", "strconv.Atoi: parsing \"x\": invalid syntax"}}) {
            assertEquals("failed to initialize logging driver: " + c[2],
                    assertThrows(EngineException.class, () -> JsonFileOptions.parse(Map.of(c[0], c[1]))).getMessage(), c[1]);
        }
        assertEquals(new JsonFileOptions(10_000_000, 3), JsonFileOptions.parse(Map.of("max-size", "10m", "max-file", "3")));
        assertEquals(new JsonFileOptions(1_000_000, 1), JsonFileOptions.parse(Map.of("max-size", "1MiB"))); // FromHumanSize: decimal whatever the suffix
        assertEquals(new JsonFileOptions(1_500, 1), JsonFileOptions.parse(Map.of("max-size", "1.5 kb")));
    }
}
