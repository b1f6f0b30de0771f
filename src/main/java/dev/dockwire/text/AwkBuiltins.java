package dev.dockwire.text;

import dev.dockwire.text.AwkNode.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** awk's builtin functions: the string ones (length, substr, index, split, sub, gsub, match, sprintf, case) and the arithmetic ones. */
final class AwkBuiltins {
    private final AwkInterp in;
    private final AwkRuntime rt;
    private java.util.Random random = new java.util.Random(0);
    private double seed;

    AwkBuiltins(AwkInterp in) {
        this.in = in;
        this.rt = in.rt;
    }

    private String s(List<Expr> args, int i) {
        return rt.str(in.eval(args.get(i)));
    }

    private double n(List<Expr> args, int i) {
        return AwkValues.num(in.eval(args.get(i)));
    }

    Object call(String name, List<Expr> args) {
        switch (name) {
            case "length" -> {
                if (args.isEmpty()) {
                    return (double) rt.record().length();
                }
                if (args.get(0) instanceof AwkNode.Var v && rt.globals.get(v.name()) instanceof Map<?, ?> m) {
                    return (double) m.size();
                }
                return (double) s(args, 0).length();
            }
            case "substr" -> {
                return substr(s(args, 0), n(args, 1), args.size() > 2 ? n(args, 2) : Double.POSITIVE_INFINITY);
            }
            case "index" -> {
                return (double) s(args, 0).indexOf(s(args, 1)) + 1;
            }
            case "split" -> {
                String text = s(args, 0);
                List<String> parts;
                if (args.size() > 2 && args.get(2) instanceof AwkNode.Re re) {
                    parts = text.isEmpty() ? List.of() : List.of(rt.regex(re.source()).split(text, -1));
                } else {
                    parts = rt.split(text, args.size() > 2 ? s(args, 2) : rt.sv("FS"));
                }
                if (!(args.get(1) instanceof AwkNode.Var v)) {
                    throw new AwkRuntime.RunError("split: second argument is not an array");
                }
                Map<String, Object> a = in.array(v.name());
                a.clear();
                for (int i = 0; i < parts.size(); i++) {
                    a.put(Integer.toString(i + 1), new AwkValues.StrNum(parts.get(i)));
                }
                return (double) parts.size();
            }
            case "sub", "gsub" -> {
                return substitute(args, name.equals("gsub"));
            }
            case "match" -> {
                return rt.match(s(args, 0), in.pattern(args.get(1)));
            }
            case "sprintf" -> {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    values.add(in.eval(args.get(i)));
                }
                return AwkValues.sprintf(s(args, 0), values, null);
            }
            case "tolower" -> {
                return s(args, 0).toLowerCase(Locale.ROOT);
            }
            case "toupper" -> {
                return s(args, 0).toUpperCase(Locale.ROOT);
            }
            case "int" -> {
                double d = n(args, 0);
                return d < 0 ? Math.ceil(d) : Math.floor(d);
            }
            case "sqrt" -> {
                return Math.sqrt(n(args, 0));
            }
            case "exp" -> {
                return Math.exp(n(args, 0));
            }
            case "log" -> {
                return Math.log(n(args, 0));
            }
            case "sin" -> {
                return Math.sin(n(args, 0));
            }
            case "cos" -> {
                return Math.cos(n(args, 0));
            }
            case "atan2" -> {
                return Math.atan2(n(args, 0), n(args, 1));
            }
            case "rand" -> {
                return random.nextDouble();
            }
            case "srand" -> {
                double previous = seed;
                seed = args.isEmpty() ? 0 : n(args, 0);
                random = new java.util.Random((long) seed);
                return previous;
            }
            case "close" -> {
                return (double) rt.close(s(args, 0));
            }
            case "system" -> {
                TextResult r = rt.ctx.commands().run(List.of("sh", "-c", s(args, 0)), null);
                r.output().forEach(l -> rt.out.append(l).append('\n'));
                return (double) r.status();
            }
            default -> {
                return 0.0; // fflush: output is not buffered here
            }
        }
    }

    /**
     * substr(s, m, n) as mawk 1.3.4 computes it: m and n truncated toward zero; a start before 1
     * moves to 1 and lengthens the span by as much ({@code substr("hello", -1, 3)} is "hell").
     */
    private static String substr(String s, double m, double n) {
        long begin = (long) m;
        double length = Double.isInfinite(n) ? Integer.MAX_VALUE : (long) n;
        if (begin < 1) {
            length -= begin;
            begin = 1;
        }
        long end = (long) Math.min(s.length() + 1, begin + length);
        if (end <= begin || begin > s.length()) {
            return "";
        }
        return s.substring((int) begin - 1, (int) end - 1);
    }

    /** sub/gsub: {@code &} is the match, {@code \&} a literal ampersand; empty matches follow the previous match's end. */
    private Object substitute(List<Expr> args, boolean global) {
        Pattern re = in.pattern(args.get(0));
        String repl = s(args, 1);
        Expr target = args.size() > 2 ? args.get(2) : new AwkNode.Field(new AwkNode.Num(0));
        String text = rt.str(in.eval(target));
        Matcher m = re.matcher(text);
        StringBuilder sb = new StringBuilder();
        int copied = 0;
        int prevEnd = -1;
        int count = 0;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            prevEnd = m.end();
            sb.append(text, copied, m.start());
            for (int i = 0; i < repl.length(); i++) {
                char c = repl.charAt(i);
                if (c == '\\' && i + 1 < repl.length() && (repl.charAt(i + 1) == '&' || repl.charAt(i + 1) == '\\')) {
                    sb.append(repl.charAt(++i));
                } else if (c == '&') {
                    sb.append(m.group());
                } else {
                    sb.append(c);
                }
            }
            copied = m.end();
            count++;
            if (!global) {
                break;
            }
        }
        if (count > 0) {
            sb.append(text.substring(copied));
            in.assign(target, sb.toString());
        }
        return (double) count;
    }
}
