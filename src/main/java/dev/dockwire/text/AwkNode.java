package dev.dockwire.text;

import java.util.List;

/** An awk program's syntax tree: expressions, statements, pattern-action items and functions. */
interface AwkNode {
    /** Expressions. */
    interface Expr extends AwkNode {
    }

    record Num(double value) implements Expr {
    }

    record Str(String value) implements Expr {
    }

    /** A regular expression literal: as an operand it matches {@code $0}. */
    record Re(String source) implements Expr {
    }

    record Var(String name) implements Expr {
    }

    record Field(Expr index) implements Expr {
    }

    record Index(String array, List<Expr> subscripts) implements Expr {
    }

    /** {@code =} (op null) or {@code += -= *= /= %= ^=} (op the arithmetic operator). */
    record Assign(Expr target, String op, Expr value) implements Expr {
    }

    record Cond(Expr test, Expr yes, Expr no) implements Expr {
    }

    /** {@code && || < <= == != > >= + - * / % ^} and concatenation (op " "). */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code -x +x !x}. */
    record Unary(String op, Expr operand) implements Expr {
    }

    record Match(Expr subject, Expr regex, boolean negate) implements Expr {
    }

    record In(List<Expr> subscripts, String array) implements Expr {
    }

    record IncDec(Expr target, boolean prefix, int delta) implements Expr {
    }

    record Call(String name, List<Expr> args, int line) implements Expr {
    }

    record Builtin(String name, List<Expr> args) implements Expr {
    }

    /** {@code getline [VAR] [< FILE]}. */
    record Getline(Expr target, Expr file) implements Expr {
    }

    /** A parenthesised expression list ({@code (a, b) in arr}, {@code print (a, b)}). */
    record Group(List<Expr> items) implements Expr {
    }

    /** Statements. */
    interface Stmt extends AwkNode {
    }

    record Block(List<Stmt> body) implements Stmt {
    }

    record ExprStmt(Expr expr) implements Stmt {
    }

    /** {@code print}/{@code printf} with an optional {@code > >> |} destination. */
    record Print(boolean formatted, List<Expr> args, String redirect, Expr dest) implements Stmt {
    }

    record If(Expr test, Stmt then, Stmt otherwise) implements Stmt {
    }

    record While(Expr test, Stmt body, boolean doWhile) implements Stmt {
    }

    record For(Stmt init, Expr test, Stmt step, Stmt body) implements Stmt {
    }

    record ForIn(String var, String array, Stmt body) implements Stmt {
    }

    /** {@code next}, {@code break}, {@code continue}, {@code exit [E]}, {@code return [E]}. */
    record Jump(String kind, Expr value) implements Stmt {
    }

    record Delete(String array, List<Expr> subscripts) implements Stmt {
    }

    /** A pattern-action item: BEGIN/END (begin/end set), a pattern, a range (pattern and pattern2), or none. */
    final class Item {
        boolean begin;
        boolean end;
        Expr pattern;
        Expr pattern2;
        Stmt action;
        boolean inRange;
    }

    record Function(String name, List<String> params, Stmt body) {
    }
}
