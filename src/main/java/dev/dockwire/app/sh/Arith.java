package dev.dockwire.app.sh;

import java.util.Map;

/**
 * Shell arithmetic ({@code $((...))}, XCU 2.6.4): signed 64-bit integers, variables by name,
 * the C operators by precedence ({@code * / %}, {@code + -}, comparisons, equality, {@code &&},
 * {@code ||}, {@code ?:}, unary {@code - + !}, parentheses) and assignment ({@code =},
 * {@code +=}, {@code -=}, {@code *=}, {@code /=}).
 */
final class Arith {
    /** A malformed expression or a division by zero. */
    static final class Error extends RuntimeException {
        Error(String message) {
            super(message);
        }
    }

    private final String s;
    private final Map<String, String> vars;
    private int pos;

    Arith(String s, Map<String, String> vars) {
        this.s = s;
        this.vars = vars;
    }

    long eval() {
        long v = assignment();
        skip();
        if (pos < s.length()) {
            throw new Error("expecting EOF");
        }
        return v;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String op) {
        skip();
        if (s.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private long assignment() {
        skip();
        int save = pos;
        int i = pos;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i > pos && Character.isLetter(s.charAt(pos)) || i > pos && s.charAt(pos) == '_') {
            String name = s.substring(pos, i);
            pos = i;
            for (String op : new String[] {"+=", "-=", "*=", "/=", "%=", "="}) {
                skip();
                if (s.startsWith(op, pos) && !s.startsWith("==", pos)) {
                    pos += op.length();
                    long r = assignment();
                    long cur = variable(name);
                    long v = switch (op) {
                        case "+=" -> cur + r;
                        case "-=" -> cur - r;
                        case "*=" -> cur * r;
                        case "/=" -> divide(cur, r, false);
                        case "%=" -> divide(cur, r, true);
                        default -> r;
                    };
                    vars.put(name, Long.toString(v));
                    return v;
                }
            }
        }
        pos = save;
        return ternary();
    }

    private long ternary() {
        long c = or();
        if (eat("?")) {
            long a = assignment();
            if (!eat(":")) {
                throw new Error("expecting ':'");
            }
            long b = assignment();
            return c != 0 ? a : b;
        }
        return c;
    }

    private long or() {
        long v = and();
        while (eat("||")) {
            long r = and();
            v = v != 0 || r != 0 ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = equality();
        while (eat("&&")) {
            long r = equality();
            v = v != 0 && r != 0 ? 1 : 0;
        }
        return v;
    }

    private long equality() {
        long v = relational();
        while (true) {
            if (eat("==")) {
                v = v == relational() ? 1 : 0;
            } else if (eat("!=")) {
                v = v != relational() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relational() {
        long v = additive();
        while (true) {
            if (eat("<=")) {
                v = v <= additive() ? 1 : 0;
            } else if (eat(">=")) {
                v = v >= additive() ? 1 : 0;
            } else if (eat("<")) {
                v = v < additive() ? 1 : 0;
            } else if (eat(">")) {
                v = v > additive() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = term();
        while (true) {
            skip();
            if (s.startsWith("+", pos) && !s.startsWith("+=", pos)) {
                pos++;
                v += term();
            } else if (s.startsWith("-", pos) && !s.startsWith("-=", pos)) {
                pos++;
                v -= term();
            } else {
                return v;
            }
        }
    }

    private long term() {
        long v = unary();
        while (true) {
            skip();
            if (s.startsWith("*", pos) && !s.startsWith("*=", pos)) {
                pos++;
                v *= unary();
            } else if (s.startsWith("/", pos) && !s.startsWith("/=", pos)) {
                pos++;
                v = divide(v, unary(), false);
            } else if (s.startsWith("%", pos) && !s.startsWith("%=", pos)) {
                pos++;
                v = divide(v, unary(), true);
            } else {
                return v;
            }
        }
    }

    private static long divide(long a, long b, boolean remainder) {
        if (b == 0) {
            throw new Error("division by zero");
        }
        return remainder ? a % b : a / b;
    }

    private long unary() {
        if (eat("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        return primary();
    }

    private long primary() {
        skip();
        if (eat("(")) {
            long v = assignment();
            if (!eat(")")) {
                throw new Error("expecting ')'");
            }
            return v;
        }
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new Error("expecting primary");
        }
        String tok = s.substring(start, pos);
        if (Character.isDigit(tok.charAt(0))) {
            try {
                return tok.startsWith("0x") || tok.startsWith("0X") ? Long.parseLong(tok.substring(2), 16)
                        : tok.length() > 1 && tok.startsWith("0") ? Long.parseLong(tok, 8) : Long.parseLong(tok);
            } catch (NumberFormatException e) {
                throw new Error("expecting primary");
            }
        }
        return variable(tok);
    }

    private long variable(String name) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return new Arith(v, vars).eval();
        }
    }
}
