package dev.dockwire.docker.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's shell lexer (moby/buildkit frontend/dockerfile/shell/lex.go): the variable
 * substitution the builder applies to ENV, LABEL, ARG, FROM, WORKDIR, USER, EXPOSE, STOPSIGNAL,
 * COPY and ADD — {@code $X}, {@code ${X}}, {@code ${X:-word}}, {@code ${X-word}}, {@code ${X:+word}},
 * {@code ${X?msg}}, {@code ${X#pat}}, {@code ${X%pat}}, {@code ${X/pat/rep}}, single and double
 * quotes, the escape token — never a command, never globbing.
 */
public final class ShellLex {
    private final char escape;
    private boolean rawQuotes;
    private boolean rawEscapes;
    private boolean skipUnsetEnv;

    public ShellLex(char escape) {
        this.escape = escape;
    }

    /** Quotes kept in the result ({@code RawQuotes}). */
    ShellLex rawQuotes(boolean on) {
        rawQuotes = on;
        return this;
    }

    /** Escape tokens kept in the result ({@code RawEscapes}). */
    ShellLex rawEscapes(boolean on) {
        rawEscapes = on;
        return this;
    }

    /** An unset variable left as written ({@code SkipUnsetEnv}). */
    ShellLex skipUnsetEnv(boolean on) {
        skipUnsetEnv = on;
        return this;
    }

    /** {@code ProcessWord}: the word with its quotes removed and variables substituted; {@code env} answers null for unset. */
    public String processWord(String word, Function<String, String> env) throws DockerfileException {
        return new Word(word, env).process()[0];
    }

    /** {@code ProcessWords}: as {@link #processWord}, split into fields at unquoted white space. */
    public List<String> processWords(String word, Function<String, String> env) throws DockerfileException {
        Word w = new Word(word, env);
        w.process();
        return w.words.words();
    }

    /** One word being processed (shellWord). */
    private final class Word {
        private final String src;
        private final Function<String, String> env;
        private int pos;
        private boolean raw = rawEscapes;
        private Words words;

        Word(String src, Function<String, String> env) {
            this.src = src;
            this.env = env;
        }

        String[] process() throws DockerfileException {
            try {
                Words w = new Words();
                String out = stopOn(-1, raw, w);
                words = w;
                return new String[] {out};
            } catch (Lexing e) {
                throw new DockerfileException("failed to process \"" + src + "\": " + e.getMessage());
            }
        }

        private int peek() {
            return pos < src.length() ? src.charAt(pos) : -1;
        }

        private int next() {
            return pos < src.length() ? src.charAt(pos++) : -1;
        }

        private String stopOn(int stop, boolean rawEsc, Words w) throws Lexing {
            boolean saved = raw;
            raw = rawEsc;
            try {
                StringBuilder result = new StringBuilder();
                while (peek() != -1) {
                    int ch = peek();
                    if (stop != -1 && ch == stop) {
                        next();
                        return result.toString();
                    }
                    if (ch == '$') {
                        String v = dollar();
                        result.append(v);
                        w.addString(v);
                    } else if (ch == '<') {
                        String v = possibleHeredoc();
                        result.append(v);
                        w.addRaw(v);
                    } else if (ch == '\'') {
                        String v = singleQuote();
                        result.append(v);
                        w.addRaw(v);
                    } else if (ch == '"') {
                        String v = doubleQuote();
                        result.append(v);
                        w.addRaw(v);
                    } else {
                        ch = next();
                        if (ch == escape) {
                            if (raw) {
                                w.addRaw(String.valueOf((char) ch));
                                result.append((char) ch);
                            }
                            ch = next();
                            if (ch == -1) {
                                break;
                            }
                            w.addRaw(String.valueOf((char) ch));
                        } else {
                            w.addChar((char) ch);
                        }
                        result.append((char) ch);
                    }
                }
                if (stop != -1) {
                    throw new Lexing("unexpected end of statement while looking for matching " + (char) stop);
                }
                return result.toString();
            } finally {
                raw = saved;
            }
        }

        private String singleQuote() throws Lexing {
            StringBuilder out = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                out.append((char) ch);
            }
            while (true) {
                ch = next();
                if (ch == -1) {
                    throw new Lexing("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        out.append((char) ch);
                    }
                    return out.toString();
                }
                out.append((char) ch);
            }
        }

        private String doubleQuote() throws Lexing {
            StringBuilder out = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                out.append((char) ch);
            }
            while (true) {
                int p = peek();
                if (p == -1) {
                    throw new Lexing("unexpected end of statement while looking for matching double-quote");
                } else if (p == '"') {
                    next();
                    if (rawQuotes) {
                        out.append('"');
                    }
                    return out.toString();
                } else if (p == '$') {
                    out.append(dollar());
                } else {
                    ch = next();
                    if (ch == escape) {
                        if (raw) {
                            out.append((char) ch);
                        }
                        int q = peek();
                        if (q == -1) {
                            continue;
                        }
                        if (q == '"' || q == '$' || q == escape) {
                            ch = next();
                        }
                    }
                    out.append((char) ch);
                }
            }
        }

        private String possibleHeredoc() {
            next();
            if (peek() != '<') {
                return "<";
            }
            next();
            StringBuilder out = new StringBuilder("<<");
            while (peek() == ' ' || peek() == '\t' || peek() == '\r') {
                out.append((char) next());
            }
            return out.toString();
        }

        private String dollar() throws Lexing {
            next();
            if (peek() != '{') {
                String name = name();
                if (name.isEmpty()) {
                    return "$";
                }
                String v = env.apply(name);
                if (v == null && skipUnsetEnv) {
                    return "$" + name;
                }
                return v == null ? "" : v;
            }
            next();
            int p = peek();
            if (p == -1) {
                throw new Lexing("syntax error: missing '}'");
            }
            if (p == '{' || p == '}' || p == ':') {
                throw new Lexing("syntax error: bad substitution");
            }
            String name = name();
            int ch = next();
            String chs = ch == -1 ? "\uFFFD" : String.valueOf((char) ch);
            boolean nullIsUnset = false;
            String value = env.apply(name);
            boolean set = value != null;
            switch (ch) {
                case '}':
                    if (!set && skipUnsetEnv) {
                        return "${" + name + "}";
                    }
                    return set ? value : "";
                case ':':
                    nullIsUnset = true;
                    ch = next();
                    chs += ch == -1 ? "\uFFFD" : String.valueOf((char) ch);
                    return modifier(name, value, ch, chs, true);
                case '+', '-', '?', '#', '%':
                    return modifier(name, value, ch, chs, nullIsUnset);
                case '/':
                    return replace(name, value);
                default:
                    throw new Lexing("unsupported modifier (" + chs + ") in substitution");
            }
        }

        private String modifier(String name, String value, int ch, String chs, boolean nullIsUnset) throws Lexing {
            boolean trim = ch == '#' || ch == '%';
            if (ch != '+' && ch != '-' && ch != '?' && !trim) {
                throw new Lexing("unsupported modifier (" + chs + ") in substitution");
            }
            if (nullIsUnset && trim) {
                throw new Lexing("unsupported modifier (" + chs + ") in substitution");
            }
            String word;
            try {
                word = stopOn('}', trim, new Words());
            } catch (Lexing e) {
                throw peek() == -1 ? new Lexing("syntax error: missing '}'") : e;
            }
            boolean set = value != null;
            if (skipUnsetEnv && !set) {
                return "${" + name + chs + word + "}";
            }
            boolean empty = !set || nullIsUnset && value.isEmpty();
            switch (ch) {
                case '-':
                    return empty ? word : value;
                case '+':
                    return empty ? "" : word;
                case '?':
                    if (!set) {
                        throw new Lexing(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    if (empty) {
                        throw new Lexing(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    return value;
                default:
                    String v = set ? value : "";
                    boolean greedy = !word.isEmpty() && word.charAt(0) == ch;
                    String pattern = greedy ? word.substring(1) : word;
                    if (ch == '#') {
                        return trimPrefix(pattern, v, greedy);
                    }
                    return new StringBuilder(trimPrefix(reversePattern(pattern), new StringBuilder(v).reverse().toString(), greedy))
                            .reverse().toString();
            }
        }

        private String replace(String name, String value) throws Lexing {
            boolean all = peek() == '/';
            if (all) {
                next();
            }
            String pattern;
            try {
                pattern = stopOn('/', true, new Words());
            } catch (Lexing e) {
                throw peek() == -1 ? new Lexing("syntax error: missing '/' in ${}") : e;
            }
            String replacement;
            try {
                replacement = stopOn('}', true, new Words());
            } catch (Lexing e) {
                throw peek() == -1 ? new Lexing("syntax error: missing '}'") : e;
            }
            if (skipUnsetEnv && value == null) {
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }
            String v = value == null ? "" : value;
            Matcher m = regex(pattern, true, false).matcher(v);
            String rep = Matcher.quoteReplacement(replacement);
            return all ? m.replaceAll(rep) : m.replaceFirst(rep);
        }

        private String name() {
            StringBuilder name = new StringBuilder();
            while (peek() != -1) {
                char ch = (char) peek();
                if (name.isEmpty() && Character.isDigit(ch)) {
                    while (peek() != -1 && Character.isDigit((char) peek())) {
                        name.append((char) next());
                    }
                    return name.toString();
                }
                if (name.isEmpty() && "@*#?-$!0".indexOf(ch) >= 0) {
                    next();
                    return String.valueOf(ch);
                }
                if (!Character.isLetterOrDigit(ch) && ch != '_') {
                    break;
                }
                name.append((char) next());
            }
            return name.toString();
        }
    }

    private static String trimPrefix(String pattern, String value, boolean greedy) throws Lexing {
        Matcher m = regex(pattern, greedy, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    /** A shell pattern as a regular expression (convertShellPatternToRegex: {@code *}, {@code ?}, escapes; no brackets). */
    private static Pattern regex(String pattern, boolean greedy, boolean anchored) throws Lexing {
        StringBuilder out = new StringBuilder(anchored ? "^" : "");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                out.append(greedy ? ".*" : ".*?");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '\\') {
                char n = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
                if (n == '}' || n == '/') {
                    continue;
                }
                if (n != '*' && n != '?' && n != '\\') {
                    throw new Lexing("invalid pattern (" + pattern + ") in substitution: invalid escape '\\" + n + "'");
                }
                out.append('\\').append(n);
                i++;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }

    /** Reverses a pattern keeping each escape before the character it escapes ({@code a\*c} → {@code c\*a}). */
    private static String reversePattern(String pattern) {
        char[] in = pattern.toCharArray();
        char[] out = new char[in.length];
        int last = in.length - 1;
        for (int i = 0; i <= last; ) {
            if (in[i] == '\\' && i != last) {
                out[last - i - 1] = '\\';
                out[last - i] = in[i + 1];
                i += 2;
            } else {
                out[last - i] = in[i];
                i++;
            }
        }
        return new String(out);
    }

    /** The fields of a word, split at white space that came from neither a quote nor an escape (wordsStruct). */
    private static final class Words {
        private final StringBuilder buf = new StringBuilder();
        private final List<String> out = new ArrayList<>();
        private boolean inWord;

        void addChar(char ch) {
            if (Character.isWhitespace(ch)) {
                if (inWord && !buf.isEmpty()) {
                    out.add(buf.toString());
                    buf.setLength(0);
                    inWord = false;
                }
            } else {
                addRaw(String.valueOf(ch));
            }
        }

        void addString(String s) {
            for (char c : s.toCharArray()) {
                addChar(c);
            }
        }

        void addRaw(String s) {
            buf.append(s);
            inWord = true;
        }

        List<String> words() {
            if (!buf.isEmpty()) {
                out.add(buf.toString());
                buf.setLength(0);
                inWord = false;
            }
            return out;
        }
    }

    /** A lexing error before it is wrapped with the word it was in. */
    private static final class Lexing extends Exception {
        private static final long serialVersionUID = 1L;

        Lexing(String message) {
            super(message);
        }
    }
}
