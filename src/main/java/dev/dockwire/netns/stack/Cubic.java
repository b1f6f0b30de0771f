package dev.dockwire.netns.stack;

/**
 * CUBIC's window growth with HyStart, as Linux 6.1's tcp_cubic.c (RFC 9438), Linux's default
 * {@code net.ipv4.tcp_congestion_control}: the growth function of {@code tcp_cong_ops} only
 * ({@code cong_avoid}, {@code ssthresh}, {@code pkts_acked}); loss recovery stays in
 * {@link NewReno} and {@link SackRecovery}. Windows are in segments and time in jiffies of
 * HZ = 1000 (milliseconds) as the kernel counts them; delays and HyStart's clock in microseconds.
 * HyStart detects both ways Linux's default {@code hystart_detect} does: by an ACK train
 * (HYSTART_ACK_TRAIN) and by delay increase (HYSTART_DELAY).
 */
final class Cubic {
    static final int BETA_SCALE = 1024;
    /** beta = 717/1024, about 0.7 (tcp_cubic.c's beta). */
    static final int BETA = 717;
    /** C = bic_scale / 1024 = 41 / 1024 * 10, about 0.4 (bic_scale 41, cube_rtt_scale = bic_scale * 10). */
    static final int BIC_SCALE = 41;
    static final int BICTCP_HZ = 10;
    static final int HZ = 1000;
    static final int HYSTART_MIN_SAMPLES = 8;
    static final int HYSTART_DELAY_MIN_US = 4000;
    static final int HYSTART_DELAY_MAX_US = 16000;
    static final int HYSTART_LOW_WINDOW = 16;
    /** hystart_detect's bits, as hystart_update reports what found the exit. */
    static final int HYSTART_ACK_TRAIN = 1;
    static final int HYSTART_DELAY = 2;
    /** hystart_ack_delta_us: ACKs at most this far apart make one train. */
    static final int HYSTART_ACK_DELTA_US = 2000;
    /** beta_scale = 8 * (1024 + beta) / 3 / (1024 - beta): Reno's growth in CUBIC's units (tcp_friendliness). */
    static final int FRIENDLY_BETA_SCALE = 8 * (BETA_SCALE + BETA) / 3 / (BETA_SCALE - BETA);
    static final int CUBE_RTT_SCALE = BIC_SCALE * 10;
    /** 2^40 / (bic_scale * 10): K = cubic_root(cube_factor * (W_max - cwnd)), K in 1/1024 s. */
    static final long CUBE_FACTOR = (1L << (10 + 3 * BICTCP_HZ)) / (BIC_SCALE * 10);
    private static final int[] ROOT_TABLE = {
        0, 54, 54, 54, 118, 118, 118, 118, 123, 129, 134, 138, 143, 147, 151, 156,
        157, 161, 164, 168, 170, 173, 176, 179, 181, 185, 187, 190, 192, 194, 197, 199,
        200, 202, 204, 206, 209, 211, 213, 215, 217, 219, 221, 222, 224, 225, 227, 229,
        231, 232, 234, 236, 237, 239, 240, 242, 244, 245, 246, 248, 250, 251, 252, 254,
    };

    /** cnt: increase cwnd by one after this many segments ACKed. */
    int cnt;
    int lastMaxCwnd;
    int lastCwnd;
    int lastTime;
    int originPoint;
    /** bic_K, in 1/1024 s. */
    int k;
    int delayMinUs;
    int epochStart;
    int ackCnt;
    int tcpCwnd;
    /** snd_cwnd_cnt: segments ACKed towards the next increment (tcp_cong_avoid_ai). */
    int cwndCnt;
    boolean found;
    private int sampleCnt;
    private int endSeq;
    int currRttUs;
    /** round_start and last_ack: when this round's ACK train began and its last ACK, in µs. */
    int roundStartUs;
    int lastAckUs;

