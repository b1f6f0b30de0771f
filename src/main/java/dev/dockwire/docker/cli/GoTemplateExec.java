package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import dev.dockwire.docker.cli.GoTemplateFuncs.Func;
import dev.dockwire.docker.cli.GoTemplateFuncs.Param;
import dev.dockwire.docker.cli.GoTemplateTree.ActionNode;
import dev.dockwire.docker.cli.GoTemplateTree.BoolNode;
import dev.dockwire.docker.cli.GoTemplateTree.BreakNode;
import dev.dockwire.docker.cli.GoTemplateTree.ChainNode;
import dev.dockwire.docker.cli.GoTemplateTree.CommandNode;
import dev.dockwire.docker.cli.GoTemplateTree.ContinueNode;
import dev.dockwire.docker.cli.GoTemplateTree.DotNode;
import dev.dockwire.docker.cli.GoTemplateTree.FieldNode;
import dev.dockwire.docker.cli.GoTemplateTree.IdentifierNode;
import dev.dockwire.docker.cli.GoTemplateTree.IfNode;
import dev.dockwire.docker.cli.GoTemplateTree.ListNode;
import dev.dockwire.docker.cli.GoTemplateTree.NilNode;
import dev.dockwire.docker.cli.GoTemplateTree.Node;
import dev.dockwire.docker.cli.GoTemplateTree.NumberNode;
import dev.dockwire.docker.cli.GoTemplateTree.PipeNode;
import dev.dockwire.docker.cli.GoTemplateTree.RangeNode;
import dev.dockwire.docker.cli.GoTemplateTree.StringNode;
import dev.dockwire.docker.cli.GoTemplateTree.TemplateNode;
import dev.dockwire.docker.cli.GoTemplateTree.TextNode;
import dev.dockwire.docker.cli.GoTemplateTree.VariableNode;
import dev.dockwire.docker.cli.GoTemplateTree.WithNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * text/template's execution (Go's text/template/exec.go) of a parsed template over the values a
 * docker command hands it: fields of structs ({@link GoStruct}, a list's {@link ListFormat.Row}
 * with its methods) and maps, variables, if/with/range with else, break and continue, pipelines
 * with each function's argument checks, and errors worded as Go words them with the node they
 * happened at ({@code template: :1:2: executing "" at <lt .A 1.5>: error calling lt: ...}).
 * {@code raw} executes as docker inspect's fallback does: over the JSON decoded into {@code
 * map[string]interface {}} with {@code UseNumber} and {@code missingkey=error}.
 */
final class GoTemplateExec {
    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    private static final Break BREAK = new Break();
    private static final Continue CONTINUE = new Continue();
    /** No final value piped into a command (exec.go missingVal). */
    private static final Object MISSING = new Object();

    private final String name;
    private final String text;
    private final Map<String, Func> funcs;
    private final Map<String, ListNode> defined;
    private final boolean raw;
    /** Inspect's typed run: a field its struct lacks fails it, so the raw run answers as docker inspect's fallback does. */
    private final boolean strict;
    private final StringBuilder out = new StringBuilder();
    private final List<String> varNames = new ArrayList<>();
    private final List<Object> varValues = new ArrayList<>();
    private Node node;

    GoTemplateExec(String name, String text, Map<String, Func> funcs, Map<String, ListNode> defined, boolean raw, boolean strict) {
        this.strict = strict;
        this.name = name;
        this.text = text;
        this.funcs = funcs;
        this.defined = defined;
        this.raw = raw;
    }

    /** What the template prints over {@code data}. */
    String execute(ListNode root, Object data) {
        varNames.add("$");
        varValues.add(data);
        walk(data, root);
        return out.toString();
    }

    private GoTemplate.ExecError error(String message) {
        if (node == null) {
            return new GoTemplate.ExecError("template: " + name + ": " + message, out.toString());
        }
        int pos = Math.min(node.pos(), text.length());
        String before = text.substring(0, pos);
        int nl = before.lastIndexOf('\n');
        int col = nl < 0 ? pos : pos - nl - 1;
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        return new GoTemplate.ExecError("template: " + name + ":" + line + ":" + col + ": executing " + GoQuote.quote(name)
                + " at <" + node + ">: " + message, out.toString());
    }

