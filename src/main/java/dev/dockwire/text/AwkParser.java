package dev.dockwire.text;

import dev.dockwire.text.AwkLexer.Token;
import dev.dockwire.text.AwkLexer.Type;
import dev.dockwire.text.AwkNode.Expr;
import dev.dockwire.text.AwkNode.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The awk grammar (POSIX awk's, as mawk's parse.y accepts it) by recursive descent: items,
 * statements, and expressions by precedence from assignment and {@code ?:} down to {@code $};
 * in {@code print}'s list a bare {@code >} is the redirection. Errors are mawk's
 * ({@code syntax error at or near X}, {@code missing } near end of file}).
 */
final class AwkParser {
    final List<AwkNode.Item> items = new ArrayList<>();
    final Map<String, AwkNode.Function> functions = new LinkedHashMap<>();
    private final List<Token> toks;
    private int p;
    private int noGt; // inside print's list, outside parentheses
    private boolean noIn;

    private AwkParser(List<Token> toks) {
        this.toks = toks;
    }

    static AwkParser parse(String program) throws AwkError {
        AwkParser parser = new AwkParser(AwkLexer.tokens(program));
        parser.program();
        return parser;
    }

    private Token peek() {
        return toks.get(p);
    }

    private Token next() {
        return toks.get(p++);
    }

    private boolean at(String s) {
        return peek().is(s);
    }

    private boolean accept(String s) {
        if (at(s)) {
            p++;
            return true;
        }
        return false;
    }

    private AwkError error() {
        Token t = peek();
        if (t.type() == Type.EOF) {
            return new AwkError(t.line(), "syntax error at or near end of file");
        }
        String near = switch (t.type()) {
            case NEWLINE -> "end of line";
            case STRING -> "\"" + t.text() + "\"";
            case ERE -> "/" + t.text() + "/";
            default -> t.text();
        };
        return new AwkError(t.line(), "syntax error at or near " + near);
    }

    private void expect(String s) throws AwkError {
        if (!accept(s)) {
            if (peek().type() == Type.EOF && (s.equals("}") || s.equals(")"))) {
                throw new AwkError(peek().line(), "missing " + s + " near end of file");
            }
            if (s.equals(")") && (peek().type() == Type.NEWLINE || at("}"))) {
                throw new AwkError(peek().line(), "missing ) near " + (at("}") ? "}" : "end of line"));
            }
            throw error();
        }
    }

    private void newlines() {
        while (peek().type() == Type.NEWLINE) {
            p++;
        }
    }

    private void terminators() {
        while (peek().type() == Type.NEWLINE || at(";")) {
            p++;
        }
    }

    private void program() throws AwkError {
        terminators();
        while (peek().type() != Type.EOF) {
            if (at("}")) {
                throw new AwkError(peek().line(), "extra '}'");
            }
            item();
            terminators();
        }
    }

    private void item() throws AwkError {
        if (accept("function")) {
            Token name = next();
            if (name.type() != Type.NAME && name.type() != Type.FUNC_NAME) {
                p--;
                throw error();
            }
            expect("(");
            List<String> params = new ArrayList<>();
            while (!at(")")) {
                Token t = next();
                if (t.type() != Type.NAME) {
                    p--;
                    throw error();
                }
                params.add(t.text());
                if (!accept(",")) {
                    break;
                }
                newlines();
            }
            expect(")");
            newlines();
            functions.put(name.text(), new AwkNode.Function(name.text(), params, block()));
            return;
        }
        AwkNode.Item item = new AwkNode.Item();
        if (accept("BEGIN")) {
            item.begin = true;
        } else if (accept("END")) {
            item.end = true;
        } else if (!at("{")) {
            item.pattern = expr();
            if (accept(",")) {
                newlines();
                item.pattern2 = expr();
            }
        }
        if (at("{")) {
            item.action = block();
        } else if (item.begin || item.end) {
            throw error();
        }
        items.add(item);
    }

