package dev.dockwire.cli;

import java.util.Properties;

/**
 * The Netty settings of a dockwire run and of the benchmarks: no leak sampling and no
 * reference-count check on every buffer access ({@code AbstractByteBuf.ensureAccessible}, a
 * fifth of a forwarded frame's time). Bounds checks stay on. The test suite keeps Netty's checks
 * and runs with paranoid leak detection, so a use after release or a leak still fails the build.
 * They must be set before Netty's buffer classes load, so {@link Main} applies them first; a value
 * given on the command line ({@code -D...}) wins.
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
