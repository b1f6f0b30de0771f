package dev.dockwire.docker.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's Dockerfile parser (moby/buildkit frontend/dockerfile/parser/parser.go): parser
 * directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) before the first other line,
 * comments, line continuations with the escape token (comment lines inside a continuation dropped,
 * empty ones warned of), each instruction split into its word, {@code --flags} and arguments by its
 * line parser ({@link LineParsers}), and the here-documents of RUN, COPY and ADD.
 */
public final class DockerfileParser {
    private static final Pattern WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");

    /** What the parser read: the instructions, the escape token and the warnings (empty continuation lines). */
    public record Result(List<Node> nodes, char escape, Map<String, String> directives, List<String> warnings) {
    }

    private char escape = '\\';
    private Pattern continuation = continuation('\\');
    private boolean directivesDone;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> directives = new java.util.LinkedHashMap<>();

    private DockerfileParser() {
    }

    /** Parses a Dockerfile's text (parser.Parse). */
    public static Result parse(String text) throws DockerfileException {
        return new DockerfileParser().run(text);
    }

    private static Pattern continuation(char esc) {
        String e = Pattern.quote(String.valueOf(esc));
        return Pattern.compile("([^" + (esc == '\\' ? "\\\\" : "`") + "])" + e + "[ \\t]*$|^" + e + "[ \\t]*$");
    }

    private Result run(String text) throws DockerfileException {
        List<String> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Node> nodes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int current = 0;
        int i = 0;
        while (i < lines.size()) {
            String read = processLine(lines.get(i++), true, current);
            current++;
            int start = current;
            String[] trimmed = trimContinuation(read);
            boolean end = trimmed[1] != null;
            if (end && trimmed[0].isEmpty()) {
                continue;
            }
            StringBuilder buf = new StringBuilder(trimmed[0]);
            boolean emptyContinuation = false;
            while (!end && i < lines.size()) {
                String raw = lines.get(i++);
                String next = processLine(raw, false, current);
                current++;
                if (isComment(raw)) {
                    continue;
                }
                if (next.isBlank()) {
                    emptyContinuation = true;
                    continue;
                }
                trimmed = trimContinuation(next);
                end = trimmed[1] != null;
                buf.append(trimmed[0]);
            }
            String line = buf.toString();
            if (emptyContinuation) {
                warnings.add("Empty continuation line found in: " + line);
            }
            Node node;
            try {
                node = LineParsers.node(line, escape);
            } catch (DockerfileException e) {
                throw located(e, start).at(start, current);
            }
            List<Node.Heredoc> docs = new ArrayList<>();
            if (canContainHeredoc(node) && line.contains("<<")) {
                for (Node.Heredoc h : heredocsFromLine(line)) {
                    StringBuilder content = new StringBuilder();
                    boolean terminated = false;
                    while (i < lines.size()) {
                        String raw = lines.get(i++);
                        current++;
                        String candidate = stripNewline(raw);
                        if (h.chomp()) {
                            candidate = candidate.replaceFirst("^\\t+", "");
                        }
                        if (candidate.equals(h.name())) {
                            terminated = true;
                            break;
                        }
                        content.append(raw);
                    }
                    if (!terminated) {
                        throw located(new DockerfileException("unterminated heredoc"), start).at(start, current);
                    }
                    docs.add(new Node.Heredoc(h.name(), h.fileDescriptor(), h.expand(), h.chomp(), content.toString()));
                }
            }
            nodes.add(node.at(start, current, docs));
        }
        if (nodes.isEmpty()) {
            throw new DockerfileException("file with no instructions");
        }
        return new Result(List.copyOf(nodes), escape, Map.copyOf(directives), List.copyOf(warnings));
    }

    private static DockerfileException located(DockerfileException e, int line) {
        return new DockerfileException("dockerfile parse error on line " + line + ": " + e.getMessage());
    }

