package dev.dockwire.app.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code read} splits its line into its names (XCU read, 2.6.5 field splitting; ash's
 * shell_builtin_read, dash's readcmd, bash's read_builtin agree): IFS whitespace around a field is
 * dropped and a run of it is one delimiter; any other IFS character is a delimiter of its own, with
 * the IFS whitespace around it; the last name takes the rest, less its trailing IFS whitespace and
 * less a single delimiter that ends it ({@code a:b:} gives the last {@code b}, {@code a:b::} keeps
 * {@code b::}). Without {@code -r} a backslash makes the next character literal (no delimiter) and
 * joins a line ending in it to the next.
 */
final class Read {
    /** IFS when unset. */
    static final String DEFAULT_IFS = " \t\n";

    private final String text;
    private final boolean[] literal;
    private final String ifs;
    private int pos;

    private Read(String text, boolean[] literal, String ifs) {
        this.text = text;
        this.literal = literal;
        this.ifs = ifs;
    }

    /** Whether {@code line} ends in an unescaped backslash: without {@code -r} the next line continues it. */
    static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** {@code line} split for {@code count} names (at least one) with {@code ifs} (null: unset); {@code raw}: {@code -r}. */
    static List<String> split(String line, int count, String ifs, boolean raw) {
        StringBuilder text = new StringBuilder();
        List<Boolean> lit = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !raw && i + 1 < line.length()) {
                text.append(line.charAt(++i));
                lit.add(true);
            } else if (c == '\\' && !raw) {
                continue; // the continuation's backslash, its newline already gone
            } else {
                text.append(c);
                lit.add(false);
            }
        }
        boolean[] literal = new boolean[lit.size()];
        for (int i = 0; i < literal.length; i++) {
            literal[i] = lit.get(i);
        }
        return new Read(text.toString(), literal, ifs == null ? DEFAULT_IFS : ifs).fields(count);
    }

    private List<String> fields(int count) {
        List<String> out = new ArrayList<>();
        skipWhitespace();
        for (int n = 1; n < count; n++) {
            int start = pos;
            while (pos < text.length() && !delimiter(pos)) {
                pos++;
            }
            out.add(text.substring(start, pos));
            skipDelimiter();
        }
        out.add(last());
        return out;
    }

    /** The rest for the last name: its trailing IFS whitespace dropped, then one delimiter that ends it. */
    private String last() {
        int end = text.length();
        while (end > pos && whitespace(end - 1)) {
            end--;
        }
        int p = pos;
        while (p < end && !delimiter(p)) {
            p++;
        }
        if (p < end) {
            int after = p;
            while (after < end && whitespace(after)) {
                after++;
            }
            if (after < end && delimiter(after)) {
                after++; // one other IFS character, with the whitespace around it
            }
            while (after < end && whitespace(after)) {
                after++;
            }
            if (after == end) {
                end = p;
            }
        }
        return text.substring(pos, end);
    }

    /** After a field: the whitespace, one other IFS character, the whitespace after it. */
    private void skipDelimiter() {
        if (pos >= text.length()) {
            return;
        }
        skipWhitespace();
        if (pos < text.length() && delimiter(pos) && !whitespace(pos)) {
            pos++;
            skipWhitespace();
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && whitespace(pos)) {
            pos++;
        }
    }

    private boolean delimiter(int i) {
        return !literal[i] && ifs.indexOf(text.charAt(i)) >= 0;
    }

    private boolean whitespace(int i) {
        char c = text.charAt(i);
        return delimiter(i) && (c == ' ' || c == '\t' || c == '\n');
    }
}
