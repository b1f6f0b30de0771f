package dev.dockwire.netns.stack;

/**
 * Sequence number comparisons modulo 2^32 (RFC 9293 section 3.4): {@code a} is before {@code b}
 * when {@code a - b}, as a 32-bit two's complement number, is negative. Valid while the two are
 * less than 2^31 apart, which the windows guarantee. Like the kernel's {@code before()/after()}.
 */
final class Seq {
    private Seq() {
    }

    static boolean lt(int a, int b) {
        return a - b < 0;
    }

    static boolean le(int a, int b) {
        return a - b <= 0;
    }

    static boolean gt(int a, int b) {
        return a - b > 0;
    }

    static boolean ge(int a, int b) {
        return a - b >= 0;
    }

    static int max(int a, int b) {
        return a - b >= 0 ? a : b;
    }

    static int min(int a, int b) {
        return a - b <= 0 ? a : b;
    }

    /** {@code from <= x < to}. */
    static boolean inWindow(int x, int from, int to) {
        return x - from >= 0 && x - to < 0;
    }
}
