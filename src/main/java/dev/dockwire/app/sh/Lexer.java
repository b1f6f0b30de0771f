package dev.dockwire.app.sh;

import dev.dockwire.app.sh.Ast.Part;
import dev.dockwire.app.sh.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The shell's tokens (XCU 2.3 "Token Recognition"): operators, newlines, and words with their
 * quoting and expansions already taken apart ({@code '...'}, {@code "..."}, backslashes,
 * {@code $NAME}, {@code ${...}}, {@code $(...)} parsed by the {@link Parser} recursively,
 * backticks, {@code $((...))}); here-document bodies are read after the newline that ends their line.
 * Aliases are substituted in the text itself (XCU 2.3.1, dash's checkkwd CHKALIAS in parser.c): a
 * command word is replaced by its alias's value, which is read again as tokens.
 */
final class Lexer {
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "{", "}", "!", "in");
    private static final String[] OPERATORS = {"&&", "||", ";;", "<<-", "<<", "<>", ">>", ">&", "<&", ">|", ";", "&", "|", "(", ")",
        "<", ">"};
    /**
     * bash's own: {@code &>FILE} and {@code &>>FILE} ({@code >FILE 2>&1}, {@code >>FILE 2>&1}), and
     * {@code a |& b} ({@code a 2>&1 | b}); parse.y's GREATER_AND/AND_GREATER_GREATER and BAR_AND.
     */
    private static final String[] BASH_OPERATORS = {"&>>", "&>", "|&"};
    private static final String[] NO_OPERATORS = {};
    private static final String SPECIAL_PARAMS = "@*#?$!-0123456789";

    /** A token: an operator ({@code text}), a word, a newline ({@code "\n"}) or the end (everything null). */
    record Tok(String text, Word word, int fd, int line) {
        boolean eof() {
            return text == null && word == null;
        }

        boolean is(String op) {
            return word == null && op.equals(text);
        }

        /** The reserved word this token is when it stands where a command begins, else null. */
        String reserved() {
            String p = word == null ? null : word.plain();
            return p != null && RESERVED.contains(p) ? p : null;
        }

        /** The redirection operator, or null. */
        String redirect() {
            return word == null && text != null && (text.startsWith("<") || text.startsWith(">") || text.startsWith("&>")) ? text : null;
        }
    }

    /** A here-document whose body is read at the next newline into {@code parts}. */
    private record Pending(List<Part> parts, String delimiter, boolean strip, boolean expand) {
    }

    /** An alias's value spliced in at {@code [start, end)} of the text: the alias is not expanded again in there. */
    private static final class Spliced {
        final String name;
        final int start;
        int end;

        Spliced(String name, int start, int end) {
            this.name = name;
            this.start = start;
            this.end = end;
        }
    }

    private String src;
    private final Parser parser;
    private final List<Pending> pending = new ArrayList<>();
    private int pos;
    private int line = 1;
    private Tok peeked;
    /** Where the token last read begins. */
    private int tokStart;
    /** The aliases whose values are being read now. */
    private final List<Spliced> spliced = new ArrayList<>();
    /** The end of an alias's value ending in a blank: the word read next may be an alias too (-1: none). */
    private int blankEnd = -1;
    /** Whether the token last read is that word. */
    private boolean afterBlank;

    Lexer(String src, Parser parser) {
        this.src = src;
        this.parser = parser;
    }

    Tok peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    /** The source after the token {@link #peek} read. */
    String ahead() {
        peek();
        return src.substring(pos);
    }

    Tok take() {
        Tok t = peek();
        peeked = null;
        return t;
    }

    /**
     * The next token once aliases are expanded (XCU 2.3.1): when it is a {@code commandWord} (or
     * follows an alias whose value ends in a blank), unquoted, not a reserved word, and names an
     * alias not being expanded already, the alias's value replaces it and is read again, recursively.
     */
    Tok expandAliases(boolean commandWord) {
        Function<String, String> table = parser.aliases;
        while (table != null) {
            Tok t = peek();
            String name = t.word() == null ? null : t.word().plain();
            if (!commandWord && !afterBlank || name == null || t.reserved() != null || expanding(name)) {
                break;
            }
            String value = table.apply(name);
            if (value == null) {
                break;
            }
            int delta = value.length() - (pos - tokStart);
            for (Spliced s : spliced) {
                s.end += s.end >= pos ? delta : 0;
            }
            blankEnd += blankEnd >= pos ? delta : 0;
            src = src.substring(0, tokStart) + value + src.substring(pos);
            spliced.add(new Spliced(name, tokStart, tokStart + value.length()));
            if (!value.isEmpty() && (value.endsWith(" ") || value.endsWith("\t"))) {
                blankEnd = tokStart + value.length();
            }
            pos = tokStart;
            peeked = null;
            commandWord = true;
        }
        return peek();
    }

    /** Whether the token last read lies inside the value of alias {@code name}. */
    private boolean expanding(String name) {
        spliced.removeIf(s -> s.end <= tokStart);
        for (Spliced s : spliced) {
            if (s.name.equals(name) && s.start <= tokStart && tokStart < s.end) {
                return true;
            }
        }
        return false;
    }

    /** {@code <<DELIM}: a redirection whose body the next newline brings; a quoted delimiter turns expansion off. */
    Ast.Redir hereDocument(int fd, Tok delimiter, boolean strip) {
        StringBuilder d = new StringBuilder();
        for (Part p : delimiter.word().parts()) {
            if (p instanceof Ast.Lit l) {
                d.append(l.text());
            }
        }
        List<Part> parts = new ArrayList<>();
        pending.add(new Pending(parts, d.toString(), strip, !delimiter.word().anyQuoted()));
        return new Ast.Redir(fd, "<<", new Word(parts), !delimiter.word().anyQuoted());
    }

    private char at(int i) {
        return i < src.length() ? src.charAt(i) : 0;
    }

    private Tok read() {
        while (true) {
            char c = at(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && at(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && at(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int start = line;
        tokStart = pos;
        afterBlank = blankEnd >= 0 && pos >= blankEnd;
        if (afterBlank) {
            blankEnd = -1;
        }
        if (pos >= src.length()) {
            readBodies();
            return new Tok(null, null, 0, start);
        }
        if (at(pos) == '\n') {
            pos++;
            line++;
            readBodies();
            return new Tok("\n", null, 0, start);
        }
        int fd = -1;
        int digits = pos;
        while (Character.isDigit(at(digits))) {
            digits++;
        }
        if (digits > pos && (at(digits) == '<' || at(digits) == '>')) {
            fd = Integer.parseInt(src.substring(pos, digits));
            pos = digits;
        }
        for (String op : fd < 0 && parser.bash ? BASH_OPERATORS : NO_OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Tok(op, null, 1, start);
            }
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                int f = fd >= 0 ? fd : op.startsWith("<") ? 0 : 1;
                return new Tok(op, null, f, start);
            }
        }
        return new Tok(null, word(false), 0, start);
    }

    /** Reads the bodies of the here-documents whose line just ended. */
    private void readBodies() {
        for (Pending h : pending) {
            StringBuilder body = new StringBuilder();
            while (pos < src.length()) {
                int end = src.indexOf('\n', pos);
                String l = src.substring(pos, end < 0 ? src.length() : end);
                pos = end < 0 ? src.length() : end + 1;
                line++;
                if (h.strip()) {
                    l = l.replaceFirst("^\t+", "");
                }
                if (l.equals(h.delimiter())) {
                    break;
                }
                body.append(l).append('\n');
            }
            if (h.expand()) {
                h.parts().addAll(new Lexer(body.toString(), parser).quoted(true));
            } else {
                h.parts().add(new Ast.Lit(body.toString(), true));
            }
        }
        pending.clear();
    }

    /** An unquoted word up to a blank or an operator ({@code brace}: up to the {@code }} of {@code ${...}}, blanks included). */
    private Word word(boolean brace) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos < src.length()) {
            char c = at(pos);
            if (brace ? c == '}' : " \t\n;&|()<>".indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                pos++;
                if (at(pos) == '\n') {
                    pos++;
                    line++;
                    continue;
                }
                flush(parts, lit, false);
                if (pos < src.length()) {
                    parts.add(new Ast.Lit(String.valueOf(at(pos++)), true));
                }
            } else if (c == '\'') {
                flush(parts, lit, false);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw SyntaxError.message("unterminated quoted string", line);
                }
                String text = src.substring(pos + 1, end);
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                parts.add(new Ast.Lit(text, true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit, false);
                pos++;
                List<Part> inner = quoted(false);
                if (inner.isEmpty()) {
                    inner.add(new Ast.Lit("", true));
                }
                parts.addAll(inner);
            } else if (c == '$' || c == '`') {
                Part p = dollar(false);
                if (p == null) {
                    lit.append(c);
                } else {
                    flush(parts, lit, false);
                    parts.add(p);
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit, false);
        return new Word(parts);
    }

    /** The literal text gathered so far as a part ({@code quoted}: inside double quotes, not split or globbed). */
    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Ast.Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    /**
     * The inside of double quotes up to the closing {@code "} (consumed), or with {@code heredoc}
     * a here-document's whole body, where {@code "} is plain text.
     */
    private List<Part> quoted(boolean heredoc) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                if (heredoc) {
                    break;
                }
                throw SyntaxError.message("unterminated quoted string", line);
            }
            char c = at(pos);
            if (c == '"' && !heredoc) {
                pos++;
                break;
            }
            if (c == '\\' && (at(pos + 1) == '$' || at(pos + 1) == '`' || at(pos + 1) == '\\' || at(pos + 1) == '\n'
                    || at(pos + 1) == '"' && !heredoc)) {
                if (at(pos + 1) != '\n') {
                    lit.append(at(pos + 1));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                Part p = dollar(true);
                if (p == null) {
                    lit.append(c);
                } else {
                    flush(parts, lit, true);
                    parts.add(p);
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit, true);
        return parts;
    }

    /** The expansion at {@code pos} ({@code $...} or a backtick), or null (advancing past the {@code $}) when it is a plain dollar. */
    private Part dollar(boolean quoted) {
        if (at(pos) == '`') {
            return backtick(quoted);
        }
        char n = at(pos + 1);
        if (n == '(' && at(pos + 2) == '(') {
            int depth = 0;
            int i = pos + 3;
            while (i < src.length() && !(depth == 0 && at(i) == ')' && at(i + 1) == ')')) {
                depth += at(i) == '(' ? 1 : at(i) == ')' ? -1 : 0;
                i++;
            }
            if (i >= src.length()) {
                throw SyntaxError.unexpected(null, "))", line);
            }
            String expr = src.substring(pos + 3, i);
            pos = i + 2;
            return new Ast.Arith(new Word(new Lexer(expr, parser).quoted(true)), quoted);
        }
        if (n == '(') {
            pos += 2;
            if (parser.nesting >= Parser.MAX_SUBSTITUTION_NESTING) {
                throw SyntaxError.message("maximum command substitution nesting level exceeded ("
                        + Parser.MAX_SUBSTITUTION_NESTING + ")", line);
            }
            Lexer saved = parser.swap(this);
            parser.nesting++;
            try {
                return new Ast.CmdSub(parser.substitution(), quoted);
            } finally {
                parser.nesting--;
                parser.swap(saved);
            }
        }
        if (n == '{') {
            return braced(quoted);
        }
        if (Character.isLetter(n) || n == '_') {
            int i = pos + 1;
            while (Character.isLetterOrDigit(at(i)) || at(i) == '_') {
                i++;
            }
            String name = src.substring(pos + 1, i);
            pos = i;
            return new Ast.Param(name, null, null, quoted);
        }
        if (n != 0 && SPECIAL_PARAMS.indexOf(n) >= 0) {
            pos += 2;
            return new Ast.Param(String.valueOf(n), null, null, quoted);
        }
        pos++;
        return null;
    }

    /** {@code ${NAME}}, {@code ${#NAME}}, {@code ${NAME op word}}. */
    private Part braced(boolean quoted) {
        int open = line;
        int start = pos;
        pos += 2;
        boolean length = at(pos) == '#' && at(pos + 1) != '}';
        if (length) {
            pos++;
        }
        int i = pos;
        if (Character.isLetter(at(i)) || at(i) == '_') {
            while (Character.isLetterOrDigit(at(i)) || at(i) == '_') {
                i++;
            }
        } else if (Character.isDigit(at(i))) {
            while (Character.isDigit(at(i))) {
                i++;
            }
        } else if (at(i) != 0 && SPECIAL_PARAMS.indexOf(at(i)) >= 0) {
            i++;
        }
        int close = src.indexOf(']', i);
        if (parser.bash && i > pos && Character.isLetter(at(pos)) && at(i) == '[' && close > i
                && src.substring(i + 1, close).matches("[@*]|[0-9]+")) {
            i = close + 1; // bash's ${NAME[N]}, ${NAME[@]}: the element is a variable of its own (PipeStatus)
        }
        String name = src.substring(pos, i);
        pos = i;
        if (name.isEmpty()) {
            throw SyntaxError.message(pos >= src.length() ? "missing '}'" : "bad substitution", open);
        }
        if (length) {
            expectClose(open);
            return new Ast.Param(name, "len", null, quoted);
        }
        if (at(pos) == '}') {
            pos++;
            return new Ast.Param(name, null, null, quoted);
        }
        String op = null;
        for (String o : new String[] {":-", ":=", ":+", ":?", "-", "=", "+", "?", "%%", "%", "##", "#"}) {
            if (src.startsWith(o, pos)) {
                op = o;
                break;
            }
        }
        int end = src.indexOf('}', pos);
        if (op == null && end >= 0) {
            // NAME then no operator (${x!}, ash's and dash's ${x[1]}): the shells fail on it only when
            // they expand it (ash's and dash's evalvar, bash's parameter_brace_expand), so it is kept as written
            pos = end + 1;
            return new Ast.Param(name, "bad", new Word(List.of(new Ast.Lit(src.substring(start, end + 1), true))), quoted);
        }
        if (op == null) {
            throw SyntaxError.message(pos >= src.length() ? "missing '}'" : "bad substitution", open);
        }
        pos += op.length();
        Word arg = word(true);
        expectClose(open);
        if (quoted) {
            List<Part> q = new ArrayList<>();
            for (Part p : arg.parts()) {
                q.add(p instanceof Ast.Lit l ? new Ast.Lit(l.text(), true) : p);
            }
            arg = new Word(q);
        }
        return new Ast.Param(name, op, arg, quoted);
    }

    private void expectClose(int open) {
        if (at(pos) != '}') {
            throw SyntaxError.message(pos >= src.length() ? "missing '}'" : "bad substitution", open);
        }
        pos++;
    }

    /** {@code `...`}: backslash keeps its meaning before {@code $ ` \}; the inside is parsed as a script of its own. */
    private Part backtick(boolean quoted) {
        StringBuilder body = new StringBuilder();
        int i = pos + 1;
        while (i < src.length() && at(i) != '`') {
            if (at(i) == '\\' && (at(i + 1) == '$' || at(i + 1) == '`' || at(i + 1) == '\\')) {
                body.append(at(i + 1));
                i += 2;
            } else {
                body.append(at(i++));
            }
        }
        if (i >= src.length()) {
            throw SyntaxError.unexpected(null, "`", line);
        }
        pos = i + 1;
        return new Ast.CmdSub(Parser.parse(body.toString(), parser.bash, parser.aliases), quoted);
    }
}
