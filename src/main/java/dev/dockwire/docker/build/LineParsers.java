package dev.dockwire.docker.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How BuildKit's parser splits one instruction's line (frontend/dockerfile/parser/split_command.go
 * and line_parsers.go): the instruction word, the {@code --flags} before the arguments, then the
 * arguments by instruction — JSON array or one string (RUN, CMD, ENTRYPOINT, SHELL), JSON array or
 * words (COPY, ADD, VOLUME), words (FROM, EXPOSE), name=value pairs or the old {@code ENV k v} form
 * (ENV, LABEL), ARG's words, ONBUILD's trigger, HEALTHCHECK's type and command, one string otherwise.
 */
final class LineParsers {
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LineParsers() {
    }

    /** newNodeFromLine. */
    static Node node(String line, char escape) throws DockerfileException {
        String[] cmdline = DockerfileParser.splitFirst(line);
        String cmd = cmdline[0];
        List<String> flags = new ArrayList<>();
        String args = "";
        if (cmdline.length == 2) {
            args = extractFlags(cmdline[1], escape, flags).strip();
        }
        List<String> out = new ArrayList<>();
        boolean json = false;
        Node trigger = null;
        switch (cmd.toLowerCase(Locale.ROOT)) {
            case "run", "cmd", "entrypoint", "shell" -> json = maybeJson(args, out);
            case "add", "copy", "volume" -> {
                json = json(args, out);
                if (!json) {
                    whitespaceDelimited(args, out);
                }
            }
            case "expose", "from" -> whitespaceDelimited(args, out);
            case "env" -> nameVal(args, "ENV", escape, out);
            case "label" -> nameVal(args, "LABEL", escape, out);
            case "arg" -> out.addAll(words(args, escape));
            case "onbuild" -> {
                if (!args.isEmpty()) {
                    trigger = node(args, escape);
                    out.add(trigger.instruction());
                    out.addAll(trigger.args());
                }
            }
            case "healthcheck" -> json = health(args, out);
            case "maintainer", "stopsignal", "user", "workdir" -> {
                if (!args.isEmpty()) {
                    out.add(args);
                }
            }
            default -> {
            }
        }
        return new Node(cmd, flags, out, json, List.of(), trigger, line, 0, 0);
    }

    /** extractBuilderFlags: the leading {@code --name[=value]} words; what follows them is returned. */
    private static String extractFlags(String line, char escape, List<String> words) {
        int pos = 0;
        int n = line.length();
        while (true) {
            while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos == n) {
                return "";
            }
            if (line.charAt(pos) != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
                return line.substring(pos);
            }
            StringBuilder word = new StringBuilder();
            boolean blankOk = false;
            char quote = 0;
            boolean inQuote = false;
            while (pos < n) {
                char ch = line.charAt(pos);
                if (!inQuote && Character.isWhitespace(ch)) {
                    break;
                }
                if (!inQuote && (ch == '\'' || ch == '"')) {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                } else if (inQuote && ch == quote) {
                    inQuote = false;
                } else if (ch == escape) {
                    if (pos + 1 < n) {
                        pos++;
                        word.append(line.charAt(pos));
                    }
                } else {
                    word.append(ch);
                }
                pos++;
            }
            if (word.toString().equals("--")) {
                return line.substring(pos);
            }
            if (blankOk || !word.isEmpty()) {
                words.add(word.toString());
            }
        }
    }

    /** parseWords: words split at white space outside quotes, quotes and escapes kept for the shell lexer. */
    static List<String> words(String rest, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        char quote = 0;
        boolean inQuote = false;
        int n = rest.length();
        for (int pos = 0; pos < n; pos++) {
            char ch = rest.charAt(pos);
            if (!inWord && !inQuote) {
                if (Character.isWhitespace(ch)) {
                    continue;
                }
                inWord = true;
            }
            if (inQuote) {
                if (ch == quote) {
                    inQuote = false;
                } else if (ch == escape && quote != '\'') {
                    if (pos + 1 == n) {
                        inQuote = false;
                        continue;
                    }
                    b.append(ch);
                    ch = rest.charAt(++pos);
                }
                b.append(ch);
                continue;
            }
            if (Character.isWhitespace(ch)) {
                inWord = false;
                if (blankOk || !b.isEmpty()) {
                    words.add(b.toString());
                }
                b.setLength(0);
                blankOk = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blankOk = true;
                inQuote = true;
            }
            if (ch == escape) {
                if (pos + 1 == n) {
                    continue;
                }
                b.append(ch);
                ch = rest.charAt(++pos);
            }
            b.append(ch);
        }
        if ((inWord || inQuote) && (blankOk || !b.isEmpty())) {
            words.add(b.toString());
        }
        return words;
    }

    /** parseNameVal: {@code k=v k2=v2} as (key, value, "=") triples, or the old {@code k v} form as (k, v, ""). */
    private static void nameVal(String rest, String key, char escape, List<String> out) throws DockerfileException {
        List<String> words = words(rest, escape);
        if (words.isEmpty()) {
            return;
        }
        if (!words.get(0).contains("=")) {
            String[] parts = DockerfileParser.whitespace().split(rest, 2);
            if (parts.length < 2) {
                throw new DockerfileException(key + " must have two arguments");
            }
            out.add(parts[0]);
            out.add(parts[1]);
            out.add("");
            return;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new DockerfileException("Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
            }
            out.add(word.substring(0, eq));
            out.add(word.substring(eq + 1));
            out.add("=");
        }
    }

    private static void whitespaceDelimited(String rest, List<String> out) {
        if (!rest.isEmpty()) {
            out.addAll(List.of(DockerfileParser.whitespace().split(rest, -1)));
        }
    }

    /** parseMaybeJSON: a JSON array of strings, or the whole rest as one string. */
    private static boolean maybeJson(String rest, List<String> out) throws DockerfileException {
        if (rest.isEmpty()) {
            return false;
        }
        if (json(rest, out)) {
            return true;
        }
        out.add(rest);
        return false;
    }

    /** parseJSON: true with the strings when {@code rest} is a JSON array of strings. */
    private static boolean json(String rest, List<String> out) throws DockerfileException {
        String s = rest.stripLeading();
        if (!s.startsWith("[")) {
            return false;
        }
        JsonNode array;
        try {
            array = JSON.readTree(s);
        } catch (java.io.IOException e) {
            return false;
        }
        if (array == null || !array.isArray()) {
            return false;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode x : array) {
            if (!x.isTextual()) {
                throw new DockerfileException("when using JSON array syntax, arrays must be comprised of strings only");
            }
            strings.add(x.asText());
        }
        out.addAll(strings);
        return true;
    }

    /** parseHealthConfig: the type word, then its command in either form. */
    private static boolean health(String rest, List<String> out) throws DockerfileException {
        int sep = 0;
        while (sep < rest.length() && !Character.isWhitespace(rest.charAt(sep))) {
            sep++;
        }
        if (sep == 0) {
            return false;
        }
        int next = sep;
        while (next < rest.length() && Character.isWhitespace(rest.charAt(next))) {
            next++;
        }
        out.add(rest.substring(0, sep));
        return maybeJson(rest.substring(next), out);
    }
}
