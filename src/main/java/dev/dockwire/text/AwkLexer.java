package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An awk program's tokens as mawk's scan.c reads them: a {@code /} starts a regular expression
 * where an operand is expected, a name directly followed by {@code (} calls a function, newlines
 * are tokens, {@code \}-newline joins lines; runaway strings and expressions are mawk's errors.
 */
final class AwkLexer {
    enum Type { NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN, KEYWORD, PUNCT, NEWLINE, EOF }

    record Token(Type type, String text, double number, int line) {
        boolean is(String s) {
            return (type == Type.PUNCT || type == Type.KEYWORD) && text.equals(s);
        }
    }

    static final Set<String> KEYWORDS = Set.of("BEGIN", "END", "function", "func", "if", "else", "while", "for", "do",
            "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf");
    static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match", "sprintf",
            "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "close", "system", "fflush");
    private static final List<String> PUNCTS = List.of("+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "++", "--",
            "&&", "||", ">>", "!~", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|",
            "?", ":", "~", "$", "=");

    private final String src;
    private int pos;
    private int line = 1;
    private final List<Token> tokens = new ArrayList<>();

    private AwkLexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) throws AwkError {
        AwkLexer l = new AwkLexer(src);
        l.scan();
        return l.tokens;
    }

    private boolean operandBefore() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token t = tokens.get(tokens.size() - 1);
        return switch (t.type()) {
            case NUMBER, STRING, ERE, NAME, BUILTIN -> true;
            case PUNCT -> t.text().equals(")") || t.text().equals("]") || t.text().equals("$")
                    || t.text().equals("++") || t.text().equals("--");
            default -> false;
        };
    }

    private void add(Type type, String text) {
        tokens.add(new Token(type, text, 0, line));
    }

    private void scan() throws AwkError {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                add(Type.NEWLINE, "\n");
                pos++;
                line++;
            } else if (Character.isDigit(c) || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                number();
            } else if (c == '"') {
                string();
            } else if (c == '/' && !operandBefore()) {
                regex();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String name = src.substring(start, pos);
                if (KEYWORDS.contains(name)) {
                    add(Type.KEYWORD, name.equals("func") ? "function" : name);
                } else if (BUILTINS.contains(name)) {
                    add(Type.BUILTIN, name);
                } else {
                    add(pos < src.length() && src.charAt(pos) == '(' ? Type.FUNC_NAME : Type.NAME, name);
                }
            } else {
                String p = PUNCTS.stream().filter(x -> src.startsWith(x, pos)).findFirst().orElse(null);
                if (p == null) {
                    throw new AwkError(line, "syntax error at or near " + c);
                }
                add(Type.PUNCT, p);
                pos += p.length();
            }
        }
        tokens.add(new Token(Type.EOF, "", 0, src.endsWith("\n") ? line : line + 1));
    }

    private void number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        tokens.add(new Token(Type.NUMBER, text, AwkValues.prefixNumber(text), line));
    }

    private void string() throws AwkError {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new AwkError(line, "runaway string constant " + src.substring(start, Math.min(src.length(), start + 10)).split("\n")[0] + " ...");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos++);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '"', '\\', '/' -> sb.append(n);
                    case '\n' -> line++;
                    default -> {
                        if (n >= '0' && n <= '7') {
                            int v = n - '0';
                            for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) {
                                v = v * 8 + src.charAt(pos++) - '0';
                            }
                            sb.append((char) v);
                        } else {
                            sb.append('\\').append(n);
                        }
                    }
                }
            } else {
                sb.append(c);
            }
        }
        add(Type.STRING, sb.toString());
    }

    private void regex() throws AwkError {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        boolean inBracket = false;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new AwkError(line, "runaway regular expression " + src.substring(start, Math.min(src.length(), start + 10)).split("\n")[0] + " ...");
            }
            char c = src.charAt(pos++);
            if (c == '/' && !inBracket) {
                break;
            }
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            }
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos++);
                if (n == '/') {
                    sb.append('/');
                } else {
                    sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        add(Type.ERE, sb.toString());
    }
}
