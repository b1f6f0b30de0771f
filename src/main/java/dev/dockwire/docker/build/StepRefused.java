package dev.dockwire.docker.build;

import java.util.List;
import java.util.Map;

/**
 * A step the legacy builder's dispatcher fails before it commits anything (a {@code --chown} naming a
 * user or group the stage's files lack: moby builder/dockerfile's {@code unable to convert uid/gid
 * chown string to host mapping}), with the steps dispatched before it and the RUNs they ran, so the
 * builder's stream can show them, its Step line, and the daemon's error.
 */
public final class StepRefused extends DockerfileException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> steps;
    private final transient List<String> keys;
    private final transient Map<Integer, RunStep.Ran> ran;

    StepRefused(String message, List<String> steps, List<String> keys, Map<Integer, RunStep.Ran> ran, Node source) {
        super(message, source.startLine(), source.endLine());
        this.steps = List.copyOf(steps);
        this.keys = List.copyOf(keys);
        this.ran = Map.copyOf(ran);
    }

    /** The vertices named before the refused step. */
    public List<String> steps() {
        return steps;
    }

    /** Their cache keys, as {@link Build#stepKeys()}. */
    public List<String> stepKeys() {
        return keys;
    }

    /** The RUN steps run before it, by step index. */
    public Map<Integer, RunStep.Ran> ran() {
        return ran;
    }
}
