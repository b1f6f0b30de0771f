package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * text/template's lexer (Go's text/template/parse/lex.go): the template's text and its actions
 * cut into items, the {@code {{- }} and {@code {{ -}}} trim markers applied to the text beside
 * them, comments dropped; a lexing error ends the items with an {@link Type#ERROR} item worded as
 * Go words it ({@code unclosed action}, {@code bad number syntax: "-.N"}).
 */
final class GoTemplateLexer {
    /** The kinds of item; those after {@code KEYWORD} are the keywords. */
    enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, DECLARE, ASSIGN, EOF, FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE,
        RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE, KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE,
        ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
    }

    /** An item: its kind, text, byte offset and line. */
    record Item(Type type, String val, int pos, int line) {
        /** lex.go item.String: how a parse error names it. */
        @Override
        public String toString() {
            if (type == Type.EOF) {
                return "EOF";
            }
            if (type == Type.ERROR) {
                return val;
            }
            if (type.compareTo(Type.KEYWORD) > 0) {
                return "<" + val + ">";
            }
            if (val.length() > 10) {
                return GoQuote.quote(val.substring(0, 10)) + "...";
            }
            return GoQuote.quote(val);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("block", "break", "continue", "define", "else", "end", "if", "range",
            "nil", "template", "with");

    private final String in;
    private final List<Item> items = new ArrayList<>();
    private int pos;
    private int start;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;

    private GoTemplateLexer(String in) {
        this.in = in;
    }

    /** The items of {@code text}, ending with EOF or an ERROR item. */
    static List<Item> lex(String text) {
        GoTemplateLexer l = new GoTemplateLexer(text);
        l.run();
        return l.items;
    }

    private void run() {
        while (lexText()) {
            if (!lexAction()) {
                return;
            }
        }
    }

    private void emit(Type t) {
        items.add(new Item(t, in.substring(start, pos), start, startLine));
        line += count(in.substring(start, pos));
        start = pos;
        startLine = line;
    }

    private void ignore() {
        line += count(in.substring(start, pos));
        start = pos;
        startLine = line;
    }

    private static int count(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    private boolean error(String message) {
        items.add(new Item(Type.ERROR, message, start, startLine));
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Text up to the next {@code {{}; false at the end. */
    private boolean lexText() {
        int x = in.indexOf("{{", pos);
        if (x < 0) {
            pos = in.length();
            if (pos > start) {
                emit(Type.TEXT);
            }
            items.add(new Item(Type.EOF, "", pos, line));
            return false;
        }
        pos = x;
        int end = pos;
        if (hasLeftTrim(x)) {
            while (end > start && isSpace(in.charAt(end - 1))) {
                end--;
            }
        }
        if (end > start) {
            int keep = pos;
            pos = end;
            emit(Type.TEXT);
            pos = keep;
            ignore();
        }
        return true;
    }

    private boolean hasLeftTrim(int at) {
        return in.startsWith("{{-", at) && at + 3 < in.length() && isSpace(in.charAt(at + 3));
    }

    private boolean atRightDelim() {
        if (in.startsWith(" -}}", pos) || in.startsWith("\t-}}", pos) || in.startsWith("\r-}}", pos) || in.startsWith("\n-}}", pos)) {
            return true;
        }
        return in.startsWith("}}", pos);
    }

    /** An action from its {@code {{} to its {@code }}}, or a comment. */
    private boolean lexAction() {
        boolean trim = hasLeftTrim(pos);
        int delim = pos;
        if (in.startsWith("/*", pos + (trim ? 4 : 2))) {
            pos += trim ? 4 : 2;
            return lexComment();
        }
        pos = delim + 2;
        emit(Type.LEFT_DELIM);
        if (trim) {
            pos += 2;
            ignore();
        }
        parenDepth = 0;
        while (true) {
            if (atRightDelim()) {
                boolean rtrim = !in.startsWith("}}", pos);
                if (rtrim) {
                    pos += 2; // " -"
                    ignore();
                }
                if (parenDepth != 0) {
                    return error("unclosed left paren");
                }
                pos += 2;
                emit(Type.RIGHT_DELIM);
                if (rtrim) {
                    while (pos < in.length() && isSpace(in.charAt(pos))) {
                        pos++;
                    }
                    ignore();
                }
                return true;
            }
            if (pos >= in.length()) {
                return error("unclosed action");
            }
            char c = in.charAt(pos);
            if (isSpace(c)) {
                while (pos < in.length() && isSpace(in.charAt(pos)) && !atRightDelim()) {
                    pos++;
                }
                emit(Type.SPACE);
            } else if (c == '=') {
                pos++;
                emit(Type.ASSIGN);
            } else if (c == ':') {
                if (!in.startsWith(":=", pos)) {
                    pos++;
                    return error("expected :=");
                }
                pos += 2;
                emit(Type.DECLARE);
            } else if (c == '|') {
                pos++;
                emit(Type.PIPE);
            } else if (c == '"') {
                if (!lexQuote()) {
                    return false;
                }
            } else if (c == '`') {
                int end = in.indexOf('`', pos + 1);
                if (end < 0) {
                    return error("unterminated raw quoted string");
                }
                pos = end + 1;
                emit(Type.RAW_STRING);
            } else if (c == '\'') {
                if (!lexChar()) {
                    return false;
                }
            } else if (c == '$') {
                if (!lexFieldOrVariable(Type.VARIABLE)) {
                    return false;
                }
            } else if (c == '.') {
                if (pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1))) {
                    if (!lexNumber()) {
                        return false;
                    }
                } else if (!lexFieldOrVariable(Type.FIELD)) {
                    return false;
                }
            } else if (c == '+' || c == '-' || Character.isDigit(c)) {
                if (!lexNumber()) {
                    return false;
                }
            } else if (isAlphaNumeric(c)) {
                if (!lexIdentifier()) {
                    return false;
                }
            } else if (c == '(') {
                pos++;
                emit(Type.LEFT_PAREN);
                parenDepth++;
            } else if (c == ')') {
                pos++;
                if (--parenDepth < 0) {
                    return error("unexpected right paren");
                }
                emit(Type.RIGHT_PAREN);
            } else if (c < 0x7f && c > ' ') {
                pos++;
                emit(Type.CHAR);
            } else {
                pos++;
                return error("unrecognized character in action: " + GoFmt.unicode(c));
            }
        }
    }

    private boolean lexComment() {
        int end = in.indexOf("*/", pos + 2);
        if (end < 0) {
            return error("unclosed comment");
        }
        pos = end + 2;
        boolean rtrim = false;
        if (in.startsWith(" -}}", pos) || in.startsWith("\t-}}", pos) || in.startsWith("\r-}}", pos) || in.startsWith("\n-}}", pos)) {
            rtrim = true;
            pos += 2;
        }
        if (!in.startsWith("}}", pos)) {
            return error("comment ends before closing delimiter");
        }
        pos += 2;
        if (rtrim) {
            while (pos < in.length() && isSpace(in.charAt(pos))) {
                pos++;
            }
        }
        ignore();
        return true;
    }

    private boolean lexQuote() {
        pos++;
        while (true) {
            if (pos >= in.length() || in.charAt(pos) == '\n') {
                return error("unterminated quoted string");
            }
            char c = in.charAt(pos++);
            if (c == '\\') {
                if (pos >= in.length() || in.charAt(pos) == '\n') {
                    return error("unterminated quoted string");
                }
                pos++;
            } else if (c == '"') {
                emit(Type.STRING);
                return true;
            }
        }
    }

    private boolean lexChar() {
        pos++;
        while (true) {
            if (pos >= in.length() || in.charAt(pos) == '\n') {
                return error("unterminated character constant");
            }
            char c = in.charAt(pos++);
            if (c == '\\') {
                if (pos >= in.length() || in.charAt(pos) == '\n') {
                    return error("unterminated character constant");
                }
                pos++;
            } else if (c == '\'') {
                emit(Type.CHAR_CONSTANT);
                return true;
            }
        }
    }

    private static boolean isAlphaNumeric(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private boolean atTerminator() {
        if (pos >= in.length()) {
            return true;
        }
        char c = in.charAt(pos);
        return isSpace(c) || ".,|:()".indexOf(c) >= 0 || in.startsWith("}}", pos);
    }

    private boolean lexFieldOrVariable(Type t) {
        if (pos + 1 >= in.length() || !isAlphaNumeric(in.charAt(pos + 1))) {
            pos++;
            emit(t == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return true;
        }
        pos++;
        while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
            pos++;
        }
        if (!atTerminator()) {
            return error("bad character " + GoFmt.unicode(in.charAt(pos)));
        }
        emit(t);
        return true;
    }

    private boolean lexIdentifier() {
        while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
            pos++;
        }
        if (!atTerminator()) {
            return error("bad character " + GoFmt.unicode(in.charAt(pos)));
        }
        String word = in.substring(start, pos);
        if (KEYWORDS.contains(word)) {
            emit(Type.valueOf(word.toUpperCase(java.util.Locale.ROOT)));
        } else if (word.equals("true") || word.equals("false")) {
            emit(Type.BOOL);
        } else {
            emit(Type.IDENTIFIER);
        }
        return true;
    }

    /** lex.go scanNumber: sign, base prefix, digits with underscores, fraction, exponent. */
    private boolean lexNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
            pos++;
            return error("bad number syntax: " + GoQuote.quote(in.substring(start, pos)));
        }
        emit(Type.NUMBER);
        return true;
    }

    private boolean accept(String valid) {
        if (pos < in.length() && valid.indexOf(in.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consumed
        }
    }
}
