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
    /** A command: its words after expansion, and where its output goes. */
    record Command(List<String> words, String redirect, boolean append, boolean discardErrors) {
    }

    /** A pipeline and the operator after it ({@code &&}, {@code ||}, {@code ;}, {@code &} or null at the end). */
    record AndOr(List<Command> pipeline, String op) {
    }

    private final String s;
    private final Function<String, List<String>> substitute;
    private final Map<String, String> vars;
    private int i;

    ShellParser(String line, Function<String, List<String>> substitute, Map<String, String> vars) {
        this.s = line;
        this.substitute = substitute;
        this.vars = vars;
    }

    List<AndOr> parse() {
        List<AndOr> list = new ArrayList<>();
        List<Command> pipeline = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String redirect = null;
        boolean append = false;
        boolean discardErrors = false;
        boolean assigned = false;
        while (true) {
            skipBlanks();
            if (i >= s.length() || s.charAt(i) == '#') {
                break;
            }
            char c = s.charAt(i);
            String op = operator();
            if (op != null) {
                switch (op) {
                    case "|" -> {
                        pipeline.add(finish(words, redirect, append, discardErrors));
                        assigned = false;
                        words = new ArrayList<>();
                        redirect = null;
                        append = false;
                        discardErrors = false;
                    }
                    case "&&", "||", ";", "&" -> {
                        if (words.isEmpty() && redirect == null && assigned && pipeline.isEmpty()) {
                            // NAME=value alone: only sets a variable
                            assigned = false;
                            continue;
                        }
                        pipeline.add(finish(words, redirect, append, discardErrors));
                        assigned = false;
                        list.add(new AndOr(pipeline, op));
                        pipeline = new ArrayList<>();
                        words = new ArrayList<>();
                        redirect = null;
                        append = false;
                        discardErrors = false;
                    }
                    case ">", ">>", "1>", "1>>" -> {
                        skipBlanks();
                        List<String> target = word();
                        if (target.isEmpty()) {
                            throw new IllegalArgumentException("syntax error: unexpected newline");
                        }
                        redirect = target.get(0);
                        append = op.endsWith(">>");
                        if (redirect.equals("/dev/null")) {
                            redirect = DEV_NULL;
                        }
                    }
                    case "2>&1" -> {
                    }
                    case "2>" -> {
                        skipBlanks();
                        word();
                        discardErrors = true;
                    }
                    default -> throw new IllegalArgumentException("syntax error near unexpected token `" + op + "'");
                }
                continue;
            }
            if (c == '<') {
                throw new IllegalArgumentException("input redirection is not supported");
            }
            List<String> w = word();
            if (words.isEmpty() && w.size() == 1 && isAssignment(w.get(0))) {
                String a = w.get(0);
                vars.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                assigned = true;
                continue;
            }
            words.addAll(w);
        }
        if (!words.isEmpty() || !pipeline.isEmpty()) {
            pipeline.add(finish(words, redirect, append, discardErrors));
            list.add(new AndOr(pipeline, null));
        }
        return list;
    }

    /** Marker for output thrown away. */
    static final String DEV_NULL = "/dev/null";

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        return eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static Command finish(List<String> words, String redirect, boolean append, boolean discardErrors) {
        if (words.isEmpty() && redirect == null) {
            throw new IllegalArgumentException("syntax error: unexpected operator");
        }
        return new Command(List.copyOf(words), redirect, append, discardErrors);
    }

    private void skipBlanks() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private String operator() {
        for (String op : new String[] {"2>&1", "&&", "||", ">>", "1>>", "1>", "2>", "|", ";", ">", "&"}) {
            if (s.startsWith(op, i)) {
                // "2>" only when it starts a word
                if ((op.startsWith("2") || op.startsWith("1")) && i > 0 && s.charAt(i - 1) != ' ') {
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
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '|' || c == ';' || c == '&' || c == '>' || c == '<') {
                break;
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

    /** {@code $(...)}, {@code ${NAME}}, {@code $NAME}, {@code $?}: the expansion's text (lines). */
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
            List<String> lines = substitute.apply(s.substring(start, i - 1));
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
