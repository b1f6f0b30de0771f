package dev.dockwire.docker.compose;

import java.util.List;

/**
 * A compose operation that failed part way: what Compose prints (the progress so far and the
 * error), and where in the compose file the failing service or network is declared.
 */
public final class ComposeException extends RuntimeException {
    private final List<String> output;
    private final int line;
    private final String path;

    ComposeException(String message, List<String> output, int line, String path) {
        super(message);
        this.output = List.copyOf(output);
        this.line = line;
        this.path = path;
    }

    /** The progress lines printed before the error, then the error as Compose words it. */
    public List<String> output() {
        return output;
    }

    public int line() {
        return line;
    }

    public String path() {
        return path;
    }
}
