package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Health;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.util.HashMap;
import java.util.Map;

/**
 * dockerd's health monitor (moby daemon/health.go): for each running container with a check, a
 * probe every interval on the engine's clock, the interval counted from the end of one probe to
 * the start of the next; {@code starting} until the first success ({@code healthy}), or until
 * {@code retries} consecutive failures ({@code unhealthy}), failures that start within the start
 * period not counting while still starting; during the start period a starting container is
 * probed every start interval. The last five probes are kept. The monitor stops when the
 * container stops (its status then reads {@code unhealthy}, as moby's CloseMonitorChannel sets
 * it) and starts afresh, with a new streak but the old log, when it starts again.
 */
final class HealthMonitor {
    static final long DEFAULT_INTERVAL = 30_000_000_000L;
    static final long DEFAULT_TIMEOUT = 30_000_000_000L;
    static final long DEFAULT_START_INTERVAL = 5_000_000_000L;
    static final int DEFAULT_RETRIES = 3;

    private final Engine engine;
    private final EventLoop clock;
    private final Map<String, Watch> watches = new HashMap<>();

    HealthMonitor(Engine engine, EventLoop clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * The check {@code c} runs: its own ({@code --health-*}, compose) over the image's, field by
     * field as moby merges them (daemon/commit.go merge: a zero field takes the image's); null
     * when there is none or it is {@code NONE}.
     */
    static ImageConfig.Healthcheck effective(Container c) {
        ImageConfig image = Images.config(c);
        ImageConfig.Healthcheck base = image == null ? null : image.healthcheck();
        ImageConfig.Healthcheck own = c.healthcheck();
        ImageConfig.Healthcheck hc;
        if (own == null) {
            hc = base;
        } else if (base == null) {
            hc = own;
        } else {
            hc = new ImageConfig.Healthcheck(own.test().isEmpty() ? base.test() : own.test(),
                    own.intervalNanos() == 0 ? base.intervalNanos() : own.intervalNanos(),
                    own.timeoutNanos() == 0 ? base.timeoutNanos() : own.timeoutNanos(),
                    own.startPeriodNanos() == 0 ? base.startPeriodNanos() : own.startPeriodNanos(),
                    own.startIntervalNanos() == 0 ? base.startIntervalNanos() : own.startIntervalNanos(),
                    own.retries() == 0 ? base.retries() : own.retries());
        }
        if (hc == null || hc.none() || !(hc.test().get(0).equals("CMD") || hc.test().get(0).equals("CMD-SHELL"))) {
            return null;
        }
        return hc;
    }

    /** initHealthMonitor: {@code c} (re)started; with a check its health is {@code starting} and the first probe is one interval away. */
    void started(Container c) {
        stop(c);
        ImageConfig.Healthcheck hc = effective(c);
        if (hc == null) {
            return;
        }
        Health h = c.health() == null ? new Health() : c.health();
        h.status(Health.Status.STARTING);
        h.failingStreak(0);
        c.health(h);
        Watch w = new Watch(c, hc, h);
        watches.put(c.id(), w);
        w.arm();
    }

    /** stopHealthchecks: the container stopped; a probe under way is killed and its result dropped. */
    void stopped(Container c) {
        stop(c);
        if (c.health() != null) {
            c.health().status(Health.Status.UNHEALTHY);
        }
    }

    /** updateHealthMonitor of a paused container: the monitor stops; CloseMonitorChannel sets {@code unhealthy}. */
    void paused(Container c) {
        if (watches.containsKey(c.id())) {
            stopped(c);
        }
    }

    /** updateHealthMonitor after unpause: a new monitor over the same health (status, streak and log kept). */
    void unpaused(Container c) {
        ImageConfig.Healthcheck hc = effective(c);
        if (hc != null && c.health() != null && !watches.containsKey(c.id())) {
            Watch w = new Watch(c, hc, c.health());
            watches.put(c.id(), w);
            w.arm();
        }
    }

    private void stop(Container c) {
        Watch w = watches.remove(c.id());
        if (w != null) {
            w.cancel();
        }
    }

    /** One container's monitor: its timer and the probe under way. */
    private final class Watch {
        private final Container c;
        private final ImageConfig.Healthcheck hc;
        private final Health health;
        private Timeout timer;
        private HealthProbe probe;
        private boolean stopped;

        Watch(Container c, ImageConfig.Healthcheck hc, Health health) {
            this.c = c;
            this.hc = hc;
            this.health = health;
        }

        /** getInterval: the start interval while starting within the start period, else the interval. */
        private long interval() {
            long interval = hc.intervalNanos() == 0 ? DEFAULT_INTERVAL : hc.intervalNanos();
            if (clock.nanos() - c.startedAt() >= hc.startPeriodNanos() || health.status() != Health.Status.STARTING) {
                return interval;
            }
            return hc.startIntervalNanos() == 0 ? DEFAULT_START_INTERVAL : hc.startIntervalNanos();
        }

        void arm() {
            timer = clock.schedule(interval(), this::probe);
        }

        private void probe() {
            long timeout = hc.timeoutNanos() == 0 ? DEFAULT_TIMEOUT : hc.timeoutNanos();
            probe = HealthProbe.start(engine, clock, c, hc.test(), timeout, result -> {
                probe = null;
                if (!stopped) {
                    handle(result);
                    arm();
                }
            });
        }

        /** handleProbeResult: a change of status is logged as {@code health_status: STATUS}. */
        private void handle(Health.Result r) {
            Health.Status before = health.status();
            apply(r);
            if (health.status() != before) {
                engine.daemonEvents().container(c, "health_status: " + health.status().id());
            }
        }

        private void apply(Health.Result r) {
            health.record(r);
            if (r.exitCode() == 0) {
                health.failingStreak(0);
                health.status(Health.Status.HEALTHY);
                return;
            }
            if (health.status() == Health.Status.STARTING && r.start() - c.startedAt() < hc.startPeriodNanos()) {
                return;
            }
            health.failingStreak(health.failingStreak() + 1);
            if (health.failingStreak() >= (hc.retries() <= 0 ? DEFAULT_RETRIES : hc.retries())) {
                health.status(Health.Status.UNHEALTHY);
            }
        }

        void cancel() {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
            if (probe != null) {
                probe.cancel();
            }
        }
    }
}
