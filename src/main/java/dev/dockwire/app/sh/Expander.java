package dev.dockwire.app.sh;

import dev.dockwire.app.sh.Ast.Part;
import dev.dockwire.app.sh.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Word expansion (XCU 2.6): parameters with their {@code ${...}} operators, command substitution
 * (a subshell whose output, trailing newlines removed, is the value), arithmetic, then field
 * splitting of what unquoted expansions produced on IFS (2.6.5), then pathname expansion of each
 * field over the place's files ({@link Glob}; not under {@code set -f}). Command substitution may
 * run programs, so every expansion hands its result to a continuation.
 */
final class Expander {
    /** One expanded piece of a word: its text, and whether field splitting may cut it. */
    private record Piece(String text, boolean quoted, boolean split, List<String> fields) {
    }

    private final Interp sh;
    private final Glob glob;

    Expander(Interp sh) {
        this.sh = sh;
        this.glob = new Glob(sh);
    }

    /** The fields of {@code words}, each word expanded and split. */
    void fields(List<Word> words, Io io, Consumer<List<String>> k) {
        List<String> out = new ArrayList<>();
        // bash: no pathname expansion between [[ and ]] (a pattern there is matched, not listed)
        fieldsFrom(words, 0, !words.isEmpty() && "[[".equals(words.get(0).plain()), out, io, k);
    }

    private void fieldsFrom(List<Word> words, int i, boolean cond, List<String> out, Io io, Consumer<List<String>> k) {
        if (i == words.size() || sh.flow != null) {
            k.accept(out);
            return;
        }
        pieces(words.get(i).parts(), io, pieces -> {
            List<Field> fields = new ArrayList<>();
            split(pieces, sh.vars.containsKey("IFS") ? sh.vars.get("IFS") : Read.DEFAULT_IFS, fields);
            for (Field f : fields) {
                String pattern = f.pattern.toString();
                List<String> paths = cond || sh.noglob || !Glob.magic(pattern) ? List.of() : glob.expand(pattern);
                if (paths.isEmpty()) {
                    out.add(f.text.toString()); // no match: the word as it is (XCU 2.13.3)
                } else {
                    out.addAll(paths);
                }
            }
            fieldsFrom(words, i + 1, cond, out, io, k);
        });
    }

    /** {@code word} as one string, not split (assignments, redirection targets, case subjects, here-documents). */
    void string(Word word, Io io, Consumer<String> k) {
        pieces(word.parts(), io, pieces -> {
            StringBuilder sb = new StringBuilder();
            for (Piece p : pieces) {
                sb.append(p.fields() != null ? String.join(" ", p.fields()) : p.text());
            }
            k.accept(sb.toString());
        });
    }

    /** Case patterns as regular expressions: quoted text literal, {@code * ? [...]} unquoted as glob(7). */
    void patterns(List<Word> words, Io io, Consumer<List<String>> k) {
        List<String> out = new ArrayList<>();
        patternsFrom(words, 0, out, io, k);
    }

    private void patternsFrom(List<Word> words, int i, List<String> out, Io io, Consumer<List<String>> k) {
        if (i == words.size()) {
            k.accept(out);
            return;
        }
        pattern(words.get(i), io, p -> {
            out.add(p);
            patternsFrom(words, i + 1, out, io, k);
        });
    }

    private void pattern(Word w, Io io, Consumer<String> k) {
        pieces(w.parts(), io, pieces -> {
            StringBuilder re = new StringBuilder();
            for (Piece p : pieces) {
                re.append(p.quoted() ? Pattern.quote(p.text()) : glob(p.text()));
            }
            k.accept(re.toString());
        });
    }

