package dev.dockwire.docker.build;

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
    private final transient List<String> bases;
    private final transient java.util.Map<Integer, RunStep.Ran> ran;
    private final transient List<String> argv;
    private final int status;

    RunFailed(List<String> argv, int status, List<String> steps, List<String> inputs, List<String> bases,
            java.util.Map<Integer, RunStep.Ran> ran, int startLine, int endLine) {
        super("process " + goQuote(String.join(" ", argv)) + " did not complete successfully: exit code: " + status, startLine, endLine);
        this.argv = List.copyOf(argv);
        this.status = status;
        this.steps = List.copyOf(steps);
        this.inputs = List.copyOf(inputs);
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

    /** Go's {@code %q} of {@code s} (strconv.Quote), as the executor's error names the process. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