    /**
     * cubictcp_init: bictcp_reset and bictcp_hystart_reset. The round's clock starts at 0; the
     * first ACK of data passes {@code sndNxt} and starts a round at its own time.
     */
    void init(int sndNxt) {
        reset();
        hystartReset(sndNxt, 0);
    }

    private void reset() {
        cnt = 0;
        lastMaxCwnd = 0;
        lastCwnd = 0;
        lastTime = 0;
        originPoint = 0;
        k = 0;
        delayMinUs = 0;
        epochStart = 0;
        ackCnt = 0;
        tcpCwnd = 0;
        cwndCnt = 0;
        found = false;
    }

    private void hystartReset(int sndNxt, int nowUs) {
        roundStartUs = nowUs;
        lastAckUs = nowUs;
        endSeq = sndNxt;
        currRttUs = Integer.MAX_VALUE;
        sampleCnt = 0;
    }

    /** cubictcp_state(TCP_CA_Loss): a retransmission timeout at {@code nowUs} forgets the curve and starts HyStart's round. */
    void onLoss(int sndNxt, int nowUs) {
        reset();
        hystartReset(sndNxt, nowUs);
    }

    /**
     * cubictcp_cwnd_event(CA_EVENT_TX_START): data goes out at jiffy {@code now} after nothing was
     * in flight since {@code lastSend} (lsndtime); the epoch moves on by the idle time, so the
     * curve does not count time the application sent nothing.
     */
    void onTxStart(int now, int lastSend) {
        int delta = now - lastSend;
        if (epochStart != 0 && delta > 0) {
            epochStart += delta;
            if (epochStart - now > 0) {
                epochStart = now;
            }
        }
    }

