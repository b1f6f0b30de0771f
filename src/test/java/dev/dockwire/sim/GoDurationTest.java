package dev.dockwire.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Go's time.ParseDuration: values and the exact errors Go prints (go/src/time/format.go). */
class GoDurationTest {
    @Test
    void valuesInEveryUnit() {
        assertEquals(90_000_000_000L, GoDuration.parse("1m30s"));
        assertEquals(5_400_000_000_000L, GoDuration.parse("1.5h"));
        assertEquals(500_000_000L, GoDuration.parse("500ms"));
        assertEquals(1_500L, GoDuration.parse("1.5us"));
        assertEquals(0, GoDuration.parse("0"));
        assertEquals(-2_000_000_000L, GoDuration.parse("-2s"));
        assertEquals(500_000_000L, GoDuration.parse(".5s"));
    }

    @Test
    void errorsAsGoWordsThem() {
        assertEquals("time: unknown unit \"x\" in duration \"1x\"", assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("1x")).getMessage());
        assertEquals("time: missing unit in duration \"5\"", assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("5")).getMessage());
        assertEquals("time: invalid duration \"\"", assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("")).getMessage());
        assertEquals("time: invalid duration \"s\"", assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("s")).getMessage());
        assertEquals("time: unknown unit \" seconds\" in duration \"10 seconds\"", assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("10 seconds")).getMessage());
    }
}
