package dev.dockwire.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A sed script's text into commands, as GNU sed's compile.c reads it: addresses, {@code !},
 * {@code { }} blocks, {@code ;}/newline separators, the one-line forms of {@code a i c}, and its
 * errors, worded and positioned as GNU's ({@code -e expression #1, char 3: unterminated `s' command}).
 */
final class SedParser {
    /** A compile error: GNU's message and the number of characters read when it was found. */
    static final class Error extends Exception {
        final int position;

        Error(int position, String message) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    private final String s;
    private final boolean extended;
    private final List<SedCommand> out;
    private final Deque<Integer> blocks = new ArrayDeque<>();
    private int pos;

    private SedParser(String script, boolean extended, List<SedCommand> out) {
        this.s = script;
        this.extended = extended;
        this.out = out;
    }

    /** Parses one expression ({@code -e} or the script operand), appending its commands to {@code out}. */
    static void parse(String script, boolean extended, List<SedCommand> out) throws Error {
        SedParser p = new SedParser(script, extended, out);
        p.commands();
        if (!p.blocks.isEmpty()) {
            throw new Error(0, "unmatched `{'");
        }
    }

    /** Resolves b/t/T labels after every expression is read; returns the missing label or null. */
    static String link(List<SedCommand> cmds) {
        for (SedCommand c : cmds) {
            if ("btT".indexOf(c.name) >= 0) {
                if (c.text.isEmpty()) {
                    c.jump = cmds.size();
                    continue;
                }
                for (int i = 0; i < cmds.size(); i++) {
                    if (cmds.get(i).name == ':' && cmds.get(i).text.equals(c.text)) {
                        c.jump = i;
                    }
                }
                if (c.jump < 0) {
                    return c.text;
                }
            }
        }
        return null;
    }

    private boolean more() {
        return pos < s.length();
    }

    private char next() {
        return s.charAt(pos++);
    }

    private char peek() {
        return more() ? s.charAt(pos) : 0;
    }