    private void walk(Object dot, Node n) {
        node = n;
        if (n instanceof ActionNode a) {
            Object v = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                node = a;
                out.append(v == null ? "<no value>" : GoFmt.value(v));
            }
        } else if (n instanceof BreakNode) {
            throw BREAK;
        } else if (n instanceof ContinueNode) {
            throw CONTINUE;
        } else if (n instanceof IfNode i) {
            ifOrWith(false, dot, i.pipe(), i.list(), i.elseList());
        } else if (n instanceof WithNode w) {
            ifOrWith(true, dot, w.pipe(), w.list(), w.elseList());
        } else if (n instanceof ListNode l) {
            l.nodes().forEach(x -> walk(dot, x));
        } else if (n instanceof RangeNode r) {
            range(dot, r);
        } else if (n instanceof TemplateNode t) {
            template(dot, t);
        } else if (n instanceof TextNode t) {
            out.append(t.text());
        } else {
            throw error("unknown node: " + n);
        }
    }

    /** {{template "name" pipeline}}: a defined template over the pipeline's value, with only {@code $} as its variable. */
    private void template(Object dot, TemplateNode t) {
        ListNode body = defined.get(t.name());
        if (body == null) {
            throw error("template " + GoQuote.quote(t.name()) + " not defined");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        List<String> savedNames = new ArrayList<>(varNames);
        List<Object> savedValues = new ArrayList<>(varValues);
        varNames.clear();
        varValues.clear();
        varNames.add("$");
        varValues.add(newDot);
        walk(newDot, body);
        varNames.clear();
        varValues.clear();
        varNames.addAll(savedNames);
        varValues.addAll(savedValues);
    }

    private void pop(int mark) {
        while (varNames.size() > mark) {
            varNames.remove(varNames.size() - 1);
            varValues.remove(varValues.size() - 1);
        }
    }

    private void ifOrWith(boolean with, Object dot, PipeNode pipe, ListNode list, ListNode elseList) {
        int mark = varNames.size();
        Object v = evalPipeline(dot, pipe);
        if (GoValue.truth(v)) {
            walk(with ? v : dot, list);
        } else if (elseList != null) {
            walk(dot, elseList);
        }
        pop(mark);
    }

    private void range(Object dot, RangeNode r) {
        node = r;
        int mark = varNames.size();
        Object val = evalPipeline(dot, r.pipe());
        int inner = varNames.size();
        List<Object[]> items = new ArrayList<>();
        if (val instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                items.add(new Object[] {i, l.get(i)});
            }
        } else if (val instanceof Integer || val instanceof Long) {
            if (r.pipe().decl().size() > 1) {
                throw error("can't use " + val + " to iterate over more than one variable");
            }
            for (long i = 0; i < ((Number) val).longValue(); i++) {
                Object v = val instanceof Integer ? (Object) (int) i : (Object) i;
                items.add(new Object[] {v, v});
            }
        } else if (val instanceof Map<?, ?> m && !(val instanceof GoStruct) && !(val instanceof ListFormat.Row)) {
            new java.util.TreeMap<>(m).forEach((k, v) -> items.add(new Object[] {k, v}));
        } else if (val != null && !(val instanceof GoValue.GoNil)) {
            throw error("range can't iterate over " + GoFmt.value(val));
        }
        for (Object[] item : items) {
            List<VariableNode> decl = r.pipe().decl();
            if (!decl.isEmpty()) {
                if (r.pipe().isAssign()) {
                    setVar(decl.get(0).ident().get(0), decl.size() > 1 ? item[0] : item[1]);
                    if (decl.size() > 1) {
                        setVar(decl.get(1).ident().get(0), item[1]);
                    }
                } else {
                    varValues.set(inner - 1, item[1]);
                    if (decl.size() > 1) {
                        varValues.set(inner - 2, item[0]);
                    }
                }
            }
            try {
                walk(item[1], r.list());
            } catch (Continue c) {
                // the next item
            } catch (Break b) {
                break;
            } finally {
                pop(inner);
            }
        }
        if (items.isEmpty() && r.elseList() != null) {
            walk(dot, r.elseList());
        }
        pop(mark);
    }

    private Object evalPipeline(Object dot, PipeNode pipe) {
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value);
            } else {
                varNames.add(v.ident().get(0));
                varValues.add(value);
            }
        }
        return value;
    }

    private void setVar(String var, Object value) {
        for (int i = varNames.size() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(var)) {
                varValues.set(i, value);
                return;
            }
        }
        throw error("undefined variable: " + var);
    }

    private Object varValue(String var) {
        for (int i = varNames.size() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(var)) {
                return varValues.get(i);
            }
        }
        throw error("undefined variable: " + var);
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            node = f;
            return evalFieldChain(dot, dot, f, f.ident(), cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChain(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariable(dot, v, cmd.args(), fin);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw error("nil is not a command");
        }
        if (first instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (first instanceof StringNode str) {
            return str.text();
        }
        throw error("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    /** exec.go idealConstant: a constant with a point or exponent is a float64, else an int. */
    private Object idealConstant(NumberNode n) {
        node = n;
        boolean rune = n.text().startsWith("'");
        boolean hex = n.text().matches("[+-]?0[xX].*");
        if (n.isFloat() && !rune && !hex && n.text().matches(".*[.eEpP].*")) {
            return n.floatValue();
        }
        if (n.isInt()) {
            if (n.intValue() != (int) n.intValue()) {
                throw error(n.text() + " overflows int");
            }
            return (int) n.intValue();
        }
        return n.floatValue();
    }

    private Object evalChain(Object dot, ChainNode c, List<Node> args, Object fin) {
        node = c;
        if (c.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + c);
        }
        Object pipe = evalArg(dot, null, c.node());
        return evalFieldChain(dot, pipe, c, c.fields(), args, fin);
    }

    private Object evalVariable(Object dot, VariableNode v, List<Node> args, Object fin) {
        node = v;
        Object value = varValue(v.ident().get(0));
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
        boolean root = receiver == varValues.get(0);
        for (int i = 0; i < ident.size() - 1; i++) {
            receiver = evalField(dot, ident.get(i), n, List.of(), MISSING, receiver, root && i == 0);
        }
        return evalField(dot, ident.get(ident.size() - 1), n, args, fin, receiver, root && ident.size() == 1);
    }

    private Object evalField(Object dot, String field, Node n, List<Node> args, Object fin, Object receiver, boolean root) {
        if (receiver == null) {
            if (raw) {
                throw error("nil data; no entry for key " + GoQuote.quote(field));
            }
            return null;
        }
        boolean hasArgs = args.size() > 1 || fin != MISSING;
        String type = raw && !root ? "interface {}" : GoValue.typeName(receiver, raw);
        if (receiver instanceof ListFormat.Row row) {
            if (row.function(field) != null) { // a method of the row with its argument: {{.Label "k"}}
                List<Object> argv = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    argv.add(evalArg(dot, Param.STRING, args.get(i)));
                }
                if (fin != MISSING) {
                    argv.add(validate(fin, Param.STRING));
                }
                if (argv.size() != 1) {
                    node = n;
                    throw error("wrong number of args for " + field + ": want 1 got " + argv.size());
                }
                return row.function(field).apply((String) argv.get(0));
            }
            if (row.containsKey(field)) {
                if (hasArgs) {
                    throw error("wrong number of args for " + field + ": want 0 got " + (args.size() - 1 + (fin != MISSING ? 1 : 0)));
                }
                return row.get(field);
            }
            if (row.goType() == null) {
                return null;
            }
            throw error("can't evaluate field " + field + " in type " + type);
        }
        if (receiver instanceof GoStruct s) {
            if (s.has(field)) {
                if (hasArgs) {
                    throw error(field + " has arguments but cannot be invoked as function");
                }
                return s.field(field);
            }
            if (s.goType() == null && !strict) {
                return null;
            }
            throw error("can't evaluate field " + field + " in type " + type);
        }
        if (receiver instanceof Map<?, ?> m) {
            if (hasArgs) {
                throw error(field + " is not a method but has arguments");
            }
            Object v = m.get(field);
            if (v == null && !m.containsKey(field) && (raw || strict && root && structLike(m))) {
                throw error(raw ? "map has no entry for key " + GoQuote.quote(field) : "can't evaluate field " + field + " in type " + type);
            }
            return v;
        }
        if (receiver instanceof GoValue.GoNil nil && nil.kind() == GoValue.Kind.PTR) {
            throw error("nil pointer evaluating " + type + "." + field);
        }
        throw error("can't evaluate field " + field + " in type " + type);
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        node = id;
        Func f = funcs.get(id.name());
        if (f == null) {
            throw error(GoQuote.quote(id.name()) + " is not a defined function");
        }
        return evalCall(dot, f, cmd, id.name(), args, fin);
    }

    private Object evalCall(Object dot, Func f, Node cmd, String fname, List<Node> all, Object fin) {
        List<Node> args = all.isEmpty() ? all : all.subList(1, all.size());
        int numIn = args.size() + (fin != MISSING ? 1 : 0);
        int numFixed = args.size();
        if (f.variadic()) {
            numFixed = f.params().size() - 1;
            if (numIn < numFixed) {
                throw error("wrong number of args for " + fname + ": want at least " + numFixed + " got " + args.size());
            }
        } else if (numIn != f.params().size()) {
            throw error("wrong number of args for " + fname + ": want " + f.params().size() + " got " + numIn);
        }
        if (f.builtin() && (fname.equals("and") || fname.equals("or"))) {
            Object v = null;
            for (Node a : args) {
                v = evalArg(dot, Param.VALUE, a);
                if (GoValue.truth(v) == fname.equals("or")) {
                    return v;
                }
            }
            return fin != MISSING ? fin : v;
        }
        if (f.builtin() && fname.equals("call")) { // funcs.go call: nothing a docker object holds is a func
            Object fn = evalArg(dot, Param.VALUE, args.get(0));
            node = cmd;
            throw error("error calling call: " + (fn == null ? "call of nil" : "non-function " + args.get(0) + " of type " + GoValue.typeName(fn, raw)));
        }
        List<Object> argv = new ArrayList<>();
        int i = 0;
        for (; i < numFixed && i < args.size(); i++) {
            argv.add(evalArg(dot, f.params().get(i), args.get(i)));
        }
        if (f.variadic()) {
            Param p = f.params().get(f.params().size() - 1);
            for (; i < args.size(); i++) {
                argv.add(evalArg(dot, p, args.get(i)));
            }
        }
        if (fin != MISSING) {
            Param p = f.variadic() && numIn - 1 >= numFixed ? f.params().get(f.params().size() - 1) : f.params().get(numIn - 1);
            argv.add(validate(fin, p));
        }
        try {
            return f.impl().call(argv);
        } catch (GoTemplateFuncs.Failure e) {
            node = cmd;
            throw error("error calling " + fname + ": " + e.getMessage());
        }
    }

    /** exec.go evalArg: a node evaluated as a parameter of type {@code p} (null: any value). */
    private Object evalArg(Object dot, Param p, Node n) {
        node = n;
        if (n instanceof DotNode) {
            return validate(dot, p);
        }
        if (n instanceof NilNode) {
            if (p == null || p == Param.VALUE || p == Param.ANY || p == Param.STRINGS) {
                return null;
            }
            throw error("cannot assign nil to " + p.goName);
        }
        if (n instanceof FieldNode f) {
            return validate(evalFieldChain(dot, dot, f, f.ident(), List.of(n), MISSING), p);
        }
        if (n instanceof VariableNode v) {
            return validate(evalVariable(dot, v, List.of(), MISSING), p);
        }
        if (n instanceof PipeNode pipe) {
            return validate(evalPipeline(dot, pipe), p);
        }
        if (n instanceof IdentifierNode id) {
            return validate(evalFunction(dot, id, id, List.of(), MISSING), p);
        }
        if (n instanceof ChainNode c) {
            return validate(evalChain(dot, c, List.of(), MISSING), p);
        }
        if (p == Param.STRING) {
            if (n instanceof StringNode s) {
                return s.text();
            }
            throw error("expected string; found " + n);
        }
        if (p == Param.INT) {
            if (n instanceof NumberNode num && num.isInt()) {
                return (int) num.intValue();
            }
            throw error("expected integer; found " + n);
        }
        if (p == Param.STRINGS) {
            throw error("can't handle " + n + " for arg of type []string");
        }
        if (n instanceof BoolNode b) {
            return b.value();
        }
        if (n instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof StringNode str) {
            return str.text();
        }
        throw error("can't handle " + n);
    }

    /** exec.go validateType: a value given to a parameter of type {@code p}. */
    private Object validate(Object v, Param p) {
        if (p == null || p == Param.VALUE || p == Param.ANY) {
            return v;
        }
        if (v == null) {
            if (p == Param.STRINGS) {
                return List.of();
            }
            throw error("invalid value; expected " + p.goName);
        }
        boolean ok = switch (p) {
            case STRING -> v instanceof String;
            case INT -> v instanceof Integer;
            case STRINGS -> v instanceof List<?> l && !(v instanceof GoValue.RawList) && l.stream().allMatch(o -> o instanceof String)
                    || v instanceof GoValue.GoNil g && g.kind() == GoValue.Kind.SLICE;
            default -> true;
        };
        if (!ok) {
            throw error("wrong type for value; expected " + p.goName + "; got " + GoValue.typeName(v, raw));
        }
        return v instanceof GoValue.GoNil ? List.of() : v;
    }

    /** A map standing for a Go struct (the inspect object itself): every key a Go field's name. */
    private static boolean structLike(Map<?, ?> m) {
        return !m.isEmpty() && m.keySet().stream().allMatch(k -> k instanceof String s && !s.isEmpty() && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z');
    }
}
