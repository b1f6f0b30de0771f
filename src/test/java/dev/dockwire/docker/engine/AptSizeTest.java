package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** apt's sizes (strutl.cc SizeToStr) as its update and install lines print them. */
class AptSizeTest {
    @Test
    void bytesUpToTenThousandThenThreeFigures() {
        assertEquals("5412 B", AptGet.sizeToStr(5412));
        assertEquals("47.3 kB", AptGet.sizeToStr(47_300));
        assertEquals("9670 kB", AptGet.sizeToStr(9_670_000));
        assertEquals("19.8 MB", AptGet.sizeToStr(19_800_000));
        assertEquals("140 kB", AptGet.sizeToStr(140_000));
    }
}
