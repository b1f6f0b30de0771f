package dev.dockwire.text;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/**
 * {@code expr EXPRESSION}: POSIX expr's grammar by precedence, as coreutils' expr.c (eval, eval1 ... eval7)
 * and BusyBox's coreutils/expr.c read it — {@code |}, {@code &}, comparisons, {@code + -}, {@code * / %},
 * {@code :} and GNU's {@code match}, {@code substr}, {@code index}, {@code length}, {@code +} — printing the
 * value and exiting 1 when it is null (empty or 0), 2 on a bad expression. The flavours differ only in
 * the words of their errors.
 */
final class Expr implements TextTool {
    private static final Set<String> COMPARE = Set.of("<", "<=", "=", "==", "!=", ">=", ">");

    /** A bad expression: the message after {@code expr: }, exit 2. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private List<String> args;
    private int pos;
    private TextContext ctx;

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        Expr e = new Expr();
        e.ctx = ctx;
        e.args = args.isEmpty() || !args.get(0).equals("--") || ctx.flavour() != Flavour.GNU ? args : args.subList(1, args.size());
        if (e.args.isEmpty()) {
            return ctx.flavour() == Flavour.GNU ? ctx.usage("expr", 2, "missing operand") : TextResult.fail(2, "expr: too few arguments");
        }
        try {
            String v = e.eval();
            if (e.pos < e.args.size()) {
                throw e.syntax("unexpected argument " + ctx.quote(e.args.get(e.pos)));
            }
            return new TextResult(isNull(v) ? 1 : 0, List.of(v));
        } catch (Bad bad) {
            return TextResult.fail(2, "expr: " + bad.getMessage());
        }
    }

    private Bad syntax(String gnuDetail) {
        return new Bad(ctx.flavour() == Flavour.GNU ? "syntax error: " + gnuDetail : "syntax error");
    }

    private boolean at(String op) {
        if (pos < args.size() && args.get(pos).equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    /** The next operand; its absence after {@code after} is a syntax error. */
    private String operand() {
        if (pos >= args.size()) {
            throw syntax(pos == 0 ? "missing argument" : "missing argument after " + ctx.quote(args.get(pos - 1)));
        }
        return args.get(pos++);
    }

    private String eval() {
        String l = eval1();
        while (at("|")) {
            String r = eval1();
            if (isNull(l)) {
                l = isNull(r) ? "0" : r;
            }
        }
        return l;
    }

    private String eval1() {
        String l = eval2();
        while (at("&")) {
            String r = eval2();
            if (isNull(l) || isNull(r)) {
                l = "0";
            }
        }
        return l;
    }

    private String eval2() {
        String l = eval3();
        while (pos < args.size() && COMPARE.contains(args.get(pos))) {
            String op = args.get(pos++);
            String r = eval3();
            int c = isInteger(l) && isInteger(r) ? new BigInteger(l).compareTo(new BigInteger(r)) : l.compareTo(r);
            boolean t = switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "=", "==" -> c == 0;
                case "!=" -> c != 0;
                case ">=" -> c >= 0;
                default -> c > 0;
            };
            l = t ? "1" : "0";
        }
        return l;
    }

    private String eval3() {
        String l = eval4();
        while (pos < args.size() && (args.get(pos).equals("+") || args.get(pos).equals("-"))) {
            boolean plus = args.get(pos++).equals("+");
            String r = eval4();
            l = plus ? integer(l).add(integer(r)).toString() : integer(l).subtract(integer(r)).toString();
        }
        return l;
    }

    private String eval4() {
        String l = eval5();
        while (pos < args.size() && Set.of("*", "/", "%").contains(args.get(pos))) {
            String op = args.get(pos++);
            String r = eval5();
            BigInteger a = integer(l);
            BigInteger b = integer(r);
            if (!op.equals("*") && b.signum() == 0) {
                throw new Bad("division by zero");
            }
            l = (op.equals("*") ? a.multiply(b) : op.equals("/") ? a.divide(b) : a.remainder(b)).toString(); // C's truncation
        }
        return l;
    }

    private String eval5() {
        String l = eval6();
        while (at(":")) {
            l = match(l, eval6());
        }
        return l;
    }

    private String eval6() {
        if (pos + 1 < args.size()) { // a keyword only where an operand follows it
            switch (args.get(pos)) {
                case "+", "quote" -> { // GNU's + TOKEN, BusyBox's quote TOKEN: the token as a string
                    if (args.get(pos).equals("+") == (ctx.flavour() == Flavour.GNU)) {
                        pos++;
                        return operand();
                    }
                }
                case "length" -> {
                    pos++;
                    return Integer.toString(eval6().length());
                }
                case "match" -> {
                    pos++;
                    String s = eval6();
                    return match(s, eval6());
                }
                case "index" -> {
                    pos++;
                    String s = eval6();
                    String chars = eval6();
                    int best = 0;
                    for (int i = 0; i < s.length() && best == 0; i++) {
                        best = chars.indexOf(s.charAt(i)) >= 0 ? i + 1 : 0;
                    }
                    return Integer.toString(best);
                }
                case "substr" -> {
                    pos++;
                    String s = eval6();
                    BigInteger from = integerOr(eval6());
                    BigInteger len = integerOr(eval6());
                    if (from == null || len == null || from.signum() <= 0 || len.signum() <= 0
                            || from.compareTo(BigInteger.valueOf(s.length())) > 0) {
                        return "";
                    }
                    int start = from.intValue() - 1;
                    return s.substring(start, (int) Math.min(s.length(), start + len.min(BigInteger.valueOf(s.length())).longValue()));
                }
                default -> {
                }
            }
        }
        return eval7();
    }

    private String eval7() {
        if (at("(")) {
            String v = eval();
            if (!at(")")) {
                throw pos < args.size() ? syntax("expecting ')' instead of " + ctx.quote(args.get(pos)))
                        : syntax("expecting ')' after " + ctx.quote(args.get(pos - 1)));
            }
            return v;
        }
        if (pos < args.size() && args.get(pos).equals(")")) {
            throw syntax("unexpected ')'");
        }
        return operand();
    }

    /**
     * {@code STRING : REGEX}: the basic regular expression anchored at the start; the first group's text
     * when it has one (empty when it does not match), else how many characters matched.
     */
    private String match(String s, String re) {
        Matcher m;
        try {
            m = Regex.compile(re, false, false).matcher(s);
        } catch (PatternSyntaxException e) {
            throw new Bad(Regex.regerror(e, false));
        }
        boolean found = m.lookingAt();
        if (m.groupCount() > 0) {
            return found && m.group(1) != null ? m.group(1) : "";
        }
        return Integer.toString(found ? m.end() : 0);
    }

    private BigInteger integer(String v) {
        BigInteger i = integerOr(v);
        if (i == null) {
            throw new Bad(ctx.flavour() == Flavour.GNU ? "non-integer argument" : "non-numeric argument");
        }
        return i;
    }

    private static BigInteger integerOr(String v) {
        return isInteger(v) ? new BigInteger(v) : null;
    }

    private static boolean isInteger(String v) {
        return v.matches("-?[0-9]+");
    }

    /** expr's null: the empty string or an integer zero. */
    private static boolean isNull(String v) {
        return v.isEmpty() || v.matches("-?0+");
    }
}
