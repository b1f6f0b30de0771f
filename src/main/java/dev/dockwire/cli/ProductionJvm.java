package dev.dockwire.cli;

import java.util.Properties;

/**
 * The Netty settings of a dockwire run and of the benchmarks: no leak sampling and no
 * reference-count check on every buffer access ({@code AbstractByteBuf.ensureAccessible}, a
 * fifth of a forwarded frame's time). Bounds checks stay on. The test suite keeps Netty's checks
 * and runs with paranoid leak detection, so a use after release or a leak still fails the build.
 * They must be set before Netty's buffer classes load, so {@link Main} applies them first; a value
 * given on the command line ({@code -D...}) wins.
 *
 * <p>No JIT flags: C2's inlining limits raised for the forwarding thread's deep call chain
 * ({@code -XX:MaxInlineLevel=25}, {@code -XX:InlineSmallCode=4000}, {@code -XX:FreqInlineSize=500},
 * alone and together) made the overlay path 1–40% and the bridged path up to 21% slower per frame,
 * and bought macvlan at most 5% (session 15, CPU time per frame, two rounds): bigger compiled units,
 * not fewer calls, are what deeper inlining gives this path.
 */
public final class ProductionJvm {
    /** JVM option: no leak sampling (Netty's default samples one buffer in 128). */
    public static final String LEAK_DETECTION = "-Dio.netty.leakDetection.level=disabled";
    /** JVM option: no reference-count check per access. */
    public static final String CHECK_ACCESSIBLE = "-Dio.netty.buffer.checkAccessible=false";

    private ProductionJvm() {
    }

    /** Sets each property this class names unless the JVM was started with it. */
    static void apply() {
        apply(System.getProperties());
    }

    static void apply(Properties props) {
        for (String option : new String[] {LEAK_DETECTION, CHECK_ACCESSIBLE}) {
            String[] kv = option.substring(2).split("=", 2);
            props.putIfAbsent(kv[0], kv[1]);
        }
    }
}