    private Stmt block() throws AwkError {
        expect("{");
        List<Stmt> body = new ArrayList<>();
        terminators();
        while (!at("}")) {
            if (peek().type() == Type.EOF) {
                throw new AwkError(peek().line(), "missing } near end of file");
            }
            body.add(statement());
            terminators();
        }
        p++;
        return new AwkNode.Block(body);
    }

    /** A statement; simple ones end at {@code ;}, a newline, or before {@code }}. */
    private Stmt statement() throws AwkError {
        if (at("{")) {
            return block();
        }
        if (accept("if")) {
            expect("(");
            Expr test = expr();
            expect(")");
            newlines();
            Stmt then = bodyStatement();
            int save = p;
            terminators();
            if (accept("else")) {
                newlines();
                return new AwkNode.If(test, then, bodyStatement());
            }
            p = save;
            return new AwkNode.If(test, then, null);
        }
        if (accept("while")) {
            expect("(");
            Expr test = expr();
            expect(")");
            if (at(";")) {
                p++;
                return new AwkNode.While(test, new AwkNode.Block(List.of()), false);
            }
            newlines();
            return new AwkNode.While(test, bodyStatement(), false);
        }
        if (accept("do")) {
            newlines();
            Stmt body = bodyStatement();
            terminators();
            if (!accept("while")) {
                throw error();
            }
            expect("(");
            Expr test = expr();
            expect(")");
            end();
            return new AwkNode.While(test, body, true);
        }
        if (accept("for")) {
            return forStatement();
        }
        if (at(";")) {
            p++;
            return new AwkNode.Block(List.of());
        }
        Stmt s = simple();
        end();
        return s;
    }

    private Stmt bodyStatement() throws AwkError {
        if (at(";")) {
            p++;
            return new AwkNode.Block(List.of());
        }
        return statement();
    }

    private void end() throws AwkError {
        if (at(";") || peek().type() == Type.NEWLINE) {
            p++;
        } else if (!at("}") && peek().type() != Type.EOF) {
            throw error();
        }
    }

    private Stmt forStatement() throws AwkError {
        expect("(");
        if (peek().type() == Type.NAME && toks.get(p + 1).is("in") && toks.get(p + 2).type() == Type.NAME && toks.get(p + 3).is(")")) {
            String var = next().text();
            p++;
            String array = next().text();
            p++;
            newlines();
            return new AwkNode.ForIn(var, array, bodyStatement());
        }
        Stmt init = at(";") ? null : simple();
        expect(";");
        newlines();
        Expr test = at(";") ? null : expr();
        expect(";");
        newlines();
        Stmt step = at(")") ? null : simple();
        expect(")");
        if (at(";")) {
            p++;
            return new AwkNode.For(init, test, step, new AwkNode.Block(List.of()));
        }
        newlines();
        return new AwkNode.For(init, test, step, bodyStatement());
    }

    private Stmt simple() throws AwkError {
        if (at("print") || at("printf")) {
            boolean formatted = next().text().equals("printf");
            List<Expr> args = new ArrayList<>();
            noGt++;
            try {
                if (!at(";") && !at("}") && !at(">") && !at(">>") && !at("|") && peek().type() != Type.NEWLINE && peek().type() != Type.EOF) {
                    args.add(expr());
                    while (accept(",")) {
                        newlines();
                        args.add(expr());
                    }
                }
            } finally {
                noGt--;
            }
            if (args.size() == 1 && args.get(0) instanceof AwkNode.Group g) {
                args = g.items();
            }
            String redirect = null;
            Expr dest = null;
            if (at(">") || at(">>") || at("|")) {
                redirect = next().text();
                noGt++;
                try {
                    dest = concat();
                } finally {
                    noGt--;
                }
            }
            if (formatted && args.isEmpty()) {
                throw error();
            }
            return new AwkNode.Print(formatted, args, redirect, dest);
        }
        if (accept("next") || accept("nextfile")) {
            return new AwkNode.Jump("next", null);
        }
        if (accept("break")) {
            return new AwkNode.Jump("break", null);
        }
        if (accept("continue")) {
            return new AwkNode.Jump("continue", null);
        }
        if (at("exit") || at("return")) {
            String kind = next().text();
            Expr value = at(";") || at("}") || peek().type() == Type.NEWLINE || peek().type() == Type.EOF ? null : expr();
            return new AwkNode.Jump(kind, value);
        }
        if (accept("delete")) {
            Token name = next();
            if (name.type() != Type.NAME) {
                p--;
                throw error();
            }
            return new AwkNode.Delete(name.text(), accept("[") ? subscripts() : null);
        }
        return new AwkNode.ExprStmt(expr());
    }

