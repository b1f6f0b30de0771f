package dev.dockwire.text;

/** A compile error as mawk words it: {@code awk: line N: MESSAGE}. */
final class AwkError extends Exception {
    final int line;

    AwkError(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }
}
