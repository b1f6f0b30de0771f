package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The RTO as Linux 6.1's tcp_rtt_estimator and tcp_set_rto compute it, sample by sample. */
class RttEstimatorTest {
    private static final long MS = 1_000_000L;

    /** A sample on an ACK that ends round trip {@code round}: SND.UNA passes the SND.NXT of the round before. */
    private static void sampleInRound(RttEstimator r, long rtt, int round) {
        r.sample(rtt, round * 10_000, round * 10_000 + 5_000);
    }

    @Test
    void theFirstSampleGivesThreeTimesTheRttAndRttvarNeverFallsBelowRtoMin() {
        RttEstimator r = new RttEstimator();
        assertEquals(1000 * MS, r.rto(), "TCP_TIMEOUT_INIT before the first sample");
        sampleInRound(r, 100 * MS, 0);
        assertEquals(100 * MS, r.srtt());
        assertEquals(300 * MS, r.rto(), "srtt + mdev, mdev = 2 x RTT");
        sampleInRound(r, 100 * MS, 1);
        // mdev 200 -> 150 ms, but rttvar stays at mdev_max (200 ms): RFC 6298 would give 250 ms
        assertEquals(200 * MS, r.rttvar());
        assertEquals(300 * MS, r.rto());
    }

    @Test
    void aSteadyRttKeepsTheRtoTcpRtoMinAboveIt() {
        RttEstimator r = new RttEstimator();
        sampleInRound(r, 300 * MS, 0);
        assertEquals(900 * MS, r.rto());
        sampleInRound(r, 300 * MS, 1);
        assertEquals(900 * MS, r.rto(), "rttvar falls once a round trip, towards mdev_max");
        sampleInRound(r, 300 * MS, 2);
        // mdev 450 -> 337.5 ms (mdev_max); rttvar 600 - (600 - 337.5) / 4 = 534.375 ms
        assertEquals(534_375_000L, r.rttvar());
        assertEquals(835 * MS, r.rto(), "834.375 ms rounded up to the jiffy");
        for (int round = 3; round < 60; round++) {
            sampleInRound(r, 300 * MS, round);
        }
        assertEquals(300 * MS, r.srtt());
        // rttvar decays to tcp_rto_min plus the last microseconds a quarter step no longer removes;
        // RFC 6298's max(200 ms, srtt + 4 rttvar) would be 301 ms: 200 ms early on a standing queue
        assertEquals(200_003_000L, r.rttvar());
        assertEquals(501 * MS, r.rto());
    }

    @Test
    void aRttAboveTheEstimateRaisesRttvarAtOnce() {
        RttEstimator r = new RttEstimator();
        sampleInRound(r, 100 * MS, 0);
        r.sample(190 * MS, 0, 5_000); // same round trip
        // error +90 ms: srtt 111.25 ms, mdev 200 + 90 - 50 = 240 ms, above mdev_max: rttvar = 240 ms
        assertEquals(111_250_000L, r.srtt());
        assertEquals(240 * MS, r.rttvar());
        assertEquals(352 * MS, r.rto(), "351.25 ms rounded up");
    }

    @Test
    void aRttBelowTheEstimateMovesMdevByAnEighthOfTheUsualStep() {
        RttEstimator r = new RttEstimator();
        sampleInRound(r, 100 * MS, 0);
        r.sample(10 * MS, 0, 5_000);
        // error -90 ms: srtt 88.75 ms; mdev grows by (90 - 50) / 8 = 5 ms, not 40 (Eifel-like)
        assertEquals(88_750_000L, r.srtt());
        assertEquals(205 * MS, r.rttvar());
        assertEquals(294 * MS, r.rto(), "293.75 ms rounded up");
    }

    @Test
    void anRttBelowTheClockGivesTcpRtoMinAndBackoffStopsAtTcpRtoMax() {
        RttEstimator r = new RttEstimator();
        sampleInRound(r, 0, 0);
        assertEquals(0, r.srtt());
        assertEquals(200 * MS, r.rto());
        for (int i = 0; i < 20; i++) {
            r.backoff();
        }
        assertEquals(120_000 * MS, r.rto(), "TCP_RTO_MAX");
        sampleInRound(r, 0, 1);
        assertEquals(200 * MS, r.rto(), "a new sample recomputes it");
    }
}
