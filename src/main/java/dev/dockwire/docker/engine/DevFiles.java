package dev.dockwire.docker.engine;

import java.util.SplittableRandom;

/**
 * The character devices on a container's {@code /dev} that programs read (oci/defaults.go's
 * default devices, made by runc): {@code /dev/null} (empty: read_null), {@code /dev/zero}
 * and {@code /dev/full} (NUL bytes: read_iter_zero; full's writes fail with ENOSPC, not modelled) and {@code /dev/urandom} and {@code /dev/random} (random bytes:
 * drivers/char/random.c). The two endless ones are read as {@link #ENDLESS_BYTES} of their bytes,
 * which a reader that stops ({@code head -c 16 /dev/zero}) never reaches. dockwire's programs
 * pass text as UTF-8, so the random bytes are drawn below 0x80 (every byte stays one byte through
 * {@code head -c 8 /dev/urandom | wc -c}), from a source seeded by the container and the virtual
 * clock: a run is the same each time.
 */
final class DevFiles {
    /** How much of an endless device a read gives: 1 MiB. */
    static final int ENDLESS_BYTES = 1 << 20;

    private DevFiles() {
    }

    /** Whether {@code path} is one of these devices. */
    static boolean covers(String path) {
        return switch (path) {
            case "/dev/null", "/dev/zero", "/dev/full", "/dev/urandom", "/dev/random" -> true;
            default -> false;
        };
    }

    /** What a read of {@code path} gives in container {@code id} at {@code nanos} of the virtual clock. */
    static String read(String path, String id, long nanos) {
        switch (path) {
            case "/dev/null":
                return "";
            case "/dev/zero", "/dev/full": {
                char[] zeros = new char[ENDLESS_BYTES];
                return new String(zeros);
            }
            default: {
                SplittableRandom random = new SplittableRandom(id.hashCode() * 31L + nanos);
                char[] bytes = new char[ENDLESS_BYTES];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (char) random.nextInt(0x80);
                }
                return new String(bytes);
            }
        }
    }
}
