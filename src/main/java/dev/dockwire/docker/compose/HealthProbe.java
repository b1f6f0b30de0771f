package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.topology.ComposeProject;

/**
 * A container's healthcheck as dockerd runs it, on the virtual clock: the test command inside the
 * container every {@code interval}; healthy at the first success, unhealthy after {@code retries}
 * consecutive failures (failures within {@code start_period} do not count). A test that runs
 * longer than {@code timeout} fails.
 */
final class HealthProbe {
    /** How many probes a never-settling start period may take before the wait gives up. */
    private static final int MAX_PROBES = 10_000;

    private final CliEnv host;

    HealthProbe(CliEnv host) {
        this.host = host;
    }

    /** Probes {@code c} until it is healthy (true) or unhealthy (false). */
    boolean awaitHealthy(Container c, ComposeProject.Healthcheck check) {
        long started = host.loop().nanos();
        int failures = 0;
        for (int i = 0; i < MAX_PROBES; i++) {
            host.loop().runFor(check.intervalNanos());
            if (!c.running()) {
                return false;
            }
            long t0 = host.loop().nanos();
            CommandOutput r = host.execIn(c, check.test());
            boolean ok = r.status() == 0 && host.loop().nanos() - t0 <= check.timeoutNanos();
            if (ok) {
                return true;
            }
            if (t0 - started >= check.startPeriodNanos() && ++failures >= check.retries()) {
                return false;
            }
        }
        return false;
    }
}