    /** A glob(7) pattern as a Java regular expression. */
    static String glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                re.append("(?s:.*)");
            } else if (c == '?') {
                re.append("(?s:.)");
            } else if (c == '[' && bracket(g, i, re) > 0) {
                i = bracket(g, i, null);
            } else if (c == '\\' && i + 1 < g.length()) {
                re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** The POSIX classes a bracket expression may name, as Java's. */
    private static final java.util.Map<String, String> CLASSES = java.util.Map.ofEntries(
            java.util.Map.entry("alpha", "\\p{Alpha}"), java.util.Map.entry("digit", "\\p{Digit}"),
            java.util.Map.entry("alnum", "\\p{Alnum}"), java.util.Map.entry("upper", "\\p{Upper}"),
            java.util.Map.entry("lower", "\\p{Lower}"), java.util.Map.entry("space", "\\s"),
            java.util.Map.entry("blank", "\\p{Blank}"), java.util.Map.entry("punct", "\\p{Punct}"),
            java.util.Map.entry("xdigit", "\\p{XDigit}"), java.util.Map.entry("cntrl", "\\p{Cntrl}"),
            java.util.Map.entry("print", "\\p{Print}"), java.util.Map.entry("graph", "\\p{Graph}"));

    /**
     * The bracket expression at {@code g[i]} ({@code [abc]}, {@code [!a-z]}, {@code [^x]}, {@code []a]},
     * {@code [[:upper:]]}; XCU 2.13.1, as dash's pmatch reads it) appended to {@code re} as a Java
     * character class when {@code re} is given; the index of its closing {@code ]}, or -1 when it has
     * none (the {@code [} is then itself).
     */
    static int bracket(String g, int i, StringBuilder re) {
        StringBuilder set = new StringBuilder("[");
        int j = i + 1;
        if (j < g.length() && (g.charAt(j) == '!' || g.charAt(j) == '^')) {
            set.append('^');
            j++;
        }
        boolean first = true;
        for (; j < g.length(); j++, first = false) {
            char c = g.charAt(j);
            if (c == ']' && !first) {
                if (re != null) {
                    re.append(set).append(']');
                }
                return j;
            }
            if (c == '[' && g.startsWith("[:", j)) {
                int end = g.indexOf(":]", j + 2);
                String cls = end < 0 ? null : CLASSES.get(g.substring(j + 2, end));
                if (cls != null) {
                    set.append(cls);
                    j = end + 1;
                    continue;
                }
            }
            if (c == '\\' && j + 1 < g.length()) {
                c = g.charAt(++j);
            }
            if (c == '-' && !first && j + 1 < g.length() && g.charAt(j + 1) != ']') {
                set.append('-');
            } else {
                set.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        return -1;
    }

    /**
     * XCU 2.6.5 over the unquoted expansions' text: IFS whitespace at either end is dropped and a
     * run of it is one delimiter; every other IFS character ends a field, with the IFS whitespace
     * around it ({@code a::b} is three fields, {@code a:} one); an empty IFS splits nothing. Each
     * field also keeps its text as a pattern for {@link Glob}: what was quoted escaped.
     */
    private static void split(List<Piece> pieces, String ifs, List<Field> out) {
        Field cur = new Field();
        boolean have = false;
        boolean afterWhitespace = false; // the last delimiter was IFS whitespace that ended a field
        for (Piece p : pieces) {
            if (p.fields() != null) {
                for (int f = 0; f < p.fields().size(); f++) {
                    if (f > 0) {
                        out.add(cur);
                        cur = new Field();
                    }
                    cur.append(p.fields().get(f), p.quoted());
                    have = true;
                    afterWhitespace = false;
                }
            } else if (!p.split()) {
                cur.append(p.text(), p.quoted());
                boolean field = p.quoted() || !p.text().isEmpty();
                have |= field;
                afterWhitespace &= !field;
            } else {
                for (char c : p.text().toCharArray()) {
                    if (ifs.indexOf(c) < 0) {
                        cur.append(c, false);
                        have = true;
                        afterWhitespace = false;
                    } else if (c == ' ' || c == '\t' || c == '\n') {
                        if (have) {
                            out.add(cur);
                            cur = new Field();
                            have = false;
                            afterWhitespace = true;
                        }
                    } else {
                        if (have || !afterWhitespace) {
                            out.add(cur);
                            cur = new Field();
                            have = false;
                        }
                        afterWhitespace = false;
                    }
                }
            }
        }
        if (have) {
            out.add(cur);
        }
    }

    /** A field being built: its text, and the same as a pathname pattern whose quoted characters are escaped. */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final StringBuilder pattern = new StringBuilder();

        void append(String s, boolean quoted) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), quoted);
            }
        }

        void append(char c, boolean quoted) {
            text.append(c);
            // an expansion's backslash is text, not a quote (dash's and ash's expmeta see it escaped)
            if (quoted ? "*?[]\\".indexOf(c) >= 0 : c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
    }

    private void pieces(List<Part> parts, Io io, Consumer<List<Piece>> k) {
        List<Piece> out = new ArrayList<>();
        piecesFrom(parts, 0, out, io, k);
    }

    private void piecesFrom(List<Part> parts, int i, List<Piece> out, Io io, Consumer<List<Piece>> k) {
        if (i == parts.size() || sh.flow != null) {
            k.accept(out);
            return;
        }
        Part p = parts.get(i);
        Runnable rest = () -> piecesFrom(parts, i + 1, out, io, k);
        if (p instanceof Ast.Lit l && i == 0 && !l.quoted() && (l.text().equals("~") || l.text().startsWith("~/"))
                && sh.vars.get("HOME") != null) { // XCU 2.6.1 tilde expansion: $HOME, not split or globbed
            out.add(new Piece(sh.vars.get("HOME"), true, false, null));
            out.add(new Piece(l.text().substring(1), false, false, null));
            rest.run();
        } else if (p instanceof Ast.Lit l) {
            out.add(new Piece(l.text(), l.quoted(), false, null));
            rest.run();
        } else if (p instanceof Ast.Param x) {
            if (x.op() == null && x.quoted() && x.name().equals("@")) {
                out.add(new Piece("", true, false, List.copyOf(sh.positional)));
                rest.run();
                return;
            }
            if (x.op() == null && !x.quoted() && (x.name().equals("@") || x.name().equals("*"))) {
                out.add(unquotedAll());
                rest.run();
                return;
            }
            param(x, io, v -> {
                out.add(new Piece(v, x.quoted(), !x.quoted(), null));
                rest.run();
            });
        } else if (p instanceof Ast.CmdSub c) {
            substitute(c.body(), io, v -> {
                out.add(new Piece(v, c.quoted(), !c.quoted(), null));
                rest.run();
            });
        } else {
            Ast.Arith a = (Ast.Arith) p;
            string(a.expr(), io, text -> {
                try {
                    out.add(new Piece(Long.toString(new Arith(text, sh.vars).eval()), a.quoted(), !a.quoted(), null));
                } catch (Arith.Error e) {
                    sh.error(io, sh.dialect == Dialect.ASH ? (e.getMessage().equals("division by zero") ? "divide by zero" : "arithmetic syntax error") : "arithmetic expression: " + e.getMessage()
                            + ": \"" + text.strip() + "\"");
                    sh.exit(2);
                }
                rest.run();
            });
        }
    }

    /**
     * Unquoted {@code $*} and {@code $@}: the positional parameters split by IFS; with an empty IFS, which splits nothing, each non-empty parameter a field of
     * its own ({@code IFS=; set -- "a b" c; echo $*} is two fields). ash and dash split each
     * non-empty parameter on its own, bash splits them joined, so keeps the empty ones
     * ({@code IFS=:; set -- a "" b} is {@code [a][b]} in dash, {@code [a][][b]} in bash).
     */
    private Piece unquotedAll() {
        String ifs = sh.vars.containsKey("IFS") ? sh.vars.get("IFS") : Read.DEFAULT_IFS;
        List<String> params = sh.positional;
        if (ifs.isEmpty() || sh.dialect != Dialect.BASH) {
            params = params.stream().filter(v -> !v.isEmpty()).toList();
        }
        if (ifs.isEmpty()) {
            return new Piece("", false, false, params);
        }
        if (sh.dialect == Dialect.BASH) {
            return new Piece(String.join(ifs.substring(0, 1), params), false, true, null);
        }
        // ash and dash split each parameter on its own: "a:" then b is [a][b], not a::b's [a][][b]
        List<String> fields = new ArrayList<>();
        for (String v : params) {
            List<Field> split = new ArrayList<>();
            split(List.of(new Piece(v, false, true, null)), ifs, split);
            split.forEach(f -> fields.add(f.text.toString()));
        }
        return new Piece("", false, false, fields);
    }

    /** {@code $(...)}: a subshell's output with its trailing newlines removed; its status becomes {@code $?}. */
    private void substitute(Ast.Cmd body, Io io, Consumer<String> k) {
        List<String> lines = new ArrayList<>();
        Interp sub = sh.fork();
        Io.Sink out = Io.Sink.into(lines);
        sub.run(body, io.withOut(out), () -> {
            out.flush();
            sh.status = sub.status;
            sh.substituted = true;
            String v = String.join("\n", lines);
            k.accept(v.replaceAll("\n+$", ""));
        });
    }

    /** The value of a parameter with no operator: special, positional or a variable; null when unset. */
    String value(String name) {
        switch (name) {
            case "?":
                return Integer.toString(sh.status);
            case "$":
                return Integer.toString(sh.pid);
            case "#":
                return Integer.toString(sh.positional.size());
            case "@":
            case "*":
                // joined by IFS's first character ("$*"; unquoted, split on it again), a space where IFS is unset
                String ifs = sh.vars.containsKey("IFS") ? sh.vars.get("IFS") : " ";
                return String.join(ifs.isEmpty() ? "" : ifs.substring(0, 1), sh.positional);
            case "!":
                return sh.lastBackground == 0 ? "" : Integer.toString(sh.lastBackground);
            case "-":
                return (sh.errexit ? "e" : "") + (sh.xtrace ? "x" : "");
            case "0":
                return sh.name;
            default:
                if (Character.isDigit(name.charAt(0))) {
                    int n = Integer.parseInt(name);
                    return n <= sh.positional.size() ? sh.positional.get(n - 1) : null;
                }
                return sh.vars.get(name);
        }
    }

    private void param(Ast.Param x, Io io, Consumer<String> k) {
        String v = value(x.name());
        String op = x.op();
        if (op == null) {
            k.accept(v == null ? "" : v);
            return;
        }
        if (op.equals("bad")) {
            String typed = ((Ast.Lit) x.arg().parts().get(0)).text();
            if (sh.dialect == Dialect.BASH) {
                sh.error(io, typed + ": bad substitution");
            } else {
                io.err.line(sh.dialect == Dialect.ASH ? sh.arg0 + ": syntax error: bad substitution" : sh.arg0 + ": " + sh.line + ": Bad substitution");
            }
            sh.exit(sh.dialect == Dialect.BASH ? 1 : 2);
            k.accept("");
            return;
        }
        if (op.equals("len")) {
            k.accept(Integer.toString(PipeStatus.all(x.name()) ? PipeStatus.count(sh.vars, x.name()) : v == null ? 0 : v.length()));
            return;
        }
        boolean colon = op.startsWith(":");
        boolean missing = v == null || colon && v.isEmpty();
        switch (op.substring(colon ? 1 : 0)) {
            case "-" -> {
                if (missing) {
                    string(x.arg(), io, k);
                } else {
                    k.accept(v);
                }
            }
            case "=" -> {
                if (missing) {
                    string(x.arg(), io, a -> {
                        sh.vars.put(x.name(), a);
                        k.accept(a);
                    });
                } else {
                    k.accept(v);
                }
            }
            case "+" -> {
                if (missing) {
                    k.accept("");
                } else {
                    string(x.arg(), io, k);
                }
            }
            case "?" -> {
                if (missing) {
                    string(x.arg(), io, a -> {
                        sh.error(io, x.name() + ": " + (a.isEmpty() ? "parameter not set" : a));
                        sh.exit(2);
                        k.accept("");
                    });
                } else {
                    k.accept(v);
                }
            }
            default -> pattern(x.arg(), io, re -> k.accept(strip(v == null ? "" : v, op, re)));
        }
    }

    /** {@code ${v%p}} {@code ${v%%p}} {@code ${v#p}} {@code ${v##p}}: the shortest or longest suffix or prefix matching removed. */
    private static String strip(String v, String op, String re) {
        Pattern p = Pattern.compile(re);
        boolean suffix = op.startsWith("%");
        boolean longest = op.length() == 2;
        int n = v.length();
        for (int k = 0; k <= n; k++) {
            int len = longest ? n - k : k;
            if (suffix ? p.matcher(v.substring(n - len)).matches() : p.matcher(v.substring(0, len)).matches()) {
                return suffix ? v.substring(0, n - len) : v.substring(len);
            }
        }
        return v;
    }
}
