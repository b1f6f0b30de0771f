package dev.dockwire.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The latencies the programs of one step measured (ping's RTTs, curl's times), by metric in
 * first-seen order, printed after the step's output as percentiles.
 */
final class Latencies {
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private boolean paused;

    void record(String metric, long nanos) {
        if (!paused) {
            samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(nanos);
        }
    }

    /**
     * Stops or resumes keeping samples: a live prompt's lines are no steps and print none, and
     * 1,000 pingers would otherwise add 1,000 samples a second for as long as it runs.
     */
    void pause(boolean pause) {
        paused = pause;
        samples.clear();
    }

    /** Forgets the last step's samples. */
    void clear() {
        samples.clear();
    }

    /** One {@code latency METRIC p50 ...} line per metric. */
    void print(Consumer<String> out) {
        samples.forEach((metric, v) -> out.accept("latency " + Percentiles.summary(metric,
                v.stream().mapToLong(Long::longValue).toArray())));
    }
}
