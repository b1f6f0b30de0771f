package dev.dockwire.text;

import dev.dockwire.text.AwkNode.Expr;
import dev.dockwire.text.AwkNode.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates an awk program's statements and expressions over an {@link AwkRuntime}; the builtins are {@link AwkBuiltins}. */
final class AwkInterp {
    /** Control leaving a statement: next, exit, break, continue, return. */
    static final class Jump extends RuntimeException {
        final String kind;
        final Object value;

        Jump(String kind, Object value) {
            super(null, null, false, false);
            this.kind = kind;
            this.value = value;
        }
    }

    final AwkRuntime rt;
    private final Map<String, AwkNode.Function> functions;
    private final Deque<Map<String, Object>> frames = new ArrayDeque<>();
    private final AwkBuiltins builtins;

    AwkInterp(AwkRuntime rt, Map<String, AwkNode.Function> functions) {
        this.rt = rt;
        this.functions = functions;
        this.builtins = new AwkBuiltins(this);
    }

    // ---- statements

    void exec(Stmt s) {
        if (s instanceof AwkNode.Block b) {
            for (Stmt x : b.body()) {
                exec(x);
            }
        } else if (s instanceof AwkNode.ExprStmt e) {
            eval(e.expr());
        } else if (s instanceof AwkNode.Print pr) {
            print(pr);
        } else if (s instanceof AwkNode.If i) {
            if (AwkValues.truth(eval(i.test()))) {
                exec(i.then());
            } else if (i.otherwise() != null) {
                exec(i.otherwise());
            }
        } else if (s instanceof AwkNode.While w) {
            loop(w.doWhile() ? null : w.test(), null, w.body(), w.doWhile() ? w.test() : null);
        } else if (s instanceof AwkNode.For f) {
            if (f.init() != null) {
                exec(f.init());
            }
            loop(f.test(), f.step(), f.body(), null);
        } else if (s instanceof AwkNode.ForIn f) {
            for (String key : new ArrayList<>(array(f.array()).keySet())) {
                assign(new AwkNode.Var(f.var()), key);
                try {
                    exec(f.body());
                } catch (Jump j) {
                    if (j.kind.equals("break")) {
                        break;
                    }
                    if (!j.kind.equals("continue")) {
                        throw j;
                    }
                }
            }
        } else if (s instanceof AwkNode.Jump j) {
            throw new Jump(j.kind(), j.value() == null ? null : eval(j.value()));
        } else if (s instanceof AwkNode.Delete d) {
            if (d.subscripts() == null) {
                array(d.array()).clear();
            } else {
                array(d.array()).remove(key(d.subscripts()));
            }
        }
    }

    /** while (test at the top), do-while (test at the bottom), for (test and step). */
    private void loop(Expr top, Stmt step, Stmt body, Expr bottom) {
        while (top == null || AwkValues.truth(eval(top))) {
            try {
                exec(body);
            } catch (Jump j) {
                if (j.kind.equals("break")) {
                    return;
                }
                if (!j.kind.equals("continue")) {
                    throw j;
                }
            }
            if (step != null) {
                exec(step);
            }
            if (bottom != null && !AwkValues.truth(eval(bottom))) {
                return;
            }
        }
    }

