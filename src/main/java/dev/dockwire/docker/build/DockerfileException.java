package dev.dockwire.docker.build;

/** A Dockerfile BuildKit refuses, with BuildKit's text ({@code dockerfile parse error on line 3: unknown instruction: FORM}). */
public final class DockerfileException extends Exception {
    private static final long serialVersionUID = 1L;

    public DockerfileException(String message) {
        super(message);
    }
}
