package dev.dockwire.docker.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sizes as the docker client and Compose print them (docker/go-units size.go): HumanSize's
 * decimal units and BytesSize's binary ones, each to a number of significant digits as Go's
 * {@code %.Ng} writes them (no trailing zeros; {@code 1e+03} where rounding reaches 1000).
 */
public final class Units {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    /**
     * The Compose plugin's version (Debian trixie's docker-compose, whose help texts the resources
     * are; debian/rules sets internal.Version to the package version): {@code docker compose
     * version} and {@code docker info}'s client plugins print it.
     */
    public static final String COMPOSE_VERSION = "2.26.1-4";

    private Units() {
    }

    /** HumanSizeWithPrecision(size, 3): {@code 0B}, {@code 648B}, {@code 1.6kB}, {@code 12.3MB}. */
    public static String humanSize(long bytes) {
        return humanSize(bytes, 3);
    }

    /** HumanSizeWithPrecision(size, precision); HumanSize is precision 4 ({@code 1.986MB}). */
    public static String humanSize(long bytes, int precision) {
        return custom(bytes, precision, 1000, DECIMAL);
    }

    /** BytesSize: binary units to four significant digits ({@code 7.751GiB}, {@code 512MiB}). */
    public static String bytesSize(long bytes) {
        return custom(bytes, 4, 1024, BINARY);
    }

    /** CustomSize("%.Ng%s", size, base, units). */
    private static String custom(long bytes, int precision, double base, String[] units) {
        double size = bytes;
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(size).round(new MathContext(precision));
        boolean overflow = rounded.compareTo(BigDecimal.valueOf(Math.pow(10, precision))) >= 0;
        return (overflow ? "1e+0" + precision : rounded.stripTrailingZeros().toPlainString()) + units[unit];
    }
}
