package dev.dockwire.app.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How {@code ls} lays names out several to a line ({@code -C}, {@code -x}, and by default on a
 * terminal), each tool its own way: BusyBox's coreutils/ls.c display_files (every column as wide
 * as the longest name plus two, as many as fit in the width, padded with spaces) and GNU coreutils
 * 9.1's ls.c calculate_columns with print_many_per_line / print_horizontal (each column as wide as
 * its own longest name, the most columns whose line stays under the width, indent()'s tabs every
 * 8); and the width each takes: BusyBox's get_terminal_width(STDIN_FILENO) less one (COLUMNS first,
 * 80 when neither gives one), GNU's stdout's TIOCGWINSZ, else COLUMNS, else 80. Used by the
 * container's {@link Ls} and the host's own ls.
 */
public final class LsColumns {
    /** Both tools' width when the terminal and COLUMNS give none. */
    public static final int DEFAULT_WIDTH = 80;
    /** GNU ls.c: a column of one character and two of separating white space. */
    private static final int MIN_COLUMN_WIDTH = 3;
    /** GNU ls.c's tabsize (TABSIZE unset). */
    private static final int TAB_SIZE = 8;

    private LsColumns() {
    }

    /**
     * BusyBox's width before {@code -w}: libbb's get_terminal_width of stdin (the COLUMNS variable
     * overrides the terminal's size; a value of 1 or less, or 30000 and more, is 80), less one
     * ({@code "go one less..."}). {@code stdinColumns}: TIOCGWINSZ's ws_col of stdin, 0 when it is no terminal.
     */
    public static int busyboxWidth(String columnsEnv, int stdinColumns) {
        int value = stdinColumns;
        if (columnsEnv != null) {
            value = atoi(columnsEnv);
        }
        if (value <= 1 || value >= 30000) {
            value = DEFAULT_WIDTH;
        }
        return value - 1;
    }

    /**
     * GNU's line length before {@code -w}: stdout's TIOCGWINSZ when it gives columns, else a
     * positive COLUMNS, else 80. {@code stdoutColumns}: ws_col of stdout, 0 when it is no terminal.
     */
    public static int gnuWidth(String columnsEnv, int stdoutColumns) {
        if (stdoutColumns > 0) {
            return stdoutColumns;
        }
        if (columnsEnv != null && columnsEnv.matches("[0-9]+")) {
            try {
                long n = Long.parseLong(columnsEnv);
                if (n > 0) {
                    return (int) Math.min(n, Integer.MAX_VALUE);
                }
            } catch (NumberFormatException e) {
                // too long a number: ls warns and keeps its default
            }
        }
        return DEFAULT_WIDTH;
    }

    /** C's atoi: leading blanks, a sign, digits; 0 for none. */
    private static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = i < s.length() && s.charAt(i) == '-';
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return (int) (negative ? -v : Math.min(v, Integer.MAX_VALUE));
    }

    /**
     * BusyBox display_files: a column is the longest name plus two; {@code width / column} columns
     * (one when that is not more than one), the rows filled down each column ({@code across}:
     * {@code -x}, along each row); a name is padded to its column only when another follows on the line.
     */
    public static List<String> busybox(List<String> names, int width, boolean across) {
        int n = names.size();
        int columnWidth = 0;
        for (String name : names) {
            columnWidth = Math.max(columnWidth, name.length());
        }
        columnWidth += 2;
        int cols = width / columnWidth;
        int rows;
        if (cols > 1) {
            rows = (n + cols - 1) / cols;
        } else {
            rows = n;
            cols = 1;
        }
        List<String> lines = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            StringBuilder line = new StringBuilder();
            int column = 0;
            int nextTab = 0;
            for (int c = 0; c < cols; c++) {
                int i = across ? row * cols + c : c * rows + row;
                if (i < n) {
                    if (column > 0) {
                        line.append(" ".repeat(nextTab - column));
                        column = nextTab;
                    }
                    nextTab = column + columnWidth;
                    line.append(names.get(i));
                    column += names.get(i).length();
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * GNU calculate_columns, then print_many_per_line (down the columns) or print_horizontal
     * ({@code across}: {@code -x}): each column as wide as its longest name plus two (the last
     * without), the most columns whose line stays shorter than {@code lineLength}; the gap to the
     * next column as indent() makes it, tabs where a tab stop is passed.
     */
    public static List<String> gnu(List<String> names, int lineLength, boolean across) {
        int n = names.size();
        if (n == 0) {
            return List.of();
        }
        int[] col = gnuColumns(names, lineLength, across);
        int cols = col.length;
        List<String> lines = new ArrayList<>();
        if (across) {
            StringBuilder line = new StringBuilder(names.get(0));
            int pos = 0;
            int nameLength = names.get(0).length();
            int max = col[0];
            for (int f = 1; f < n; f++) {
                int c = f % cols;
                if (c == 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    pos = 0;
                } else {
                    indent(line, pos + nameLength, pos + max);
                    pos += max;
                }
                line.append(names.get(f));
                nameLength = names.get(f).length();
                max = col[c];
            }
            lines.add(line.toString());
            return lines;
        }
        int rows = n / cols + (n % cols != 0 ? 1 : 0);
        for (int row = 0; row < rows; row++) {
            StringBuilder line = new StringBuilder();
            int pos = 0;
            int c = 0;
            for (int f = row; ; ) {
                String name = names.get(f);
                int max = col[c++];
                line.append(name);
                f += rows;
                if (f >= n) {
                    break;
                }
                indent(line, pos + name.length(), pos + max);
                pos += max;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** calculate_columns: the widths of the columns chosen. */
    private static int[] gnuColumns(List<String> names, int lineLength, boolean across) {
        int n = names.size();
        int maxIdx = Math.max(1, lineLength / MIN_COLUMN_WIDTH);
        int maxCols = Math.min(maxIdx, n);
        int[][] widths = new int[maxCols][];
        int[] lineLen = new int[maxCols];
        boolean[] valid = new boolean[maxCols];
        for (int i = 0; i < maxCols; i++) {
            widths[i] = new int[i + 1];
            Arrays.fill(widths[i], MIN_COLUMN_WIDTH);
            lineLen[i] = (i + 1) * MIN_COLUMN_WIDTH;
            valid[i] = true;
        }
        for (int f = 0; f < n; f++) {
            int len = names.get(f).length();
            for (int i = 0; i < maxCols; i++) {
                if (!valid[i]) {
                    continue;
                }
                int idx = across ? f % (i + 1) : f / ((n + i) / (i + 1));
                int real = len + (idx == i ? 0 : 2);
                if (widths[i][idx] < real) {
                    lineLen[i] += real - widths[i][idx];
                    widths[i][idx] = real;
                    valid[i] = lineLen[i] < lineLength;
                }
            }
        }
        int cols = maxCols;
        while (cols > 1 && !valid[cols - 1]) {
            cols--;
        }
        return widths[cols - 1];
    }

    /** indent(): from column {@code from} to {@code to}, a tab wherever it reaches a tab stop not past {@code to}, else spaces. */
    private static void indent(StringBuilder line, int from, int to) {
        while (from < to) {
            if (to / TAB_SIZE > (from + 1) / TAB_SIZE) {
                line.append('\t');
                from += TAB_SIZE - from % TAB_SIZE;
            } else {
                line.append(' ');
                from++;
            }
        }
    }
}
