package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ranges both the receiver's out-of-order queue and the sender's scoreboard hold: state after each step. */
class SeqRangesTest {
    /** The ranges as "[s,e) [s,e) ...", unsigned. */
    private static String text(SeqRanges r) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < r.count(); k++) {
            b.append(k == 0 ? "" : " ").append('[').append(Integer.toUnsignedString(r.start(k)))
                    .append(',').append(Integer.toUnsignedString(r.end(k))).append(')');
        }
        return b.toString();
    }

    private static SeqRanges of(int... bounds) {
        SeqRanges r = new SeqRanges(64);
        for (int i = 0; i < bounds.length; i += 2) {
            r.add(bounds[i], bounds[i + 1]);
        }
        return r;
    }

    @Test
    void aRangeApartFromTheOthersGoesInItsPlace() {
        SeqRanges r = of(100, 200, 400, 500);
        assertEquals(50, r.add(250, 300));
        assertEquals("[100,200) [250,300) [400,500)", text(r));
        assertEquals(10, r.add(10, 20));
        assertEquals(10, r.add(600, 610));
        assertEquals("[10,20) [100,200) [250,300) [400,500) [600,610)", text(r));
    }

    @Test
    void aRangeTouchingOnTheLeftOrRightMerges() {
        SeqRanges r = of(100, 200, 400, 500);
        assertEquals(100, r.add(200, 300), "touches the right of [100,200)");
        assertEquals("[100,300) [400,500)", text(r));
        assertEquals(50, r.add(350, 400), "touches the left of [400,500)");
        assertEquals("[100,300) [350,500)", text(r));
        assertEquals(50, r.add(50, 150), "overlaps the left");
        assertEquals("[50,300) [350,500)", text(r));
    }

    @Test
    void aRangeBridgingSeveralMergesThemAndCountsOnlyTheGaps() {
        SeqRanges r = of(100, 200, 300, 400, 500, 600);
        assertEquals(200 + 50, r.add(150, 650));
        assertEquals("[100,650)", text(r));
        assertEquals(1, r.count());
    }

    @Test
    void aRangeInsideAnotherCoversNothingNew() {
        SeqRanges r = of(100, 200);
        assertEquals(0, r.add(120, 180));
        assertEquals(0, r.add(100, 200));
        assertEquals("[100,200)", text(r));
    }

    @Test
    void rangesAcrossTheWrapCompareModulo2To32() {
        int base = -1000; // 2^32 - 1000
        SeqRanges r = of(base + 1500, base + 2000, base, base + 500);
        assertEquals("[4294966296,4294966796) [500,1000)", text(r), "the range before zero first");
        assertEquals(1000, r.add(base + 500, base + 1500), "the gap across zero");
        assertEquals("[4294966296,1000)", text(r));
        assertTrue(r.contains(0));
        assertTrue(r.contains(base));
        assertFalse(r.contains(1000));
        assertEquals(1000, r.nextUncovered(-1));
        assertEquals(1000 + 0, r.coveredBelow(0));
    }

    @Test
    void trimRemovesWhatLiesBelowAndCutsTheRangeItFallsIn() {
        SeqRanges r = of(100, 200, 300, 400, 500, 600);
        assertEquals(0, r.trimBelow(100));
        assertEquals(100 + 50, r.trimBelow(350));
        assertEquals("[350,400) [500,600)", text(r));
        assertEquals(50, r.trimBelow(450), "a trim in a gap removes only the ranges below");
        assertEquals("[500,600)", text(r));
        assertEquals(100, r.trimBelow(700));
        assertTrue(r.isEmpty());
    }

    @Test
    void trimAcrossTheWrap() {
        SeqRanges r = of(-200, -100, -50, 50);
        assertEquals(100 + 60, r.trimBelow(10));
        assertEquals("[10,50)", text(r));
    }

    @Test
    void lookups() {
        SeqRanges r = of(100, 200, 300, 400);
        assertEquals(-1, r.indexOf(99));
        assertEquals(0, r.indexOf(100));
        assertEquals(-1, r.indexOf(200));
        assertEquals(1, r.indexOf(399));
        assertEquals(200, r.nextUncovered(150));
        assertEquals(250, r.nextUncovered(250));
        assertEquals(300, r.nextStart(200, 1000));
        assertEquals(250, r.nextStart(200, 250), "at most the limit");
        assertEquals(1000, r.nextStart(300, 1000), "no range starts after");
        assertEquals(0, r.coveredBelow(100));
        assertEquals(100 + 50, r.coveredBelow(350));
        assertEquals(200, r.coveredBelow(1000));
    }

    @Test
    void theArraysDoubleUpToTheBoundThenAnAddIsRefused() {
        SeqRanges r = new SeqRanges(40);
        for (int k = 0; k < 40; k++) {
            assertEquals(10, r.add(k * 100, k * 100 + 10));
        }
        assertEquals(40, r.count());
        assertEquals(-1, r.add(5000, 5010), "a 41st range");
        assertEquals(40, r.count());
        assertEquals(0, r.add(105, 110), "inside: needs no range");
        assertEquals(90, r.add(10, 100), "merging needs none either");
        assertEquals(39, r.count());
        assertEquals(10, r.add(5000, 5010), "now there is room");
        assertEquals("[0,110) [200,210)", text(r).substring(0, 17));
    }
}
