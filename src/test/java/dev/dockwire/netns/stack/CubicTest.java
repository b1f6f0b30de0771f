package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * CUBIC and HyStart on a manual clock (jiffies of 1 ms), golden numbers from tcp_cubic.c's
 * formulas: K = cubic_root(cube_factor * (W_max - cwnd)), W(t) = C (t - K)^3 + W_max with
 * C = 410/1024, ssthresh = cwnd * 717 / 1024, HyStart's delay threshold
 * clamp(delay_min / 8, 4 ms, 16 ms).
 */
class CubicTest {

    @Test
    void constantsAreTheKernels() {
        assertEquals(2_681_735_677L, Cubic.CUBE_FACTOR, "2^40 / (41 * 10)");
        assertEquals(15, Cubic.FRIENDLY_BETA_SCALE, "8 * (1024 + 717) / 3 / (1024 - 717)");
        assertEquals(4, Cubic.cubicRoot(64));
        assertEquals(1000, Cubic.cubicRoot(1_000_000_000L), "one Newton-Raphson step lands on it");
    }

    @Test
    void aLossSetsWmaxAndTheBetaReduction() {
        Cubic cubic = new Cubic();
        cubic.init(0);
        assertEquals(70, cubic.recalcSsthresh(100), "100 * 717 / 1024 = 70.02: beta about 0.7");
        assertEquals(100, cubic.lastMaxCwnd);
        assertEquals(2, cubic.recalcSsthresh(2), "never below 2 segments");
        // fast convergence: a loss below the last W_max releases bandwidth, W_max = cwnd (1 + beta) / 2
        cubic.lastMaxCwnd = 100;
        assertEquals(63, cubic.recalcSsthresh(90), "90 * 717 / 1024");
        assertEquals(76, cubic.lastMaxCwnd, "90 * 1741 / 2048 = 76.5");
    }

    @Test
    void theCurveRisesToWmaxAtKAndProbesBeyond() {
        Cubic cubic = new Cubic();
        cubic.init(0);
        cubic.recalcSsthresh(100);
        int cwnd = 70;
        // the epoch begins with the first ACK after the loss, at jiffy 1000
        assertEquals(70, cubic.congAvoid(cwnd, 1, 1000));
        assertEquals(4316, cubic.k, "K = cbrt(30 / 0.4) = 4.217 s = 4317.0 / 1024 s; the kernel's root gives 4316");
        assertEquals(100, cubic.originPoint);
        assertEquals(70, cubic.cnt, "W(0) = 71: one segment more after 70 ACKed");
        // W(t) in segments, t after the epoch began (the exact curve: 70.0, 86.7, 95.6, 100.0, 102.3)
        assertEquals(71, cubic.target(0));
        assertEquals(87, cubic.target(1000));
        assertEquals(96, cubic.target(2000));
        assertEquals(100, cubic.target(4215));
        assertEquals(102, cubic.target(6000));
        // one second on, the curve is 17 segments above cwnd: one more every 70 / 17 = 4 ACKs
        cubic.congAvoid(cwnd, 1, 2000);
        assertEquals(4, cubic.cnt);
        int grown = cwnd;
        for (int i = 0; i < 8; i++) {
            grown = cubic.congAvoid(grown, 1, 2000);
        }
        assertEquals(72, grown, "8 ACKs at cnt 4: two segments");
    }

    @Test
    void anIdlePeriodMovesTheEpochOn() {
        Cubic cubic = new Cubic();
        cubic.init(0);
        cubic.recalcSsthresh(100);
        cubic.congAvoid(70, 1, 1000);
        assertEquals(1000, cubic.epochStart);
        cubic.onTxStart(3500, 3000);
        assertEquals(1500, cubic.epochStart, "half a second idle: the curve resumes where it was");
        cubic.onTxStart(3500, 1000);
        assertEquals(3500, cubic.epochStart, "never after now");
    }

    @Test
    void theFirstCurveGrowsAtLeastFivePercentPerRound() {
        Cubic cubic = new Cubic();
        cubic.init(0);
        cubic.congAvoid(50, 1, 5000);
        assertEquals(0, cubic.k, "no W_max yet: the curve starts at cwnd");
        assertEquals(20, cubic.cnt, "100 * cwnd capped at 20");
    }