    private void print(AwkNode.Print pr) {
        String text;
        if (pr.formatted()) {
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < pr.args().size(); i++) {
                args.add(eval(pr.args().get(i)));
            }
            String fmt = rt.str(eval(pr.args().get(0)));
            StringBuilder error = new StringBuilder();
            text = AwkValues.sprintf(fmt, args, error);
            if (!error.isEmpty()) {
                rt.out.append(text);
                throw new AwkRuntime.RunError(error + "printf(\"" + fmt + "\")");
            }
        } else {
            List<String> parts = new ArrayList<>();
            if (pr.args().isEmpty()) {
                parts.add(rt.record());
            }
            for (Expr e : pr.args()) {
                Object v = eval(e);
                parts.add(v instanceof Double d ? AwkValues.number(d, rt.sv("OFMT")) : rt.str(v));
            }
            text = String.join(rt.sv("OFS"), parts) + rt.sv("ORS");
        }
        if (pr.redirect() == null) {
            rt.out.append(text);
        } else if (pr.redirect().equals("|")) {
            rt.pipe(rt.str(eval(pr.dest())), text);
        } else {
            rt.write(rt.str(eval(pr.dest())), text, pr.redirect().equals(">>"));
        }
    }

    // ---- expressions

    Object eval(Expr e) {
        if (e instanceof AwkNode.Num n) {
            return n.value();
        }
        if (e instanceof AwkNode.Str s) {
            return s.value();
        }
        if (e instanceof AwkNode.Re re) {
            return rt.regex(re.source()).matcher(rt.record()).find() ? 1.0 : 0.0;
        }
        if (e instanceof AwkNode.Var v) {
            return variable(v.name());
        }
        if (e instanceof AwkNode.Field f) {
            return rt.field((int) AwkValues.num(eval(f.index())));
        }
        if (e instanceof AwkNode.Index ix) {
            String k = key(ix.subscripts());
            return array(ix.array()).computeIfAbsent(k, x -> AwkValues.UNINIT);
        }
        if (e instanceof AwkNode.Assign a) {
            Object value = eval(a.value());
            if (a.op() != null) {
                value = arithmetic(a.op(), AwkValues.num(eval(a.target())), AwkValues.num(value));
            } else if (value instanceof java.util.Map) {
                throw new AwkRuntime.RunError("can't assign array");
            }
            assign(a.target(), value);
            return value;
        }
        if (e instanceof AwkNode.Cond c) {
            return AwkValues.truth(eval(c.test())) ? eval(c.yes()) : eval(c.no());
        }
        if (e instanceof AwkNode.Binary b) {
            return binary(b);
        }
        if (e instanceof AwkNode.Unary u) {
            Object v = eval(u.operand());
            return switch (u.op()) {
                case "!" -> AwkValues.truth(v) ? 0.0 : 1.0;
                case "-" -> -AwkValues.num(v);
                default -> AwkValues.num(v);
            };
        }
        if (e instanceof AwkNode.Match m) {
            boolean hit = pattern(m.regex()).matcher(rt.str(eval(m.subject()))).find();
            return hit != m.negate() ? 1.0 : 0.0;
        }
        if (e instanceof AwkNode.In in) {
            return array(in.array()).containsKey(key(in.subscripts())) ? 1.0 : 0.0;
        }
        if (e instanceof AwkNode.IncDec d) {
            double old = AwkValues.num(eval(d.target()));
            assign(d.target(), old + d.delta());
            return d.prefix() ? old + d.delta() : old;
        }
        if (e instanceof AwkNode.Call c) {
            return call(c);
        }
        if (e instanceof AwkNode.Builtin b) {
            return builtins.call(b.name(), b.args());
        }
        if (e instanceof AwkNode.Getline g) {
            return getline(g);
        }
        if (e instanceof AwkNode.Group g) {
            return eval(g.items().get(g.items().size() - 1));
        }
        throw new IllegalStateException("unknown node " + e);
    }

    /** A regex operand: a literal as is, any other value as a dynamic expression. */
    java.util.regex.Pattern pattern(Expr e) {
        return e instanceof AwkNode.Re re ? rt.regex(re.source()) : rt.regex(rt.str(eval(e)));
    }

    private Object binary(AwkNode.Binary b) {
        switch (b.op()) {
            case "&&" -> {
                return AwkValues.truth(eval(b.left())) && AwkValues.truth(eval(b.right())) ? 1.0 : 0.0;
            }
            case "||" -> {
                return AwkValues.truth(eval(b.left())) || AwkValues.truth(eval(b.right())) ? 1.0 : 0.0;
            }
            case " " -> {
                String l = rt.str(eval(b.left()));
                return l + rt.str(eval(b.right()));
            }
            case "<", "<=", "==", "!=", ">", ">=" -> {
                int c = AwkValues.compare(eval(b.left()), eval(b.right()), rt.sv("CONVFMT"));
                boolean r = switch (b.op()) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
                return r ? 1.0 : 0.0;
            }
            default -> {
                double l = AwkValues.num(eval(b.left()));
                return arithmetic(b.op(), l, AwkValues.num(eval(b.right())));
            }
        }
    }

    private static double arithmetic(String op, double l, double r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r; // mawk prints inf rather than failing
            case "%" -> l % r;
            default -> Math.pow(l, r);
        };
    }

    private Object variable(String name) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            return frame.get(name);
        }
        if (name.equals("NF")) {
            return (double) rt.nf();
        }
        return rt.globals.getOrDefault(name, AwkValues.UNINIT);
    }

    Map<String, Object> array(String name) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            Object v = frame.get(name);
            if (v instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) v;
                return m;
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            frame.put(name, m);
            return m;
        }
        return rt.array(name);
    }

    String key(List<Expr> subscripts) {
        List<String> parts = new ArrayList<>();
        for (Expr s : subscripts) {
            Object v = eval(s);
            parts.add(v instanceof Double d ? AwkValues.number(d, rt.sv("CONVFMT")) : rt.str(v));
        }
        return String.join(rt.sv("SUBSEP"), parts);
    }

    void assign(Expr target, Object value) {
        if (target instanceof AwkNode.Var v) {
            Map<String, Object> frame = frames.peek();
            if (frame != null && frame.containsKey(v.name())) {
                frame.put(v.name(), value);
            } else if (v.name().equals("NF")) {
                rt.setNf((int) AwkValues.num(value));
            } else {
                if (rt.globals.get(v.name()) instanceof Map) {
                    throw new AwkRuntime.RunError("can't assign to " + v.name() + "; it's an array name.");
                }
                rt.globals.put(v.name(), value);
            }
        } else if (target instanceof AwkNode.Field f) {
            rt.setField((int) AwkValues.num(eval(f.index())), rt.str(value));
        } else if (target instanceof AwkNode.Index ix) {
            array(ix.array()).put(key(ix.subscripts()), value);
        }
    }

    private Object call(AwkNode.Call c) {
        AwkNode.Function f = functions.get(c.name());
        if (f == null) {
            throw new AwkRuntime.RunError("function " + c.name() + " never defined");
        }
        Map<String, Object> frame = new HashMap<>();
        for (int i = 0; i < f.params().size(); i++) {
            Object v = AwkValues.UNINIT;
            if (i < c.args().size()) {
                Expr a = c.args().get(i);
                if (a instanceof AwkNode.Var var && variable(var.name()) instanceof Map<?, ?> m) {
                    v = m; // arrays go by reference
                } else {
                    v = eval(a);
                }
            }
            frame.put(f.params().get(i), v);
        }
        frames.push(frame);
        try {
            exec(f.body());
            return AwkValues.UNINIT;
        } catch (Jump j) {
            if (j.kind.equals("return")) {
                return j.value == null ? AwkValues.UNINIT : j.value;
            }
            throw j;
        } finally {
            frames.pop();
        }
    }

    private Object getline(AwkNode.Getline g) {
        String line;
        if (g.file() == null) {
            line = nextInput == null ? null : nextInput.get();
            if (line == null) {
                return 0.0;
            }
            rt.globals.put("NR", AwkValues.num(rt.globals.get("NR")) + 1);
            rt.globals.put("FNR", AwkValues.num(rt.globals.get("FNR")) + 1);
        } else {
            boolean[] missing = new boolean[1];
            line = rt.readLine(rt.str(eval(g.file())), missing);
            if (line == null) {
                return missing[0] ? -1.0 : 0.0;
            }
        }
        if (g.target() == null) {
            rt.setRecord(line);
        } else {
            assign(g.target(), new AwkValues.StrNum(line));
        }
        return 1.0;
    }

    /** Where plain {@code getline} reads: the main input's next line, or null at its end. */
    java.util.function.Supplier<String> nextInput;
}
