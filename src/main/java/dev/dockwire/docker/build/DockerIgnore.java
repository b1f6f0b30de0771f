package dev.dockwire.docker.build;

import dev.dockwire.libc.LexicalPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build context's {@code .dockerignore}: which of its files the client leaves out of the context
 * it sends, so that no COPY or ADD sees them. Read as moby/patternmatcher's ignorefile.ReadAll reads
 * it (a {@code #} line is a comment, blank lines skipped, each pattern trimmed and cleaned as Go's
 * filepath.Clean, relative to the context, {@code !} an exception) and matched as its
 * MatchesOrParentMatches does: in order, the last pattern that matches the path or one of its parent
 * directories decides; {@code *} and {@code ?} stop at {@code /}, {@code **} crosses directories.
 */
public final class DockerIgnore {
    /** No file: nothing is left out. */
    public static final DockerIgnore NONE = new DockerIgnore(List.of());

    private record Rule(Pattern pattern, boolean exception) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** The patterns of a {@code .dockerignore}'s text; null text (no such file) is {@link #NONE}. */
    public static DockerIgnore parse(String text) {
        if (text == null) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1); // ReadAll drops a UTF-8 byte order mark
            }
            first = false;
            if (line.startsWith("#")) {
                continue;
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean exception = p.charAt(0) == '!';
            if (exception) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                p = clean(p); // and relative: ReadAll drops a leading '/'
            }
            rules.add(new Rule(compile(p), exception));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether {@code path} (relative to the context, {@code /}-separated) is left out. */
    public boolean excludes(String path) {
        String file = clean(path);
        String[] parents = file.split("/");
        boolean matched = false;
        for (Rule r : rules) {
            if (r.exception() != matched) {
                continue; // an exception only un-matches, an exclusion only matches
            }
            boolean match = r.pattern().matcher(file).matches();
            StringBuilder parent = new StringBuilder();
            for (int i = 0; !match && i < parents.length - 1; i++) {
                parent.append(i == 0 ? "" : "/").append(parents[i]);
                match = r.pattern().matcher(parent).matches();
            }
            if (match) {
                matched = !r.exception();
            }
        }
        return matched;
    }

    /** patternmatcher's compile: a pattern as an anchored regular expression. */
    private static Pattern compile(String p) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < p.length() && p.charAt(i + 1) == '/') {
                        i++; // "**/" is "**"
                    }
                    re.append(i + 1 == p.length() ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\' && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (".+()|{}^$".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c); // '[' ']' and the rest as Go's regexp reads them
            }
        }
        return Pattern.compile(re.append('$').toString(), Pattern.DOTALL);
    }

    /** Go's path.Clean of a context-relative path ({@link LexicalPath}; a {@code ..} above the context folds into it). */
    private static String clean(String path) {
        String s = LexicalPath.clean("/" + path).substring(1);
        return s.isEmpty() ? "." : s;
    }
}
