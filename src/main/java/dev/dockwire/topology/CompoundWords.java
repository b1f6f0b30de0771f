package dev.dockwire.topology;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The compound commands a text has opened and not closed, as bash's parser sees its reserved words
 * (parse.y: a reserved word only unquoted and where a command may begin — at the start, after
 * {@code ;}, {@code &}, {@code |}, {@code &&}, {@code ||}, a newline, {@code (} or another reserved
 * word): {@code for}/{@code select}/{@code while}/{@code until} wait for {@code done}, {@code if} for
 * {@code fi}, {@code case} for {@code esac} (its patterns up to {@code )} no commands), {@code {}
 * for {@code }}, {@code (} for {@code )}, {@code [[} for {@code ]]}. {@link CommandText} feeds it the
 * text outside quotes and {@code $( )}, letter by letter.
 */
final class CompoundWords {
    /** The reserved words after which a command may begin. */
    private static final Set<String> LEADING = Set.of("then", "else", "elif", "do", "!");
    /** An assignment word ({@code NAME=value}), after which a command may still begin; compiled once, as every word of a script passes here. */
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    /** The closing words awaited, the innermost first ({@code )} a subshell's, {@code ()} a function's parentheses). */
    final Deque<String> open = new ArrayDeque<>();
    private final StringBuilder word = new StringBuilder();
    private boolean quoted;
    private boolean commandPosition = true;
    /** Between {@code in} (or {@code ;;}) and {@code )} of a case: a pattern, where {@code esac} may close. */
    private boolean pattern;
    /** After {@code case}: its subject, then {@code in}. */
    private int caseWords;
    /** After {@code function}: its name, then a command (the body) may begin. */
    private boolean functionName;

    void letter(char c) {
        word.append(c);
    }

    /** A quote or a backslash in the word: it is no reserved word. */
    void quoted() {
        quoted = true;
    }

    /** {@code ;}, {@code ;;} ({@code caseEnd}), {@code &}, {@code |}, {@code &&}, {@code ||} or a newline. */
    void separator(boolean caseEnd) {
        endWord();
        if (caseEnd && "esac".equals(open.peek())) {
            pattern = true;
        }
        if (caseWords == 0 && !pattern) {
            commandPosition = true;
        }
    }

    /** {@code (}: a subshell where a command begins, a function's {@code ()} after its name. */
    void open() {
        endWord();
        if (pattern) {
            return; // case's optional ( before a pattern
        }
        open.push(commandPosition ? ")" : "()");
        commandPosition = true;
    }

    /** {@code )}: ends a case pattern, a subshell or a function's {@code ()}. */
    void close() {
        endWord();
        if (pattern) {
            pattern = false;
            commandPosition = true;
            return;
        }
        String top = open.peek();
        if (")".equals(top) || "()".equals(top)) {
            open.pop();
            commandPosition = "()".equals(top); // the function's body follows
        }
    }

    /** The word read so far ends (a blank, an operator, the end). */
    void endWord() {
        if (word.length() == 0 && !quoted) {
            return;
        }
        String w = quoted ? null : word.toString();
        word.setLength(0);
        quoted = false;
        if (caseWords > 0) {
            caseWords = caseWords == 1 ? 2 : 0;
            pattern = caseWords == 0 && "in".equals(w);
            return;
        }
        if (pattern) {
            if ("esac".equals(w) && "esac".equals(open.peek())) {
                open.pop();
                pattern = false;
                commandPosition = false;
            }
            return;
        }
        if (functionName) {
            functionName = false;
            commandPosition = true;
            return;
        }
        if ("]]".equals(w) && "]]".equals(open.peek())) {
            open.pop();
            return;
        }
        if (!commandPosition || w == null) {
            commandPosition = false;
            return;
        }
        reserved(w);
    }

    /** A word where a command may begin: a reserved word opens or closes, another begins a simple command. */
    private void reserved(String w) {
        switch (w) {
            case "if" -> open.push("fi");
            case "while", "until" -> open.push("done");
            case "for", "select" -> {
                open.push("done");
                commandPosition = false;
            }
            case "case" -> {
                open.push("esac");
                caseWords = 1;
                commandPosition = false;
            }
            case "{" -> open.push("}");
            case "[[" -> {
                open.push("]]");
                commandPosition = false;
            }
            case "function" -> {
                functionName = true;
                commandPosition = false;
            }
            case "}", "fi", "done", "esac" -> {
                if (w.equals(open.peek())) {
                    open.pop();
                }
                commandPosition = false;
            }
            default -> commandPosition = LEADING.contains(w) || ASSIGNMENT.matcher(w).matches();
        }
    }
}
