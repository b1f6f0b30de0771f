package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether and when a container whose PID 1 exited starts again, as moby's restartmanager
 * decides it: {@code no} never; {@code always} and {@code unless-stopped} always;
 * {@code on-failure[:N]} on a non-zero status, at most N times. The delay starts at 100 ms and
 * doubles up to a minute; a run of 10 s or more resets it. A container stopped by
 * {@code docker stop} is not restarted; {@code unless-stopped} also not once stopped by hand
 * (daemon/internal/restartmanager ShouldRestart).
 */
final class RestartManager {
    static final long FIRST_DELAY_NANOS = 100_000_000L;
    static final long MAX_DELAY_NANOS = 60_000_000_000L;

    private final Map<String, Long> delay = new HashMap<>();

    /**
     * The delay before {@code c} starts again after PID 1 exited with {@code status} having run
     * {@code ranNanos}, or -1 when it stays stopped.
     */
    long next(Container c, int status, long ranNanos, boolean stoppedByHand) {
        String p = c.restartPolicy();
        int n = c.restartCount();
        boolean restart = switch (p.contains(":") ? p.substring(0, p.indexOf(':')) : p) {
            case "always" -> true;
            case "unless-stopped" -> !stoppedByHand;
            case "on-failure" -> status != 0 && (!p.contains(":") || n < Integer.parseInt(p.substring(p.indexOf(':') + 1))
                    || Integer.parseInt(p.substring(p.indexOf(':') + 1)) == 0);
            default -> false;
        };
        if (!restart) {
            return -1;
        }
        long d = ranNanos >= 10_000_000_000L ? 0 : delay.getOrDefault(c.id(), 0L);
        d = d == 0 ? FIRST_DELAY_NANOS : Math.min(d * 2, MAX_DELAY_NANOS);
        delay.put(c.id(), d);
        return d;
    }

    /** {@code docker rm}: its history goes. */
    void forget(Container c) {
        delay.remove(c.id());
    }
}
