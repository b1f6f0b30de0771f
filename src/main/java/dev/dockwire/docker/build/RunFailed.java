package dev.dockwire.docker.build;

import dev.dockwire.docker.GoQuote;
import java.util.List;

/**
 * A RUN whose process exited non-zero: the solve fails (BuildKit's executor error
 * {@code process "/bin/sh -c false" did not complete successfully: exit code: 1}, the legacy
 * builder's {@code The command '/bin/sh -c false' returned a non-zero code: 1}). It carries the
 * steps dispatched up to and including the failed one, so the progress can show them, and what the
 * failed one printed.
 */
public final class RunFailed extends DockerfileException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> steps;
    private final transient List<String> inputs;
    private final transient List<String> keys;
    private final transient List<String> bases;
    private final transient java.util.Map<Integer, RunStep.Ran> ran;
    private final transient List<String> argv;
    private final int status;

    RunFailed(List<String> argv, int status, List<String> steps, List<String> inputs, List<String> keys, List<String> bases,
            java.util.Map<Integer, RunStep.Ran> ran, int startLine, int endLine) {
        super("process " + GoQuote.quote(String.join(" ", argv)) + " did not complete successfully: exit code: " + status, startLine, endLine);
        this.argv = List.copyOf(argv);
        this.status = status;
        this.steps = List.copyOf(steps);
        this.inputs = List.copyOf(inputs);
        this.keys = List.copyOf(keys);
        this.bases = List.copyOf(bases);
        this.ran = java.util.Map.copyOf(ran);
    }

    /** The vertices named so far, the failed RUN last. */
    public List<String> steps() {
        return steps;
    }

    /** What each step took in besides its text, as {@link Build#stepInputs()}. */
    public List<String> stepInputs() {
        return inputs;
    }

    /** Each step's cache key, as {@link Build#stepKeys()}. */
    public List<String> stepKeys() {
        return keys;
    }

    /** The images whose metadata the build loaded. */
    public List<String> bases() {
        return bases;
    }

    /** The RUN steps run so far by step index, the failed one among them. */
    public java.util.Map<Integer, RunStep.Ran> ran() {
        return ran;
    }

    /** The process's argv as the error names it. */
    public List<String> argv() {
        return argv;
    }

    /** Its exit status. */
    public int status() {
        return status;
    }

    /** The legacy builder's text (builder/dockerfile/internals.go, jsonmessage's Code): {@code The command '...' returned a non-zero code: N}. */
    public String legacyMessage() {
        return "The command '" + String.join(" ", argv) + "' returned a non-zero code: " + status;
    }

}