    private List<Expr> subscripts() throws AwkError {
        List<Expr> subs = new ArrayList<>();
        int saveGt = noGt;
        noGt = 0;
        subs.add(expr());
        while (accept(",")) {
            subs.add(expr());
        }
        noGt = saveGt;
        expect("]");
        return subs;
    }

    Expr expr() throws AwkError {
        Expr left = ternary();
        if (peek().type() == Type.PUNCT && List.of("=", "+=", "-=", "*=", "/=", "%=", "^=").contains(peek().text())) {
            if (!(left instanceof AwkNode.Var || left instanceof AwkNode.Field || left instanceof AwkNode.Index)) {
                throw error();
            }
            String op = next().text();
            newlines();
            return new AwkNode.Assign(left, op.equals("=") ? null : op.substring(0, 1), expr());
        }
        return left;
    }

    private Expr ternary() throws AwkError {
        Expr test = or();
        if (accept("?")) {
            newlines();
            Expr yes = expr();
            newlines();
            expect(":");
            newlines();
            return new AwkNode.Cond(test, yes, expr());
        }
        return test;
    }

    private Expr or() throws AwkError {
        Expr left = and();
        while (accept("||")) {
            newlines();
            left = new AwkNode.Binary("||", left, and());
        }
        return left;
    }

    private Expr and() throws AwkError {
        Expr left = in();
        while (accept("&&")) {
            newlines();
            left = new AwkNode.Binary("&&", left, in());
        }
        return left;
    }

    private Expr in() throws AwkError {
        Expr left = match();
        while (!noIn && at("in")) {
            p++;
            Token name = next();
            if (name.type() != Type.NAME) {
                p--;
                throw error();
            }
            left = new AwkNode.In(left instanceof AwkNode.Group g ? g.items() : List.of(left), name.text());
        }
        return left;
    }

    private Expr match() throws AwkError {
        Expr left = comparison();
        while (at("~") || at("!~")) {
            boolean negate = next().text().equals("!~");
            left = new AwkNode.Match(left, comparison(), negate);
        }
        return left;
    }

    private Expr comparison() throws AwkError {
        Expr left = concat();
        Token t = peek();
        if (t.type() == Type.PUNCT && List.of("<", "<=", "==", "!=", ">=").contains(t.text()) || at(">") && noGt == 0) {
            p++;
            return new AwkNode.Binary(t.text(), left, concat());
        }
        return left;
    }

    private boolean startsOperand() {
        Token t = peek();
        return switch (t.type()) {
            case NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN -> true;
            case PUNCT -> t.text().equals("$") || t.text().equals("(") || t.text().equals("!") || t.text().equals("-")
                    || t.text().equals("+") || t.text().equals("++") || t.text().equals("--");
            default -> false;
        };
    }

    private Expr concat() throws AwkError {
        Expr left = additive();
        while (startsOperand() && !at("-") && !at("+") && !at("!")) {
            left = new AwkNode.Binary(" ", left, additive());
        }
        return left;
    }

