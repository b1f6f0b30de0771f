package dev.dockwire.topology;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a command typed or written over several lines ends, as bash's reader decides it
 * (parse.y's shell_getc/read_token): a line is not the end while it ends in a backslash, a
 * quote is open, a here-document's delimiter has not come on a line of its own, a {@code $(} is
 * open, the last token is {@code |}, {@code &&} or {@code ||}, or a compound command has not met its
 * closing reserved word ({@link CompoundWords}: {@code done}, {@code fi}, {@code esac}, ...). The prompt asks for more lines
 * ({@code > }) and a script joins them into one command.
 */
public final class CommandText {
    /** What the text still needs before it is a whole command. */
    public enum Need {
        NOTHING, LINE_CONTINUATION, CLOSING_QUOTE, HEREDOC_BODY, COMMAND_AFTER_OPERATOR,
        /** A compound command ({@code for ... do}, {@code if}, {@code case}, {@code {}, {@code (}) whose closing word has not come. */
        COMPOUND_END
    }

    /** What is missing and, for a quote or a here-document, which one (bash's end-of-file message). */
    public record Missing(Need need, String what) {
        /** bash's complaint when the input ends here, e.g. {@code unexpected EOF while looking for matching `"'}. */
        public String message() {
            return switch (need) {
                case NOTHING -> "";
                case LINE_CONTINUATION -> "the last line ends with a continuation backslash";
                case CLOSING_QUOTE -> "unexpected EOF while looking for matching `" + what + "'";
                case HEREDOC_BODY -> "here-document delimited by end-of-file (wanted `" + what + "')";
                case COMMAND_AFTER_OPERATOR, COMPOUND_END -> "syntax error: unexpected end of file";
            };
        }
    }

    private final String s;
    private int i;
    private final Deque<String[]> heredocs = new ArrayDeque<>(); // {delimiter, "-" when tabs are stripped}
    private final CompoundWords compound = new CompoundWords();

    private CommandText(String s) {
        this.s = s;
    }

    /** What {@code text} (lines joined with {@code \n}) still needs. */
    public static Need need(String text) {
        return missing(text).need();
    }

    public static Missing missing(String text) {
        return new CommandText(text).scan();
    }

    private Missing scan() {
        boolean afterOperator = false;
        int parens = 0;
        boolean wordStart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    return new Missing(Need.LINE_CONTINUATION, "\\");
                }
                i += 2;
                afterOperator = false;
                wordStart = false;
                compound.quoted();
                continue;
            }
            if (c == '\'' || c == '"') {
                if (!quoted(c)) {
                    return new Missing(Need.CLOSING_QUOTE, String.valueOf(c));
                }
                afterOperator = false;
                wordStart = false;
                compound.quoted();
                continue;
            }
            if (c == '#' && wordStart) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (parens == 0 && " \t\n;&|()<>".indexOf(c) >= 0) {
                compound.endWord();
            }
            if (c == '\n') {
                i++;
                if (!bodies()) {
                    return new Missing(Need.HEREDOC_BODY, heredocs.peekFirst()[0]);
                }
                wordStart = true;
                if (parens == 0) {
                    compound.separator(false);
                }
                continue;
            }
            if (c == '<' && s.startsWith("<<", i) && !s.startsWith("<<<", i)) {
                i += 2;
                boolean strip = i < s.length() && s.charAt(i) == '-';
                if (strip) {
                    i++;
                }
                String delimiter = delimiter();
                if (delimiter.isEmpty()) {
                    return new Missing(Need.COMMAND_AFTER_OPERATOR, "<<");
                }
                heredocs.addLast(new String[] {delimiter, strip ? "-" : ""});
                afterOperator = false;
                wordStart = true;
                continue;
            }
            if (s.startsWith("&&", i) || s.startsWith("||", i) || c == '|') {
                i += c == '|' && !s.startsWith("||", i) ? 1 : 2;
                afterOperator = true;
                wordStart = true;
                if (parens == 0) {
                    compound.separator(false);
                }
                continue;
            }
            if (c == '$' && s.startsWith("$(", i)) {
                if (parens == 0) {
                    compound.quoted(); // a word no reserved word
                }
                parens++;
                i += 2;
                wordStart = true;
                afterOperator = false;
                continue;
            }
            if (parens > 0 && c == '(') {
                parens++; // $((1+2)): the arithmetic's own parentheses
            } else if (c == ')' && parens > 0) {
                parens--;
            } else if (parens == 0 && (c == ';' || c == '&')) {
                boolean dsemi = s.startsWith(";;", i);
                i += dsemi ? 1 : 0;
                compound.separator(dsemi);
            } else if (parens == 0 && c == '(') {
                compound.open();
            } else if (parens == 0 && c == ')') {
                compound.close();
            } else if (parens == 0 && " \t<>".indexOf(c) < 0) {
                compound.letter(c);
            }
            if (c != ' ' && c != '\t') {
                afterOperator = false;
            }
            wordStart = c == ' ' || c == '\t' || c == ';' || c == '&' || c == '(' || c == ')';
            i++;
        }
        compound.endWord();
        if (!heredocs.isEmpty()) {
            return new Missing(Need.HEREDOC_BODY, heredocs.peekFirst()[0]);
        }
        if (afterOperator || parens > 0) {
            return new Missing(Need.COMMAND_AFTER_OPERATOR, "");
        }
        if (compound.open != null && !compound.open.isEmpty()) {
            return new Missing(Need.COMPOUND_END, compound.open.peek());
        }
        return new Missing(Need.NOTHING, "");
    }

    /** Skips a quoted string opened at {@code i}; false when it does not close. */
    private boolean quoted(char q) {
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (q == '"' && c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == q) {
                return true;
            }
        }
        return false;
    }

    /** The here-document's delimiter word after {@code <<}, its quotes removed. */
    private String delimiter() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        StringBuilder d = new StringBuilder();
        while (i < s.length() && " \t\n;&|<>()".indexOf(s.charAt(i)) < 0) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    break;
                }
                d.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '\\' && i + 1 < s.length()) {
                d.append(s.charAt(i + 1));
                i += 2;
            } else {
                d.append(c);
                i++;
            }
        }
        return d.toString();
    }

    /** At the start of a line: reads the pending here-documents' bodies; false when one has not ended. */
    private boolean bodies() {
        while (!heredocs.isEmpty()) {
            String[] h = heredocs.peekFirst();
            while (true) {
                if (i >= s.length()) {
                    return false;
                }
                int end = s.indexOf('\n', i);
                String line = s.substring(i, end < 0 ? s.length() : end);
                if (end < 0 && !line.equals(h[0]) && !(h[1].equals("-") && line.replaceFirst("^\t+", "").equals(h[0]))) {
                    return false;
                }
                i = end < 0 ? s.length() : end + 1;
                if (line.equals(h[0]) || h[1].equals("-") && line.replaceFirst("^\t+", "").equals(h[0])) {
                    break;
                }
            }
            heredocs.removeFirst();
        }
        return true;
    }
}
