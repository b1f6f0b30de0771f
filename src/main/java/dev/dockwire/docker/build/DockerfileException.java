package dev.dockwire.docker.build;

/**
 * A Dockerfile BuildKit refuses, with BuildKit's text ({@code dockerfile parse error on line 3:
 * unknown instruction: FORM}) and the lines it concerns (errdefs.Source's ranges; 0 when none),
 * which the client prints beside it.
 */
public class DockerfileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int startLine;
    private final int endLine;

    public DockerfileException(String message) {
        this(message, 0, 0);
    }

    public DockerfileException(String message, int startLine, int endLine) {
        super(message);
        this.startLine = startLine;
        this.endLine = endLine;
    }

    /** The same error located at lines {@code start}..{@code end} unless it has a location already. */
    DockerfileException at(int start, int end) {
        return startLine > 0 ? this : new DockerfileException(getMessage(), start, end);
    }

    /** The first line the error concerns (1-based), 0 for none. */
    public int startLine() {
        return startLine;
    }

    /** The last line the error concerns. */
    public int endLine() {
        return endLine;
    }
}
