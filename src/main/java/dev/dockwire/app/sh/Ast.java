package dev.dockwire.app.sh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell's syntax tree (POSIX XCU 2.10 "Shell Grammar"): words made of parts, simple commands,
 * pipelines, and-or lists, lists, and the compound commands. {@link #show} prints a tree as an
 * S-expression, which the golden parse tests compare.
 */
public final class Ast {
    private Ast() {
    }

    /** A piece of a word: literal text or an expansion, and whether double quotes protect it from field splitting. */
    public sealed interface Part permits Lit, Param, CmdSub, Arith {
    }

    /** Literal text; {@code quoted} text is not split and globbing would not touch it. */
    public record Lit(String text, boolean quoted) implements Part {
    }

    /**
     * {@code $NAME}, {@code ${NAME}}, {@code ${NAME<op>word}} ({@code op} one of {@code :- - := = :+ + :? ? % %% # ##},
     * or {@code len} for {@code ${#NAME}}, null for none).
     */
    public record Param(String name, String op, Word arg, boolean quoted) implements Part {
    }

    /** {@code $(...)} or backticks. */
    public record CmdSub(Cmd body, boolean quoted) implements Part {
    }

    /** {@code $((...))}: the expression is a word expanded first, then evaluated. */
    public record Arith(Word expr, boolean quoted) implements Part {
    }

    /** One word of a command line. */
    public record Word(List<Part> parts) {
        /** The word's text when it is all unquoted literal (a reserved word, a name), else null. */
        public String plain() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Lit l) || l.quoted()) {
                    return null;
                }
                sb.append(l.text());
            }
            return sb.toString();
        }

        /** Whether any part was quoted (an empty {@code ""} is still a word). */
        public boolean anyQuoted() {
            return parts.stream().anyMatch(p -> p instanceof Lit l && l.quoted());
        }
    }

    /**
     * A redirection of file descriptor {@code fd}: {@code op} is {@code > >> < >& <& <<}; for a
     * here-document {@code target} is its body and {@code expand} says whether it undergoes expansion.
     */
    public record Redir(int fd, String op, Word target, boolean expand) {
    }

    /** {@code NAME=value}. */
    public record Assign(String name, Word value) {
    }

    /** Every command node. */
    public sealed interface Cmd permits Simple, Pipeline, AndOr, Seq, Group, Subshell, If, Loop, For, Case, FuncDef,
            Redirected {
    }

    /** A simple command; {@code line} is its line in the script (dash's and bash's messages number it). */
    public record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs, int line) implements Cmd {
    }

    /** {@code [!] a | b | c}. */
    public record Pipeline(boolean bang, List<Cmd> stages) implements Cmd {
    }

    /** {@code left && right} ({@code and}) or {@code left || right}. */
    public record AndOr(Cmd left, boolean and, Cmd right) implements Cmd {
    }

    /** One command of a list and whether {@code &} sends it to the background. */
    public record Item(Cmd cmd, boolean background) {
    }

    /** {@code a; b & c}. */
    public record Seq(List<Item> items) implements Cmd {
    }

    /** {@code { ...; }}. */
    public record Group(Cmd body) implements Cmd {
    }

    /** {@code ( ... )}: a copy of the shell runs it, so its assignments and {@code cd} stay inside. */
    public record Subshell(Cmd body) implements Cmd {
    }

    /** {@code if c1; then t1; elif c2; then t2; else e; fi}; {@code orElse} may be null. */
    public record If(List<Cmd> conditions, List<Cmd> branches, Cmd orElse) implements Cmd {
    }

    /** {@code while cond; do body; done}, or {@code until} when {@code until}. */
    public record Loop(boolean until, Cmd cond, Cmd body) implements Cmd {
    }

    /** {@code for name [in words]; do body; done}; {@code words} null means {@code "$@"}. */
    public record For(String name, List<Word> words, Cmd body) implements Cmd {
    }

    /** One {@code pattern|pattern) body ;;} of a case. */
    public record CaseItem(List<Word> patterns, Cmd body) {
    }

    /** {@code case word in ... esac}. */
    public record Case(Word subject, List<CaseItem> items) implements Cmd {
    }

    /** {@code name() compound}. */
    public record FuncDef(String name, Cmd body) implements Cmd {
    }

    /** A compound command with redirections after it ({@code while ...; done > log}). */
    public record Redirected(Cmd body, List<Redir> redirs) implements Cmd {
    }

    /** The tree as an S-expression: {@code (seq (simple echo $x) (if ...))}. */
    public static String show(Cmd c) {
        if (c instanceof Simple s) {
            return "(simple" + s.assigns().stream().map(a -> " " + a.name() + "=" + show(a.value())).collect(Collectors.joining())
                    + s.words().stream().map(w -> " " + show(w)).collect(Collectors.joining())
                    + s.redirs().stream().map(r -> " " + show(r)).collect(Collectors.joining()) + ")";
        } else if (c instanceof Pipeline p) {
            return "(pipe" + (p.bang() ? "!" : "") + all(p.stages()) + ")";
        } else if (c instanceof AndOr a) {
            return "(" + (a.and() ? "and " : "or ") + show(a.left()) + " " + show(a.right()) + ")";
        } else if (c instanceof Seq s) {
            return "(seq" + s.items().stream().map(i -> " " + show(i.cmd()) + (i.background() ? "&" : ""))
                    .collect(Collectors.joining()) + ")";
        } else if (c instanceof Group g) {
            return "(group " + show(g.body()) + ")";
        } else if (c instanceof Subshell s) {
            return "(subshell " + show(s.body()) + ")";
        } else if (c instanceof If i) {
            return "(if" + all(i.conditions()) + " then" + all(i.branches())
                    + (i.orElse() == null ? "" : " else " + show(i.orElse())) + ")";
        } else if (c instanceof Loop l) {
            return "(" + (l.until() ? "until " : "while ") + show(l.cond()) + " " + show(l.body()) + ")";
        } else if (c instanceof For f) {
            return "(for " + f.name() + (f.words() == null ? "" : " in" + f.words().stream().map(w -> " " + show(w))
                    .collect(Collectors.joining())) + " " + show(f.body()) + ")";
        } else if (c instanceof Case k) {
            return "(case " + show(k.subject()) + k.items().stream().map(i -> " (" + i.patterns().stream().map(Ast::show)
                    .collect(Collectors.joining("|")) + " " + (i.body() == null ? "-" : show(i.body())) + ")")
                    .collect(Collectors.joining()) + ")";
        } else if (c instanceof FuncDef f) {
            return "(func " + f.name() + " " + show(f.body()) + ")";
        }
        Redirected r = (Redirected) c;
        return "(redir " + show(r.body()) + r.redirs().stream().map(x -> " " + show(x)).collect(Collectors.joining()) + ")";
    }

    private static String all(List<Cmd> cmds) {
        return cmds.stream().map(c -> " " + show(c)).collect(Collectors.joining());
    }

    private static String show(Redir r) {
        return r.fd() + r.op() + (r.op().equals("<<") ? "[" + show(r.target()) + "]" : show(r.target()));
    }

    /** A word: literal text as is, quoted text in {@code "..."}, expansions as {@code ${name op arg}}, {@code $(...)}, {@code $((...))}. */
    public static String show(Word w) {
        StringBuilder sb = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                sb.append(l.quoted() ? "\"" + l.text() + "\"" : l.text());
            } else if (p instanceof Param x) {
                sb.append(x.quoted() ? "\"" : "").append("${").append(x.name())
                        .append(x.op() == null ? "" : x.op() + (x.arg() == null ? "" : show(x.arg()))).append("}")
                        .append(x.quoted() ? "\"" : "");
            } else if (p instanceof CmdSub x) {
                sb.append("$( ").append(show(x.body())).append(" )");
            } else {
                sb.append("$((").append(show(((Arith) p).expr())).append("))");
            }
        }
        return sb.toString();
    }
}
