package dev.dockwire.app.sh;

/**
 * A script the grammar rejects. {@code token} is what came unexpected ({@code fi}, {@code ;},
 * {@code newline}; null: the end of the script) with what was expected ({@code done}), or
 * {@code message} says what is wrong ({@code bad for loop variable}). {@link Dialect#syntaxError}
 * words it as each shell does; the shell then exits 2.
 */
public final class SyntaxError extends RuntimeException {
    private final String token;
    private final String expecting;
    private final int line;
    private final boolean eof;

    private SyntaxError(String message, String token, String expecting, int line, boolean eof) {
        super(message);
        this.token = token;
        this.expecting = expecting;
        this.line = line;
        this.eof = eof;
    }

    /** An unexpected token, or the end of the script when {@code token} is null. */
    static SyntaxError unexpected(String token, String expecting, int line) {
        return new SyntaxError(null, token, expecting, line, token == null);
    }

    /** A lexical or semantic error: {@code message} in ash's lower-case words ({@code unterminated quoted string}). */
    static SyntaxError message(String message, int line) {
        return new SyntaxError(message, null, null, line, false);
    }

    public String token() {
        return token;
    }

    public String expecting() {
        return expecting;
    }

    public int line() {
        return line;
    }

    public boolean endOfFile() {
        return eof;
    }

    /** The lexical error's words, or null for an unexpected token. */
    public String words() {
        return getMessage();
    }
}
