package dev.dockwire.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's health as dockerd keeps it in {@code State.Health} (moby daemon/container/health.go,
 * api/types/container/health.go): the status, the count of consecutive failed probes and the log
 * of the last five probes, oldest first.
 */
public final class Health {
    /** {@code maxLogEntries} in moby's daemon/health.go. */
    public static final int MAX_LOG_ENTRIES = 5;

    /** moby's HealthStatus values a container's State.Health holds. */
    public enum Status {
        STARTING("starting"), HEALTHY("healthy"), UNHEALTHY("unhealthy");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One probe (moby's HealthcheckResult): when it started and ended on the engine's clock, its
     * exit code (-1 when it could not run or timed out) and its output, cut at 4096 bytes.
     */
    public record Result(long start, long end, int exitCode, String output) {
    }

    private Status status = Status.STARTING;
    private int failingStreak;
    private final List<Result> log = new ArrayList<>();

    public Status status() {
        return status;
    }

    public void status(Status s) {
        this.status = s;
    }

    public int failingStreak() {
        return failingStreak;
    }

    public void failingStreak(int n) {
        this.failingStreak = n;
    }

    /** The last {@value #MAX_LOG_ENTRIES} probes, oldest first. */
    public List<Result> log() {
        return List.copyOf(log);
    }

    /** Appends {@code r}, dropping the oldest entry past {@value #MAX_LOG_ENTRIES}. */
    public void record(Result r) {
        log.add(r);
        while (log.size() > MAX_LOG_ENTRIES) {
            log.remove(0);
        }
    }

    /** What {@code docker ps} shows in parentheses after {@code Up ...} (moby Health.String). */
    @Override
    public String toString() {
        return status == Status.STARTING ? "health: starting" : status.id();
    }
}
