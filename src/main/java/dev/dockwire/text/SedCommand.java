package dev.dockwire.text;

import java.util.regex.Pattern;

/** One command of a sed script with its addresses (GNU sed's {@code struct sed_cmd}) and its range state. */
final class SedCommand {
    /** An address: a line, {@code $}, a regex, {@code first~step}, {@code 0}; as a second address also {@code +N}, {@code ~N}. */
    record Address(Kind kind, long line, long step, Pattern regex) {
        enum Kind { LINE, LAST, REGEX, STEP, ZERO, PLUS, MULTIPLE }
    }

    Address a1;
    Address a2;
    boolean negate;
    char name;
    /** s: the expression (null: the last one used), the replacement, its flags. */
    Pattern regex;
    String replacement;
    boolean global;
    long nth = 1;
    boolean print;
    String writeFile;
    /** y: the two strings. */
    String from;
    String to;
    /** a, i, c: the text; b, t, T, ':': the label. */
    String text;
    /** q, Q: the exit status. */
    int exit;
    /** '{': the index of the matching '}'; b, t, T: the index jumped to. */
    int jump = -1;
    /** A range in progress and the line it ends at (numeric and +N second addresses). */
    boolean active;
    long rangeEnd;
}
