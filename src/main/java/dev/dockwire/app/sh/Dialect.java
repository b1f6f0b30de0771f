package dev.dockwire.app.sh;

/**
 * Which shell runs a script, which changes its texts only: BusyBox's ash (alpine, busybox), Debian's
 * dash (the Debian and Ubuntu images' {@code sh}) and bash. Each message starts with the shell's
 * argv[0] as it was exec'd ({@code sh}, {@code /bin/sh} for a healthcheck, {@code bash}).
 */
public enum Dialect {
    /** BusyBox ash (shell/ash.c): {@code sh: curl: not found}, {@code sh: syntax error: unexpected "fi"}. */
    ASH,
    /** dash (src/error.c, src/parser.c): the line number after the name, {@code sh: 1: Syntax error: "fi" unexpected}. */
    DASH,
    /** bash: {@code bash: line 1: curl: command not found}. */
    BASH;

    /** The text for a command the PATH lacks (status 127). */
    public String notFound(String arg0, int line, String name) {
        return switch (this) {
            case ASH -> arg0 + ": " + name + ": not found";
            case DASH -> arg0 + ": " + line + ": " + name + ": not found";
            case BASH -> arg0 + ": " + numbered(line) + name + ": command not found";
        };
    }

    /** bash's {@code line N: }, none for line 0 (an interactive shell's prompt numbers no lines). */
    private static String numbered(int line) {
        return line == 0 ? "" : "line " + line + ": ";
    }

    /** A runtime error of the shell itself ({@code ${x:?boom}}, {@code cd}, a redirection that fails). */
    public String error(String arg0, int line, String message) {
        return switch (this) {
            case ASH -> arg0 + ": " + message;
            case DASH -> arg0 + ": " + line + ": " + message;
            case BASH -> arg0 + ": " + numbered(line) + message;
        };
    }

    /** The syntax error's text as the shell prints it before exiting 2. */
    public String syntaxError(String arg0, SyntaxError e) {
        return syntaxError(arg0, e, true);
    }

    /** As {@link #syntaxError(String, SyntaxError)}; bash at its prompt ({@code numbered} false) says no {@code -c: line N: }. */
    public String syntaxError(String arg0, SyntaxError e, boolean numbered) {
        String exp = e.expecting() == null ? "" : " (expecting \"" + e.expecting() + "\")";
        return switch (this) {
            case ASH -> arg0 + ": syntax error: " + (e.words() != null ? e.words()
                    : e.endOfFile() ? "unexpected end of file" + exp : "unexpected " + quoteAsh(e.token()));
            case DASH -> arg0 + ": " + e.line() + ": " + (e.words() != null ? dashWords(e.words())
                    : "Syntax error: " + (e.endOfFile() ? "end of file" : quoteAsh(e.token())) + " unexpected" + exp);
            case BASH -> arg0 + ": " + (numbered ? "-c: line " + e.line() + ": " : "") + (e.words() != null ? e.words()
                    : e.endOfFile() ? "syntax error: unexpected end of file" : "syntax error near unexpected token `" + e.token() + "'");
        };
    }

    private static String quoteAsh(String token) {
        return token.equals("newline") ? "newline" : "\"" + token + "\"";
    }

    /** dash capitalises its lexical errors and calls a bad substitution no syntax error. */
    private static String dashWords(String words) {
        if (words.equals("bad substitution")) {
            return "Bad substitution";
        }
        return "Syntax error: " + Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
