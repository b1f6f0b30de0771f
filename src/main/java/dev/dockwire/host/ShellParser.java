package dev.dockwire.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses one shell command line into and-or lists of pipelines of commands, expanding
 * variables and command substitutions as it reads words (left to right, as sh does for the
 * simple cases people type). Unquoted expansions split on blanks; quoted ones do not.
 */
final class ShellParser {
    /**
     * A command: its words after expansion, where its standard output and standard error go (after
     * its redirections, applied left to right as dup2 applies them: {@code >f 2>&1} sends both to f,
     * {@code 2>&1 >f} stderr where stdout was and stdout to f) and where its input comes from (null:
     * the pipeline's; a here-document's lines, or a file named by {@code < FILE}).
     */
    record Command(List<String> words, Target out, Target err, Input input) {
        /** A command with the streams the shell gave it. */
        Command(List<String> words) {
            this(words, Target.STDOUT, Target.STDERR, null);
        }

        /** Whether a redirection sends its stdout somewhere else than the pipeline's stream. */
        boolean redirected() {
            return out != Target.STDOUT;
        }
    }

    /**
     * Where a file descriptor writes: the shell's own stdout (the pipe to the next command, the
     * terminal, a {@code $( )}), its stderr (the terminal), or a file.
     */
    record Target(String file, boolean append) {
        static final Target STDOUT = new Target("&1", false);
        static final Target STDERR = new Target("&2", false);

        boolean isFile() {
            return this != STDOUT && this != STDERR;
        }
    }

    /** A command's standard input: a here-document's lines (filled when its body has been read) or a file. */
    static final class Input {
        final String file;
        List<String> lines = List.of();

        Input(String file) {
            this.file = file;
        }
    }

    /** A pipeline and the operator after it ({@code &&}, {@code ||}, {@code ;}, {@code &} or null at the end). */
    record AndOr(List<Command> pipeline, String op, Timed timed) {
        AndOr(List<Command> pipeline, String op) {
            this(pipeline, op, null);
        }
    }

    /** bash's {@code time} keyword before a pipeline: its report in bash's format or POSIX's ({@code -p}). */
    enum Timed { BASH, POSIX }

    private String s;
    private boolean skipped;
    private final Function<String, List<String>> substitute;
    private final Map<String, String> vars;
    private int i;

    ShellParser(String line, Function<String, List<String>> substitute, Map<String, String> vars) {
        this.s = line;
        this.substitute = substitute;
        this.vars = vars;
    }

    /** Every and-or list of the text, expanded now (variables as they are before any runs). */
    List<AndOr> parse() {
        List<AndOr> list = new ArrayList<>();
        for (AndOr item = next(); item != null; item = next()) {
            list.add(item);
        }
        return list;
    }

    /**
     * The next and-or list, expanded as it is read, so that it sees what the lists before it did
     * ({@code $?}, assignments, {@code export}); null at the end. A newline ends a list as
     * {@code ;} does.
     */
    AndOr next() {
        return next(false);
    }