    @Test
    void hystartLeavesSlowStartWhenTheRoundsDelayRises() {
        NewReno cc = new NewReno();
        cc.init(1000, 0);
        cc.cwnd = 20_000;
        // round one ends at SND.NXT 20_000: eight samples of 100 ms set delay_min; the ninth is compared
        for (int i = 0; i < 9; i++) {
            cc.onRttSample(100_000, 100 + i, (100 + i) * 1000, 0, 1000 * i, 20_000);
        }
        assertEquals(100_000, cc.cubic.delayMinUs);
        assertFalse(cc.cubic.found);
        // round two: 112 ms is within delay_min + clamp(12.5 ms, 4, 16) = 112.5 ms
        for (int i = 0; i < 9; i++) {
            cc.onRttSample(112_000, 300 + i, (300 + i) * 1000, 0, 20_001 + i, 40_000);
        }
        assertFalse(cc.cubic.found);
        assertEquals(Integer.MAX_VALUE, cc.ssthresh, "still in slow start");
        // round three: 113 ms is past it, at the ninth sample
        for (int i = 0; i < 8; i++) {
            cc.onRttSample(113_000, 500 + i, (500 + i) * 1000, 0, 40_001 + i, 60_000);
        }
        assertFalse(cc.cubic.found, "fewer than HYSTART_MIN_SAMPLES + 1 samples");
        cc.onRttSample(113_000, 510, 510_000, 0, 40_010, 60_000);
        assertTrue(cc.cubic.found);
        assertEquals(20_000, cc.ssthresh, "tp->snd_ssthresh = cwnd: slow start ends");
    }

    @Test
    void hystartWaitsForSixteenSegments() {
        NewReno cc = new NewReno();
        cc.init(1000, 0);
        cc.cwnd = 15_000;
        for (int i = 0; i < 9; i++) {
            cc.onRttSample(10_000, i, i * 1000, 0, 0, 15_000);
        }
        for (int i = 0; i < 9; i++) {
            cc.onRttSample(50_000, 100 + i, (100 + i) * 1000, 0, 15_001, 30_000);
        }
        assertFalse(cc.cubic.found, "hystart_low_window: 16");
        assertEquals(10_000, cc.cubic.delayMinUs);
    }

    @Test
    void hystartLeavesSlowStartWhenAnAckTrainLastsHalfTheMinimumRtt() {
        NewReno cc = new NewReno();
        cc.init(1000, 0);
        cc.cwnd = 20_000;
        // a round of ACKs 1 ms apart (within hystart_ack_delta_us), RTT 10 ms: the train is
        // compared with delay_min / 2 = 5 ms (no pacing), before delay detection has its 8 samples
        for (int i = 0; i < 6; i++) {
            assertEquals(0, cc.onRttSample(10_000, 100 + i, (100 + i) * 1000, 0, 1000 * (i + 1), 20_000));
        }
        assertEquals(100_000, cc.cubic.roundStartUs, "the first ACK past end_seq started the round");
        assertEquals(105_000, cc.cubic.lastAckUs);
        assertFalse(cc.cubic.found, "5 ms is not past 5 ms");
        assertEquals(Cubic.HYSTART_ACK_TRAIN, cc.onRttSample(10_000, 106, 106_000, 0, 7000, 20_000));
        assertTrue(cc.cubic.found);
        assertEquals(20_000, cc.ssthresh, "tp->snd_ssthresh = cwnd");
    }

    @Test
    void acksFurtherApartThanHystartAckDeltaMakeNoTrain() {
        NewReno cc = new NewReno();
        cc.init(1000, 0);
        cc.cwnd = 20_000;
        for (int i = 0; i < 8; i++) {
            assertEquals(0, cc.onRttSample(10_000, 100 + 3 * i, (100 + 3 * i) * 1000, 0, 1000 * (i + 1), 20_000));
        }
        assertEquals(100_000, cc.cubic.lastAckUs, "3 ms after the last: the train ended at its first ACK");
        assertFalse(cc.cubic.found);
        assertEquals(Integer.MAX_VALUE, cc.ssthresh);
        // hystart_ack_delay widens the threshold: (delay_min + 1 ms) / 2 = 5.5 ms
        NewReno paced = new NewReno();
        paced.init(1000, 0);
        paced.cwnd = 20_000;
        for (int i = 0; i < 6; i++) {
            paced.onRttSample(10_000, 100 + i, 100_000 + 1100 * i, 1000, 1000 * (i + 1), 20_000);
        }
        assertFalse(paced.cubic.found, "5.5 ms into the round");
        assertEquals(Cubic.HYSTART_ACK_TRAIN, paced.onRttSample(10_000, 106, 105_600, 1000, 7000, 20_000));
    }
}