    /** The lines with their newlines, as bufio's scanLines with buildkit's split keeps them. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(from, to));
            from = to;
        }
        return out;
    }

    private static String stripNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isComment(String line) {
        String t = line.stripLeading();
        return !t.isEmpty() && t.charAt(0) == '#';
    }

    /** processLine: the line without its newline (and leading space), a parser directive taken, a comment emptied. */
    private String processLine(String raw, boolean stripLeft, int lineNo) throws DockerfileException {
        String token = stripNewline(raw);
        if (stripLeft) {
            token = token.stripLeading();
        }
        directive(token, lineNo);
        return isComment(token) ? "" : token;
    }

    /** DirectiveParser.ParseLine: {@code # name=value} while only directives have been read. */
    private void directive(String line, int lineNo) throws DockerfileException {
        if (directivesDone) {
            return;
        }
        if (!line.startsWith("#")) {
            directivesDone = true;
            return;
        }
        Matcher m = DIRECTIVE.matcher(line.substring(1).stripLeading());
        String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        if (key == null || !DIRECTIVES.contains(key)) {
            directivesDone = true;
            return;
        }
        if (!seen.add(key)) {
            throw located(new DockerfileException("only one " + key + " parser directive can be used"), lineNo + 1);
        }
        directives.put(key, m.group(2));
        if (key.equals("escape")) {
            String v = m.group(2);
            if (!v.equals("`") && !v.equals("\\")) {
                throw located(new DockerfileException("invalid escape token '" + v + "' does not match ` or \\"), lineNo + 1);
            }
            escape = v.charAt(0);
            continuation = continuation(escape);
        }
    }

    /** trimContinuationCharacter: {text, null} when the line goes on, {text, ""} when it ends. */
    private String[] trimContinuation(String line) {
        Matcher m = continuation.matcher(line);
        if (m.find()) {
            return new String[] {line.substring(0, m.start()) + (m.group(1) == null ? "" : m.group(1)), null};
        }
        return new String[] {line, ""};
    }

    private static boolean canContainHeredoc(Node node) {
        Node n = node.instruction().equalsIgnoreCase("onbuild") && node.trigger() != null ? node.trigger() : node;
        return HEREDOC_INSTRUCTIONS.contains(n.instruction().toLowerCase(Locale.ROOT)) && !n.json();
    }

    private static List<Node.Heredoc> heredocsFromLine(String line) throws DockerfileException {
        List<Node.Heredoc> out = new ArrayList<>();
        List<String> words;
        try {
            words = new ShellLex('\\').rawQuotes(true).rawEscapes(true).skipUnsetEnv(true).processWords(line, k -> null);
        } catch (DockerfileException e) {
            return out;
        }
        for (String word : words) {
            Node.Heredoc h = heredoc(word);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    /** ParseHeredoc: {@code [fd]<<[-]NAME}, {@code NAME} quoted when its content is not to be expanded. */
    static Node.Heredoc heredoc(String src) throws DockerfileException {
        Matcher m = HEREDOC.matcher(src);
        if (!m.matches() || m.group(3).isEmpty()) {
            return null;
        }
        String rest = m.group(3);
        List<String> words = new ShellLex('\\').skipUnsetEnv(true).processWords(rest, k -> null);
        if (words.size() != 1) {
            return null;
        }
        List<String> raw = new ShellLex('\\').skipUnsetEnv(true).rawQuotes(true).processWords(rest, k -> null);
        String word = words.get(0);
        String wordRaw = raw.get(0);
        boolean expand = quotes(word) == quotes(wordRaw);
        int fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
        return new Node.Heredoc(word, fd, expand, m.group(2).equals("-"), "");
    }

    private static long quotes(String s) {
        return s.chars().filter(c -> c == '\'' || c == '"').count();
    }

    static String[] splitFirst(String s) {
        return WHITESPACE.split(s.strip(), 2);
    }

    static Pattern whitespace() {
        return WHITESPACE;
    }
}