    private void skipBlanks() {
        while (more() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void commands() throws Error {
        while (true) {
            while (more() && (Character.isWhitespace(peek()) || peek() == ';')) {
                pos++;
            }
            if (!more()) {
                return;
            }
            if (peek() == '#') {
                while (more() && peek() != '\n') {
                    pos++;
                }
                continue;
            }
            SedCommand c = new SedCommand();
            c.a1 = address(true);
            if (c.a1 != null) {
                skipBlanks();
                if (peek() == ',') {
                    pos++;
                    skipBlanks();
                    c.a2 = address(false);
                    if (c.a2 == null) {
                        throw new Error(pos, "unexpected `,'");
                    }
                }
            }
            skipBlanks();
            while (peek() == '!') {
                pos++;
                c.negate = true;
                skipBlanks();
            }
            if (!more()) {
                throw new Error(pos, "missing command");
            }
            c.name = next();
            command(c);
        }
    }

    private SedCommand.Address address(boolean first) throws Error {
        char c = peek();
        if (c == '/' || c == '\\') {
            pos++;
            char delim = c == '\\' ? next() : '/';
            String re = delimited(delim, true);
            if (re == null) {
                throw new Error(pos, "unterminated address regex");
            }
            int flags = 0;
            while (peek() == 'I' || peek() == 'M') {
                flags |= next() == 'I' ? Pattern.CASE_INSENSITIVE : Pattern.MULTILINE;
            }
            return new SedCommand.Address(SedCommand.Address.Kind.REGEX, 0, 0, re.isEmpty() ? null : compile(re, flags));
        }
        if (c == '$') {
            pos++;
            return new SedCommand.Address(SedCommand.Address.Kind.LAST, 0, 0, null);
        }
        if (!first && (c == '+' || c == '~')) {
            pos++;
            long n = number();
            return new SedCommand.Address(c == '+' ? SedCommand.Address.Kind.PLUS : SedCommand.Address.Kind.MULTIPLE, n, 0, null);
        }
        if (Character.isDigit(c)) {
            long n = number();
            if (peek() == '~') {
                pos++;
                long step = Character.isDigit(peek()) ? number() : 0;
                return new SedCommand.Address(SedCommand.Address.Kind.STEP, n, step, null);
            }
            if (n == 0) {
                if (!first) {
                    throw new Error(pos, "invalid usage of line address 0");
                }
                return new SedCommand.Address(SedCommand.Address.Kind.ZERO, 0, 0, null);
            }
            return new SedCommand.Address(SedCommand.Address.Kind.LINE, n, 0, null);
        }
        return null;
    }

    private long number() {
        long n = 0;
        while (Character.isDigit(peek())) {
            n = n * 10 + (next() - '0');
        }
        return n;
    }

    /**
     * Text up to the unescaped delimiter (GNU's match_slash): {@code \DELIM} is the delimiter itself,
     * {@code \n} a newline in a regex, other escapes are kept; null when the text ends first.
     */
    private String delimited(char delim, boolean regex) {
        StringBuilder sb = new StringBuilder();
        while (more()) {
            char c = next();
            if (c == delim) {
                return sb.toString();
            }
            if (c == '\\' && more()) {
                char n = next();
                if (n == delim) {
                    sb.append(n);
                } else if (n == 'n' && regex) {
                    sb.append("\\n");
                } else {
                    sb.append('\\').append(n);
                }
            } else if (c == '\n' && regex) {
                return null;
            } else {
                sb.append(c);
            }
        }
        return null;
    }

    private Pattern compile(String re, int flags) throws Error {
        try {
            return Pattern.compile(Regex.toJava(re, extended), flags);
        } catch (PatternSyntaxException e) {
            throw new Error(pos, regcompMessage(re, e));
        }
    }

    /** glibc's regerror texts for the common mistakes. */
    private String regcompMessage(String re, PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group") || d.startsWith("Unmatched closing")) {
            return extended ? "Unmatched ( or \\(" : d.startsWith("Unmatched") ? "Unmatched ) or \\)" : "Unmatched ( or \\(";
        }
        if (d.startsWith("Unclosed counted closure") || d.startsWith("Illegal repetition")) {
            return extended ? "Unmatched { or \\{" : "Unmatched \\{";
        }
        if (d.startsWith("Unclosed character class") || d.startsWith("Unmatched [")) {
            return "unterminated address regex";
        }
        if (d.startsWith("Invalid character class")) {
            return "Invalid character class name";
        }
        return "Invalid preceding regular expression";
    }

    private void command(SedCommand c) throws Error {
        switch (c.name) {
            case '{' -> {
                blocks.push(out.size());
                out.add(c);
                return;
            }
            case '}' -> {
                if (c.a1 != null) {
                    throw new Error(pos, "} doesn't want any addresses");
                }
                if (blocks.isEmpty()) {
                    throw new Error(pos, "unexpected `}'");
                }
                out.get(blocks.pop()).jump = out.size();
            }
            case 'p', 'd', 'D', 'n', 'N', 'P', 'g', 'G', 'h', 'H', 'x', 'l', '=', 'z' -> {
            }
            case 'q', 'Q' -> {
                if (c.a2 != null) {
                    throw new Error(pos, "command only uses one address");
                }
                skipBlanks();
                c.exit = Character.isDigit(peek()) ? (int) number() : 0;
            }
            case 'a', 'i', 'c' -> c.text = text();
            case ':' -> {
                if (c.a1 != null) {
                    throw new Error(pos, ": doesn't want any addresses");
                }
                c.text = label();
                if (c.text.isEmpty()) {
                    throw new Error(pos, "\":\" lacks a label");
                }
            }
            case 'b', 't', 'T' -> c.text = label();
            case 's' -> substitute(c);
            case 'y' -> transliterate(c);
            default -> throw new Error(pos, "unknown command: `" + c.name + "'");
        }
        out.add(c);
        end();
    }

    /** After a command: blanks, then {@code ;}, a newline, {@code }}, {@code #} or the end. */
    private void end() throws Error {
        skipBlanks();
        if (!more() || peek() == ';' || peek() == '\n' || peek() == '}' || peek() == '#') {
            return;
        }
        pos++;
        throw new Error(pos, "extra characters after command");
    }

    private String label() {
        skipBlanks();
        int start = pos;
        while (more() && peek() != ';' && peek() != '\n' && !Character.isWhitespace(peek())) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** The text of a, i, c: GNU's one-line form ({@code a text}) or {@code a\} and the next line(s). */
    private String text() throws Error {
        skipBlanks();
        if (!more()) {
            throw new Error(pos, "expected \\ after `a', `c' or `i'");
        }
        if (peek() == '\\') {
            pos++;
            if (peek() == '\n') {
                pos++;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (more()) {
            char c = next();
            if (c == '\\' && more()) {
                sb.append(next());
            } else if (c == '\n') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void substitute(SedCommand c) throws Error {
        if (!more()) {
            throw new Error(pos, "unterminated `s' command");
        }
        char delim = next();
        String re = delimited(delim, true);
        String repl = re == null ? null : delimited(delim, false);
        if (repl == null) {
            pos = s.length();
            throw new Error(pos, "unterminated `s' command");
        }
        int flags = 0;
        boolean numbered = false;
        while (more()) {
            char f = peek();
            if (f == 'g') {
                if (c.global) {
                    pos++;
                    throw new Error(pos, "multiple `g' options to `s' command");
                }
                c.global = true;
            } else if (f == 'p') {
                if (c.print) {
                    pos++;
                    throw new Error(pos, "multiple `p' options to `s' command");
                }
                c.print = true;
            } else if (f == 'i' || f == 'I') {
                flags |= Pattern.CASE_INSENSITIVE;
            } else if (f == 'm' || f == 'M') {
                flags |= Pattern.MULTILINE;
            } else if (Character.isDigit(f)) {
                if (numbered) {
                    pos++;
                    throw new Error(pos, "multiple number options to `s' command");
                }
                c.nth = number();
                numbered = true;
                if (c.nth == 0) {
                    throw new Error(pos, "number option to `s' command may not be zero");
                }
                continue;
            } else if (f == 'w') {
                pos++;
                skipBlanks();
                int start = pos;
                while (more() && peek() != '\n') {
                    pos++;
                }
                c.writeFile = s.substring(start, pos);
                break;
            } else if (f == ';' || f == '\n' || f == '}' || f == '#' || f == ' ' || f == '\t') {
                break;
            } else {
                pos++;
                throw new Error(pos, "unknown option to `s'");
            }
            pos++;
        }
        c.regex = re.isEmpty() ? null : compile(re, flags);
        c.replacement = repl;
        int groups = c.regex == null ? 9 : c.regex.matcher("").groupCount();
        for (int i = 0; i + 1 < repl.length(); i++) {
            if (repl.charAt(i) == '\\') {
                char n = repl.charAt(++i);
                if (Character.isDigit(n) && n - '0' > groups) {
                    throw new Error(pos, "invalid reference \\" + n + " on `s' command's RHS");
                }
            }
        }
    }

    private void transliterate(SedCommand c) throws Error {
        if (!more()) {
            throw new Error(pos, "unterminated `y' command");
        }
        char delim = next();
        String a = delimited(delim, false);
        String b = a == null ? null : delimited(delim, false);
        if (b == null) {
            pos = s.length();
            throw new Error(pos, "unterminated `y' command");
        }
        c.from = unescape(a);
        c.to = unescape(b);
        if (c.from.length() != c.to.length()) {
            throw new Error(pos, "strings for `y' command are different lengths");
        }
    }

    private static String unescape(String t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '\\' && i + 1 < t.length()) {
                char n = t.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

}
