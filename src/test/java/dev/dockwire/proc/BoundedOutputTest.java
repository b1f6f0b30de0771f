package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's output keeps which of its lines went to stderr, and stops keeping them at its limit. */
class BoundedOutputTest {
    @Test
    void stderrLinesAreNamedInOrder() {
        BoundedOutput o = new BoundedOutput();
        o.add("out 1");
        o.addError("err 1");
        o.add("out 2");
        o.addError("err 2");
        assertEquals(List.of("out 1", "err 1", "out 2", "err 2"), o.lines());
        assertEquals(List.of("err 1", "err 2"), o.errors());
    }

    @Test
    void aLineCutAtTheLimitIsNoError() {
        BoundedOutput o = new BoundedOutput(10);
        o.addError("12345");
        o.addError("67890");
        assertEquals(List.of("12345"), o.errors());
        assertEquals(1, o.cut());
    }
}
