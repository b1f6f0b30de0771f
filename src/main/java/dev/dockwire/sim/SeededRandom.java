package dev.dockwire.sim;

import java.util.SplittableRandom;

/**
 * The one source of randomness of an emulation (MACs, ids, ephemeral ports, TCP ISNs, DNS
 * answer order). The same seed and the same sequence of calls give the same values, which is
 * what makes captures byte-identical between runs.
 */
public final class SeededRandom {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final long seed;
    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() {
        return seed;
    }

    public int nextInt() {
        return random.nextInt();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [origin, bound). */
    public int nextInt(int origin, int bound) {
        return random.nextInt(origin, bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    /** {@code n} lower-case hex digits, like Docker's ids ({@code n = 64}) and veth names ({@code n = 7}). */
    public String nextHex(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