    /**
     * The next and-or list; {@code skipped} when {@code &&} or {@code ||} will not run it, so that
     * it is read without running its command substitutions or making its assignments, as sh does.
     */
    AndOr next(boolean skipped) {
        this.skipped = skipped;
        List<Command> pipeline = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Target out = Target.STDOUT;
        Target err = Target.STDERR;
        boolean redirected = false;
        boolean assigned = false;
        Input input = null;
        Timed timed = null;
        while (true) {
            skipBlanks();
            if (i < s.length() && s.charAt(i) == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            }
            if (timed == null && pipeline.isEmpty() && words.isEmpty() && !redirected && !assigned && keyword("time")) {
                skipBlanks();
                timed = keyword("-p") ? Timed.POSIX : Timed.BASH;
                continue;
            }
            if (i >= s.length() || s.charAt(i) == '\n') {
                boolean newline = i < s.length();
                if (newline) {
                    i++;
                }
                if (words.isEmpty() && !redirected && pipeline.isEmpty()) {
                    if (timed != null) {
                        return new AndOr(List.of(), newline ? ";" : null, timed); // time alone: the shell's times
                    }
                    if (assigned) {
                        return new AndOr(List.of(), newline ? ";" : null); // NAME=value alone: a command of its own
                    }
                    if (!newline) {
                        return null;
                    }
                    continue;
                }
                pipeline.add(finish(words, redirected, out, err, input));
                return new AndOr(pipeline, newline ? ";" : null, timed);
            }
            char c = s.charAt(i);
            String op = operator();
            if (op != null) {
                switch (op) {
                    case "|", "|&" -> {
                        if (op.equals("|&")) {
                            err = out; // bash: "2>&1 |", after the command's own redirections
                        }
                        pipeline.add(finish(words, redirected, out, err, input));
                        assigned = false;
                        words = new ArrayList<>();
                        out = Target.STDOUT;
                        err = Target.STDERR;
                        redirected = false;
                        input = null;
                        skipNewlines();
                    }
                    case "&&", "||", ";", "&" -> {
                        if (words.isEmpty() && !redirected && assigned && pipeline.isEmpty()) {
                            return new AndOr(List.of(), op); // NAME=value alone: only sets a variable
                        }
                        pipeline.add(finish(words, redirected, out, err, input));
                        if (!op.equals(";") && !op.equals("&")) {
                            skipNewlines();
                        }
                        return new AndOr(pipeline, op, timed);
                    }
                    case ">", ">>", "1>", "1>>" -> {
                        out = new Target(target(), op.endsWith(">>"));
                        redirected = true;
                    }
                    case "2>", "2>>" -> {
                        err = new Target(target(), op.endsWith(">>"));
                        redirected = true;
                    }
                    case "&>", "&>>" -> {
                        out = new Target(target(), op.endsWith(">>"));
                        err = out;
                        redirected = true;
                    }
                    case "2>&1" -> {
                        err = out;
                        redirected = true;
                    }
                    case ">&2", "1>&2" -> {
                        out = err;
                        redirected = true;
                    }
                    case "<<", "<<-" -> input = hereDocument(op.equals("<<-"));
                    case "<" -> {
                        skipBlanks();
                        List<String> source = word();
                        if (source.isEmpty()) {
                            throw new IllegalArgumentException("syntax error: unexpected newline");
                        }
                        input = new Input(source.get(0));
                    }
                    default -> throw new IllegalArgumentException("syntax error near unexpected token `" + op + "'");
                }
                continue;
            }
            List<String> w = word(words.isEmpty());
            if (words.isEmpty() && w.size() == 1 && isAssignment(w.get(0))) {
                String a = w.get(0);
                if (!skipped) {
                    vars.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                }
                assigned = true;
                continue;
            }
            words.addAll(w);
            if (w.isEmpty() && i < s.length() && s.charAt(i) == c && c != '$') {
                throw new IllegalArgumentException("syntax error near unexpected token `" + c + "'");
            }
        }
    }

