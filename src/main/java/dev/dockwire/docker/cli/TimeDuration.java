package dev.dockwire.docker.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.dockwire.sim.GoDuration;

/**
 * A field of Go's type time.Duration in an object the client decodes (container.HealthConfig's
 * Interval, Timeout, StartPeriod, StartInterval): encoding/json carries it as its nanoseconds
 * ({@code {{json .Config.Healthcheck}}}), text/template and fmt print it by its String method
 * ({@code {{.Config.Healthcheck.Interval}}} is {@code 30s}).
 */
record TimeDuration(long nanos) {
    @JsonValue
    public long json() {
        return nanos;
    }

    @Override
    public String toString() {
        return GoDuration.format(nanos);
    }
}