    /**
     * cubictcp_recalc_ssthresh: the epoch ends, W_max is cwnd (less with fast convergence when the
     * window did not reach the last W_max), and ssthresh is beta times cwnd, at least 2 segments.
     */
    int recalcSsthresh(int cwnd) {
        epochStart = 0;
        if (cwnd < lastMaxCwnd) {
            lastMaxCwnd = (int) ((long) cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE));
        } else {
            lastMaxCwnd = cwnd;
        }
        return Math.max((int) ((long) cwnd * BETA / BETA_SCALE), 2);
    }

    /**
     * Congestion avoidance: bictcp_update then tcp_cong_avoid_ai. Returns the new cwnd for
     * {@code acked} segments ACKed at jiffy {@code now}.
     */
    int congAvoid(int cwnd, int acked, int now) {
        update(cwnd, acked, now);
        if (cwndCnt >= cnt) {
            cwndCnt = 0;
            cwnd++;
        }
        cwndCnt += acked;
        if (cwndCnt >= cnt) {
            int delta = cwndCnt / cnt;
            cwndCnt -= delta * cnt;
            cwnd += delta;
        }
        return cwnd;
    }

    /** bictcp_update: cnt from the cubic curve W(t) = C (t - K)^3 + W_max, and Reno's estimate. */
    void update(int cwnd, int acked, int now) {
        ackCnt += acked;
        if (lastCwnd == cwnd && now - lastTime <= HZ / 32) {
            return;
        }
        if (epochStart == 0 || now != lastTime) {
            lastCwnd = cwnd;
            lastTime = now;
            if (epochStart == 0) {
                epochStart = now == 0 ? 1 : now; // 0 means "no epoch", as in the kernel
                ackCnt = acked;
                tcpCwnd = cwnd;
                if (lastMaxCwnd <= cwnd) {
                    k = 0;
                    originPoint = cwnd;
                } else {
                    k = cubicRoot(CUBE_FACTOR * (lastMaxCwnd - cwnd));
                    originPoint = lastMaxCwnd;
                }
            }
            int target = target(now - epochStart + (delayMinUs + 999L) / 1000); // + usecs_to_jiffies(delay_min)
            cnt = target > cwnd ? cwnd / (target - cwnd) : 100 * cwnd;
            if (lastMaxCwnd == 0 && cnt > 20) {
                cnt = 20; // the first curve grows at least 5% per RTT
            }
        }
        // tcp_friendliness: never slower than Reno with the same beta would be
        int d = (cwnd * FRIENDLY_BETA_SCALE) >> 3;
        while (d > 0 && ackCnt > d) {
            ackCnt -= d;
            tcpCwnd++;
        }
        if (tcpCwnd > cwnd) {
            int maxCnt = cwnd / (tcpCwnd - cwnd);
            if (cnt > maxCnt) {
                cnt = maxCnt;
            }
        }
        cnt = Math.max(cnt, 2); // at most 1.5 times cwnd per RTT
    }

    /**
     * The cubic curve W(t) = C (t - K)^3 + W_max in segments, {@code elapsed} jiffies into the
     * epoch, in the kernel's fixed point: t and K in 1/1024 s, C = cube_rtt_scale / 1024.
     */
    int target(long elapsed) {
        long t = (elapsed << BICTCP_HZ) / HZ;
        long offs = t < k ? k - t : t - k;
        int delta = (int) ((CUBE_RTT_SCALE * offs * offs * offs) >>> (10 + 3 * BICTCP_HZ));
        return t < k ? originPoint - delta : originPoint + delta;
    }

    /**
     * cubictcp_acked and hystart_update: an RTT sample of {@code delayUs} for an ACK at jiffy
     * {@code now} and µs {@code nowUs} (tcp_mstamp). {@code ackDelayUs} is hystart_ack_delay's
     * allowance for ACKs a GSO super-packet or the pacing rate delays. Returns the
     * {@code HYSTART_*} bits of the detections that found the exit (the caller sets ssthresh =
     * cwnd and counts TCPHystart*Detect), 0 when slow start goes on.
     */
    int acked(int delayUs, int now, int nowUs, int ackDelayUs, int cwnd, boolean slowStart, int sndUna, int sndNxt) {
        if (epochStart != 0 && now - epochStart < HZ) {
            return 0; // discard delay samples right after fast recovery
        }
        int delay = Math.max(delayUs, 1);
        if (delayMinUs == 0 || delayMinUs > delay) {
            delayMinUs = delay;
        }
        if (found || !slowStart || cwnd < HYSTART_LOW_WINDOW) {
            return 0;
        }
        if (Seq.gt(sndUna, endSeq)) {
            hystartReset(sndNxt, nowUs); // a new round
        }
        int detected = 0;
        if (nowUs - lastAckUs <= HYSTART_ACK_DELTA_US) {
            // the train goes on; it found the exit once it lasts half the minimum RTT (the
            // sender does not pace: sk_pacing_status is SK_PACING_NONE without fq or BBR)
            lastAckUs = nowUs;
            int threshold = (delayMinUs + ackDelayUs) >> 1;
            if (nowUs - roundStartUs > threshold) {
                found = true;
                detected |= HYSTART_ACK_TRAIN;
            }
        }
        if (currRttUs > delay) {
            currRttUs = delay;
        }
        if (sampleCnt < HYSTART_MIN_SAMPLES) {
            sampleCnt++;
        } else {
            int thresh = Math.min(Math.max(delayMinUs >> 3, HYSTART_DELAY_MIN_US), HYSTART_DELAY_MAX_US);
            if (currRttUs > delayMinUs + thresh) {
                found = true;
                detected |= HYSTART_DELAY;
            }
        }
        return detected;
    }

    /** cubic_root: a table lookup and one Newton-Raphson step, average error about 0.195%. */
    static int cubicRoot(long a) {
        int b = 64 - Long.numberOfLeadingZeros(a);
        if (b < 7) {
            return (ROOT_TABLE[(int) a] + 35) >> 6;
        }
        b = ((b * 84) >> 8) - 1;
        int shift = (int) (a >>> (b * 3));
        long x = ((long) (ROOT_TABLE[shift] + 10) << b) >>> 6;
        x = 2 * x + a / (x * (x - 1));
        x = (x * 341) >> 10;
        return (int) x;
    }
}