    /** {@code <<WORD}: the delimiter (quoted: the body is taken as it is), its body read after this line. */
    private Input hereDocument(boolean stripTabs) {
        skipBlanks();
        StringBuilder d = new StringBuilder();
        boolean quoted = false;
        while (i < s.length() && " \t\n;&|<>()".indexOf(s.charAt(i)) < 0) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("syntax error: unterminated quoted string");
                }
                d.append(s, i + 1, end);
                i = end + 1;
                quoted = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                d.append(s.charAt(i + 1));
                i += 2;
                quoted = true;
            } else {
                d.append(c);
                i++;
            }
        }
        if (d.length() == 0) {
            throw new IllegalArgumentException("syntax error near unexpected token `newline'");
        }
        return body(d.toString(), stripTabs, !quoted);
    }

    /**
     * The here-document's body: the lines after the current one up to the delimiter (at the end
     * of the text bash takes what there is and warns), cut out of the text so that parsing goes on
     * after the operator as if they were not there; expanded unless the delimiter was quoted.
     */
    private Input body(String delimiter, boolean stripTabs, boolean expand) {
        int lineEnd = s.indexOf('\n', i);
        Input input = new Input(null);
        if (lineEnd < 0) {
            return input;
        }
        List<String> lines = new ArrayList<>();
        int at = lineEnd + 1;
        while (at < s.length()) {
            int end = s.indexOf('\n', at);
            String line = s.substring(at, end < 0 ? s.length() : end);
            at = end < 0 ? s.length() : end + 1;
            if (stripTabs) {
                line = line.replaceFirst("^\t+", "");
            }
            if (line.equals(delimiter)) {
                break;
            }
            lines.add(line);
        }
        s = s.substring(0, lineEnd + 1) + s.substring(at);
        if (expand && !lines.isEmpty()) {
            String text = new ShellParser(String.join("\n", lines), substitute, vars).hereDocumentText();
            input.lines = List.of(text.split("\n", -1));
        } else {
            input.lines = List.copyOf(lines);
        }
        return input;
    }

    /** An unquoted here-document's body expanded: parameters, command substitutions, {@code \$ \` \\} and {@code \newline}. */
    private String hereDocumentText() {
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$`\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                if (s.charAt(i + 1) != '\n') {
                    out.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$') {
                out.append(String.join("\n", dollar()));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        return eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static Command finish(List<String> words, boolean redirected, Target out, Target err, Input input) {
        if (words.isEmpty() && !redirected) {
            throw new IllegalArgumentException("syntax error: unexpected operator");
        }
        return new Command(List.copyOf(words), out, err, input);
    }

    /** Whether the text goes on with the unquoted word {@code w}, which is then read. */
    private boolean keyword(String w) {
        int end = i + w.length();
        if (!s.startsWith(w, i) || end < s.length() && " \t\n;&|".indexOf(s.charAt(end)) < 0) {
            return false;
        }
        i = end;
        return true;
    }

    /** A redirection's file: the next word. */
    private String target() {
        skipBlanks();
        List<String> target = word();
        if (target.isEmpty()) {
            throw new IllegalArgumentException("syntax error: unexpected newline");
        }
        return target.get(0);
    }

    /** Blanks, and backslash-newlines, which join two lines into one. */
    private void skipBlanks() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else {
                break;
            }
        }
    }

    /** After {@code |}, {@code &&} or {@code ||} the command may go on after a newline. */
    private void skipNewlines() {
        skipBlanks();
        while (i < s.length() && s.charAt(i) == '\n') {
            i++;
            skipBlanks();
        }
    }

    private String operator() {
        for (String op : new String[] {"2>&1", "1>&2", ">&2", "2>>", "2>", "&>>", "&>", "|&", "&&", "||", ">>", "1>>", "1>", "<<-", "<<", "|", ";", ">", "&", "<"}) {
            if (s.startsWith(op, i)) {
                // "2>" only when it starts a word
                if ((op.startsWith("2") || op.startsWith("1")) && i > 0 && s.charAt(i - 1) != ' ' && s.charAt(i - 1) != '\t') {
                    continue;
                }
                i += op.length();
                return op;
            }
        }
        return null;
    }

    /** One word, expanded; unquoted expansions may split it into several (or none). */
    private List<String> word() {
        return word(false);
    }

    /**
     * One word; {@code mayAssign}: it may be a {@code NAME=value} before the command's name, whose
     * value is not split (bash's assignment words: {@code x=$(cmd)} keeps the blanks).
     */
    private List<String> word(boolean mayAssign) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '|' || c == ';' || c == '&' || c == '>' || c == '<') {
                break;
            }
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2; // a line continuation inside a word joins its halves
                continue;
            }
            any = true;
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("syntax error: unterminated quoted string");
                }
                cur.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("syntax error: unterminated quoted string");
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    } else if (d == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i += 2;
                    } else if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        cur.append(s.charAt(i + 1));
                        i += 2;
                    } else if (d == '$') {
                        cur.append(String.join(" ", dollar()));
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$' && mayAssign && out.isEmpty() && isAssignment(cur.toString())) {
                cur.append(String.join("\n", dollar()));
            } else if (c == '$') {
                List<String> parts = splitBlanks(String.join("\n", dollar()));
                for (int k = 0; k < parts.size(); k++) {
                    if (k > 0) {
                        out.add(cur.toString());
                        cur.setLength(0);
                    }
                    cur.append(parts.get(k));
                }
                if (parts.isEmpty() && cur.length() == 0) {
                    any = false;
                }
            } else {
                cur.append(c);
                i++;
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static List<String> splitBlanks(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.trim().split("\\s+")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** {@code $(...)}, {@code ${NAME}}, {@code $NAME}, {@code $?}, {@code $!}: the expansion's text (lines). */
    private List<String> dollar() {
        i++; // $
        if (i < s.length() && s.charAt(i) == '(') {
            int depth = 1;
            int start = ++i;
            while (i < s.length() && depth > 0) {
                char c = s.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '\'') {
                    int end = s.indexOf('\'', i + 1);
                    i = end < 0 ? s.length() : end;
                }
                i++;
            }
            if (depth > 0) {
                throw new IllegalArgumentException("syntax error: unterminated $(");
            }
            List<String> lines = skipped ? List.of() : substitute.apply(s.substring(start, i - 1));
            // Trailing newlines are removed by command substitution.
            List<String> trimmed = new ArrayList<>(lines);
            while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
                trimmed.remove(trimmed.size() - 1);
            }
            return trimmed;
        }
        if (i < s.length() && s.charAt(i) == '{') {
            int end = s.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("syntax error: bad substitution");
            }
            String name = s.substring(i + 1, end);
            i = end + 1;
            return List.of(vars.getOrDefault(name, ""));
        }
        if (i < s.length() && s.charAt(i) == '?') {
            i++;
            return List.of(vars.getOrDefault("?", "0"));
        }
        if (i < s.length() && s.charAt(i) == '!') { // the last background job's pid; empty before any
            i++;
            return List.of(vars.getOrDefault("!", ""));
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (start == i) {
            return List.of("$");
        }
        return List.of(vars.getOrDefault(s.substring(start, i), ""));
    }
}