    private Expr additive() throws AwkError {
        Expr left = multiplicative();
        while (at("+") || at("-")) {
            String op = next().text();
            left = new AwkNode.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() throws AwkError {
        Expr left = unary();
        while (at("*") || at("/") || at("%")) {
            String op = next().text();
            left = new AwkNode.Binary(op, left, unary());
        }
        return left;
    }

    private Expr unary() throws AwkError {
        if (at("!") || at("-") || at("+")) {
            String op = next().text();
            return new AwkNode.Unary(op, unary());
        }
        return power();
    }

    private Expr power() throws AwkError {
        Expr base = postfix();
        if (accept("^")) {
            return new AwkNode.Binary("^", base, at("-") || at("+") || at("!") ? unary() : power()); // right-associative
        }
        return base;
    }

    private Expr postfix() throws AwkError {
        if (at("++") || at("--")) {
            int delta = next().text().equals("++") ? 1 : -1;
            return new AwkNode.IncDec(lvalue(primary()), true, delta);
        }
        Expr e = primary();
        if ((e instanceof AwkNode.Var || e instanceof AwkNode.Field || e instanceof AwkNode.Index) && (at("++") || at("--"))) {
            return new AwkNode.IncDec(e, false, next().text().equals("++") ? 1 : -1);
        }
        return e;
    }

    private Expr lvalue(Expr e) throws AwkError {
        if (e instanceof AwkNode.Var || e instanceof AwkNode.Field || e instanceof AwkNode.Index) {
            return e;
        }
        throw error();
    }

    private Expr primary() throws AwkError {
        Token t = next();
        switch (t.type()) {
            case NUMBER:
                return new AwkNode.Num(t.number());
            case STRING:
                return new AwkNode.Str(t.text());
            case ERE:
                return new AwkNode.Re(t.text());
            case NAME:
                if (at("[")) {
                    p++;
                    return new AwkNode.Index(t.text(), subscripts());
                }
                return new AwkNode.Var(t.text());
            case FUNC_NAME:
                return new AwkNode.Call(t.text(), arguments(), t.line());
            case BUILTIN:
                if (!at("(")) {
                    if (t.text().equals("length")) {
                        return new AwkNode.Builtin("length", List.of());
                    }
                    p--;
                    throw error();
                }
                return new AwkNode.Builtin(t.text(), arguments());
            case KEYWORD:
                if (t.text().equals("getline")) {
                    Expr target = peek().type() == Type.NAME || at("$") ? lvalue(primary()) : null;
                    Expr file = null;
                    if (accept("<")) {
                        file = primary();
                    }
                    return new AwkNode.Getline(target, file);
                }
                break;
            case PUNCT:
                if (t.text().equals("$")) {
                    Token n = peek();
                    if (n.is("++") || n.is("--") || n.is("-")) {
                        return new AwkNode.Field(postfix());
                    }
                    return new AwkNode.Field(primary());
                }
                if (t.text().equals("(")) {
                    int saveGt = noGt;
                    boolean saveIn = noIn;
                    noGt = 0;
                    noIn = false;
                    List<Expr> list = new ArrayList<>();
                    list.add(expr());
                    while (accept(",")) {
                        newlines();
                        list.add(expr());
                    }
                    noGt = saveGt;
                    noIn = saveIn;
                    expect(")");
                    return list.size() == 1 && !at("in") ? list.get(0) : new AwkNode.Group(list);
                }
                break;
            default:
                break;
        }
        p--;
        throw error();
    }


    private List<Expr> arguments() throws AwkError {
        expect("(");
        int saveGt = noGt;
        noGt = 0;
        List<Expr> args = new ArrayList<>();
        newlines();
        while (!at(")")) {
            if (at("}") || peek().type() == Type.EOF) {
                expect(")");
            }
            args.add(expr());
            newlines();
            if (!accept(",")) {
                break;
            }
            newlines();
        }
        noGt = saveGt;
        expect(")");
        return args;
    }
}
