package dev.dockwire.app.sh;

import dev.dockwire.app.sh.Ast.Assign;
import dev.dockwire.app.sh.Ast.Cmd;
import dev.dockwire.app.sh.Ast.Item;
import dev.dockwire.app.sh.Ast.Redir;
import dev.dockwire.app.sh.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The POSIX shell grammar (XCU 2.10) by recursive descent over the tokens {@link Lexer} reads:
 * and-or lists, pipelines, the compound commands, function definitions, redirections and
 * here-documents. Like ash (shell/ash.c, parsecmd) it parses one complete command — up to a
 * newline at the top level — at a time ({@link #next}), so the lines before a syntax error run.
 */
public final class Parser {
    private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    /**
     * The deepest {@code $( )} parsed. ash and bash have no bound (5,000 nested substitutions
     * overflow bash's stack: SIGSEGV); ours is named, a syntax error in bash's FUNCNEST words.
     */
    static final int MAX_SUBSTITUTION_NESTING = 256;

    private Lexer lex;
    /** How many {@code $( )} the lexer is inside now. */
    int nesting;

    /** Whether bash's words are read too: {@code ${NAME[N]}} (ash and dash: bad substitution). */
    final boolean bash;

    /** The aliases command words expand to (an alias's value, or null), or null where none expand. */
    Function<String, String> aliases;

    public Parser(String src) {
        this(src, false);
    }

    public Parser(String src, boolean bash) {
        this.bash = bash;
        this.lex = new Lexer(src, this);
    }

    /** Reads from {@code next} (a here-document's or an arithmetic's text holding a {@code $(...)}); returns the lexer before. */
    Lexer swap(Lexer next) {
        Lexer before = lex;
        lex = next;
        return before;
    }

    /** The whole script as one tree (the golden tests; {@code eval} and {@code $(...)} bodies). */
    public static Cmd parse(String src) {
        return parse(src, false);
    }

    /** As {@link #parse(String)}, with bash's words when {@code bash}. */
    public static Cmd parse(String src, boolean bash) {
        return parse(src, bash, null);
    }

    /** As {@link #parse(String, boolean)}, expanding the {@code aliases} defined when it is parsed. */
    static Cmd parse(String src, boolean bash, Function<String, String> aliases) {
        Parser p = new Parser(src, bash);
        p.aliases = aliases;
        List<Item> items = new ArrayList<>();
        for (Cmd c = p.next(); c != null; c = p.next()) {
            items.add(new Item(c, false));
        }
        return items.size() == 1 ? items.get(0).cmd() : new Ast.Seq(items);
    }

    /** The next complete command of the script (a top-level line), or null at its end. */
    public Cmd next() {
        while (lex.peek().is("\n")) {
            lex.take();
        }
        if (lex.peek().eof()) {
            return null;
        }
        Cmd c = list(Set.of(), true);
        Lexer.Tok t = lex.peek();
        if (!t.eof() && !t.is("\n")) {
            throw unexpected(t, null);
        }
        return c;
    }

    /** Whether nothing but blank lines is left of the script. */
    boolean atEnd() {
        while (lex.peek().is("\n")) {
            lex.take();
        }
        return lex.peek().eof();
    }

    /** The line the next token is on. */
    int line() {
        return lex.peek().line();
    }

    /** {@code $(...)}: the list up to the closing parenthesis, which it consumes. */
    Cmd substitution() {
        Cmd c = list(Set.of(), false);
        Lexer.Tok t = lex.take();
        if (!t.is(")")) {
            throw unexpected(t, ")");
        }
        return c == null ? new Ast.Seq(List.of()) : c;
    }

    private SyntaxError unexpected(Lexer.Tok t, String expecting) {
        return SyntaxError.unexpected(t.eof() ? null : t.is("\n") ? "newline" : t.word() != null ? Ast.show(t.word()) : t.text(), expecting, t.line());
    }

    /**
     * A list of and-or lists separated by {@code ;}, {@code &} and newlines, ending before one of
     * {@code stops} (reserved words), {@code )}, {@code ;;} or the end; at the top level a newline ends it too.
     */
    private Cmd list(Set<String> stops, boolean topLevel) {
        List<Item> items = new ArrayList<>();
        while (true) {
            if (!topLevel) {
                skipNewlines();
            }
            Lexer.Tok t = lex.peek();
            if (t.eof() || t.is(")") || t.is(";;") || t.is("\n") || t.reserved() != null && stops.contains(t.reserved())) {
                break;
            }
            Cmd c = andOr();
            Lexer.Tok sep = lex.peek();
            if (sep.is("&") || sep.is(";")) {
                lex.take();
                items.add(new Item(c, sep.is("&")));
            } else {
                items.add(new Item(c, false));
                if (!sep.is("\n")) {
                    break;
                }
                if (topLevel) {
                    break;
                }
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        return items.size() == 1 && !items.get(0).background() ? items.get(0).cmd() : new Ast.Seq(items);
    }

    /** A list that must not be empty, ending at one of {@code stops}, which must come next. */
    private Cmd body(Set<String> stops, String expecting) {
        Cmd c = list(stops, false);
        Lexer.Tok t = lex.peek();
        if (c == null || t.reserved() == null || !stops.contains(t.reserved())) {
            throw unexpected(t, t.eof() ? expecting : null);
        }
        return c;
    }

    private void skipNewlines() {
        while (lex.peek().is("\n")) {
            lex.take();
        }
    }

    private Cmd andOr() {
        Cmd left = pipeline();
        while (lex.peek().is("&&") || lex.peek().is("||")) {
            boolean and = lex.take().is("&&");
            skipNewlines();
            left = new Ast.AndOr(left, and, pipeline());
        }
        return left;
    }

    private Cmd pipeline() {
        boolean bang = false;
        if ("!".equals(lex.peek().reserved())) {
            lex.take();
            bang = true;
        }
        List<Cmd> stages = new ArrayList<>();
        if (bash && lex.peek().word() != null && "time".equals(lex.peek().word().plain())
                && lex.ahead().matches("(?s)[ \t]+(-p[ \t]+)?[({].*")) {
            // bash's time keyword before a compound command (time ( ... ), time { ...; }): a stage of its own that Interp's timed takes off
            List<Ast.Word> words = new ArrayList<>(List.of(lex.take().word()));
            if (lex.peek().word() != null && "-p".equals(lex.peek().word().plain())) {
                words.add(lex.take().word());
            }
            stages.add(new Ast.Simple(List.of(), words, List.of(), 0));
        }
        stages.add(command());
        while (lex.peek().is("|") || lex.peek().is("|&")) {
            if (lex.take().is("|&")) { // bash: 2>&1 after the command's own redirections
                stages.set(stages.size() - 1, stderrToStdout(stages.get(stages.size() - 1)));
            }
            skipNewlines();
            stages.add(command());
        }
        return stages.size() == 1 && !bang ? stages.get(0) : new Ast.Pipeline(bang, stages);
    }

    private Cmd command() {
        Lexer.Tok t = lex.expandAliases(true);
        String r = t.reserved();
        Cmd c;
        if (t.is("(")) {
            lex.take();
            Cmd body = list(Set.of(), false);
            Lexer.Tok close = lex.take();
            if (body == null || !close.is(")")) {
                throw unexpected(close, close.eof() ? ")" : null);
            }
            c = new Ast.Subshell(body);
        } else if (r != null && CLOSERS.contains(r)) {
            throw unexpected(t, null);
        } else if ("{".equals(r)) {
            lex.take();
            Cmd body = body(Set.of("}"), "}");
            lex.take();
            c = new Ast.Group(body);
        } else if ("if".equals(r)) {
            c = ifClause();
        } else if ("while".equals(r) || "until".equals(r)) {
            lex.take();
            Cmd cond = body(Set.of("do"), "do");
            lex.take();
            Cmd body = body(Set.of("done"), "done");
            lex.take();
            c = new Ast.Loop(r.equals("until"), cond, body);
        } else if ("for".equals(r)) {
            c = forClause();
        } else if ("case".equals(r)) {
            c = caseClause();
        } else if (t.word() != null && "[[".equals(t.word().plain())) {
            c = condClause();
        } else {
            return simple();
        }
        List<Redir> redirs = new ArrayList<>();
        while (lex.peek().redirect() != null) {
            redirect(lex.take(), redirs);
        }
        return redirs.isEmpty() ? c : new Ast.Redirected(c, redirs);
    }

    /** {@code c 2>&1}: bash's {@code c |& next}, the duplication made after c's own redirections (execute_cmd.c). */
    private static Cmd stderrToStdout(Cmd c) {
        Redir dup = new Redir(2, ">&", new Word(List.of(new Ast.Lit("1", false))), true);
        if (c instanceof Ast.Simple s) {
            List<Redir> redirs = new ArrayList<>(s.redirs());
            redirs.add(dup);
            return new Ast.Simple(s.assigns(), s.words(), redirs, s.line());
        }
        if (c instanceof Ast.Redirected r) {
            List<Redir> redirs = new ArrayList<>(r.redirs());
            redirs.add(dup);
            return new Ast.Redirected(r.body(), redirs);
        }
        return new Ast.Redirected(c, List.of(dup));
    }

    private Cmd ifClause() {
        lex.take();
        List<Cmd> conds = new ArrayList<>();
        List<Cmd> branches = new ArrayList<>();
        Cmd orElse = null;
        while (true) {
            conds.add(body(Set.of("then"), "then"));
            lex.take();
            branches.add(body(Set.of("elif", "else", "fi"), "fi"));
            String r = lex.take().reserved();
            if (r.equals("elif")) {
                continue;
            }
            if (r.equals("else")) {
                orElse = body(Set.of("fi"), "fi");
                lex.take();
            }
            return new Ast.If(conds, branches, orElse);
        }
    }

    private Cmd forClause() {
        lex.take();
        Lexer.Tok name = lex.take();
        String n = name.word() == null ? null : name.word().plain();
        if (n == null || !n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            if (name.word() == null) {
                throw unexpected(name, null);
            }
            throw SyntaxError.message("bad for loop variable", name.line());
        }
        List<Word> words = null;
        skipNewlines();
        if ("in".equals(lex.peek().reserved())) {
            lex.take();
            words = new ArrayList<>();
            while (lex.peek().word() != null) {
                words.add(lex.take().word());
            }
            Lexer.Tok sep = lex.peek();
            if (!sep.is(";") && !sep.is("\n")) {
                throw unexpected(sep, sep.eof() ? "do" : null);
            }
            lex.take();
        } else if (lex.peek().is(";")) {
            lex.take();
        }
        skipNewlines();
        Lexer.Tok d = lex.take();
        if (!"do".equals(d.reserved())) {
            throw unexpected(d, d.eof() ? "do" : null);
        }
        Cmd body = body(Set.of("done"), "done");
        lex.take();
        return new Ast.For(n, words, body);
    }

    private Cmd caseClause() {
        lex.take();
        Lexer.Tok subject = lex.take();
        if (subject.word() == null) {
            throw unexpected(subject, null);
        }
        skipNewlines();
        Lexer.Tok in = lex.take();
        if (!"in".equals(in.reserved())) {
            throw unexpected(in, in.eof() ? "in" : null);
        }
        List<Ast.CaseItem> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            if ("esac".equals(lex.peek().reserved())) {
                lex.take();
                return new Ast.Case(subject.word(), items);
            }
            if (lex.peek().is("(")) {
                lex.take();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Lexer.Tok p = lex.take();
                if (p.word() == null) {
                    throw unexpected(p, p.eof() ? ")" : null);
                }
                patterns.add(p.word());
                Lexer.Tok sep = lex.take();
                if (sep.is(")")) {
                    break;
                }
                if (!sep.is("|")) {
                    throw unexpected(sep, sep.eof() ? ")" : null);
                }
            }
            Cmd body = list(Set.of("esac"), false);
            items.add(new Ast.CaseItem(patterns, body));
            Lexer.Tok end = lex.peek();
            if (end.is(";;")) {
                lex.take();
            } else if (!"esac".equals(end.reserved())) {
                throw unexpected(end, end.eof() ? "esac" : null);
            }
        }
    }

    private Cmd simple() {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        int line = lex.peek().line();
        while (true) {
            Lexer.Tok t = lex.expandAliases(words.isEmpty());
            if (t.redirect() != null) {
                redirect(lex.take(), redirs);
            } else if (t.word() != null) {
                lex.take();
                Assign a = words.isEmpty() ? assignment(t.word()) : null;
                if (a != null) {
                    assigns.add(a);
                } else if (words.isEmpty() && assigns.isEmpty() && redirs.isEmpty() && lex.peek().is("(")) {
                    return funcDef(t);
                } else {
                    words.add(t.word());
                }
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            throw unexpected(lex.peek(), null);
        }
        return new Ast.Simple(assigns, words, redirs, line);
    }

    /**
     * bash's {@code [[ EXPRESSION ]]} (parse.y parse_cond_command): up to {@code ]]} the operators
     * {@code && || ! ( ) < >} are its words, and its expansions are not split (as if quoted); it runs
     * as the builtin {@code [[} ({@link Test}).
     */
    private Cmd condClause() {
        int line = lex.peek().line();
        List<Word> words = new ArrayList<>();
        words.add(lex.take().word());
        while (true) {
            Lexer.Tok t = lex.take();
            if (t.eof() || t.is("\n")) {
                throw unexpected(t, "]]");
            }
            if (t.word() == null) {
                words.add(new Word(List.of(new Ast.Lit(t.text(), false))));
                continue;
            }
            List<Ast.Part> parts = new ArrayList<>();
            for (Ast.Part p : t.word().parts()) {
                parts.add(p instanceof Ast.Param v ? new Ast.Param(v.name(), v.op(), v.arg(), true)
                        : p instanceof Ast.CmdSub c ? new Ast.CmdSub(c.body(), true)
                        : p instanceof Ast.Arith a ? new Ast.Arith(a.expr(), true) : p);
            }
            words.add(new Word(parts));
            if ("]]".equals(t.word().plain())) {
                return new Ast.Simple(List.of(), words, List.of(), line);
            }
        }
    }

    private Cmd funcDef(Lexer.Tok name) {
        lex.take();
        Lexer.Tok close = lex.take();
        if (!close.is(")")) {
            throw unexpected(close, null);
        }
        skipNewlines();
        Lexer.Tok t = lex.peek();
        String r = t.reserved();
        if (!t.is("(") && !"{".equals(r) && !"if".equals(r) && !"while".equals(r) && !"until".equals(r)
                && !"for".equals(r) && !"case".equals(r)) {
            throw unexpected(t, null);
        }
        return new Ast.FuncDef(name.word().plain(), command());
    }

    /** {@code NAME=value} when the word's unquoted beginning is a name and {@code =}. */
    private static Assign assignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Ast.Lit first) || first.quoted()) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !first.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        List<Ast.Part> value = new ArrayList<>();
        if (eq + 1 < first.text().length()) {
            value.add(new Ast.Lit(first.text().substring(eq + 1), false));
        }
        value.addAll(w.parts().subList(1, w.parts().size()));
        return new Assign(first.text().substring(0, eq), new Word(value));
    }

    /** Adds the redirection {@code op} begins to {@code redirs}: bash's {@code &>FILE} as its two, {@code >FILE 2>&1}. */
    private void redirect(Lexer.Tok op, List<Redir> redirs) {
        if (op.text().startsWith("&>")) {
            Redir file = redirect(new Lexer.Tok(op.text().substring(1), null, 1, op.line()));
            redirs.add(file);
            redirs.add(new Redir(2, ">&", new Word(List.of(new Ast.Lit("1", false))), true));
            return;
        }
        redirs.add(redirect(op));
    }

    private Redir redirect(Lexer.Tok op) {
        String o = op.redirect();
        if (o.equals("<<") || o.equals("<<-")) {
            Lexer.Tok delim = lex.take();
            if (delim.word() == null) {
                throw unexpected(delim, null);
            }
            return lex.hereDocument(op.fd(), delim, o.equals("<<-"));
        }
        Lexer.Tok target = lex.take();
        if (target.word() == null) {
            throw unexpected(target, null);
        }
        return new Redir(op.fd(), o.equals(">|") ? ">" : o, target.word(), true);
    }
}
