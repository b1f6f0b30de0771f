package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as the docker CLI configures it for its tables
 * ({@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}): tab-terminated cells are aligned in
 * column blocks, runs of consecutive lines that have a cell in that column, each as wide as its
 * widest cell plus three (at least ten); a line's last cell, not tab-terminated, is not padded.
 */
public final class TabWriter {
    private static final int MIN_WIDTH = 10;
    private final int minWidth;
    private static final int PADDING = 3;
    private final List<String[]> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<String> out = new ArrayList<>();

    private TabWriter(int minWidth) {
        this.minWidth = minWidth;
    }

    /** Lays out {@code text}'s lines (cells separated by tabs), as Flush does. */
    static List<String> format(List<String> text) {
        return format(text, MIN_WIDTH);
    }

    /**
     * As {@link #format(List)} with columns at least {@code minWidth} wide: Compose's tables use
     * {@code tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)} (docker/compose cmd/formatter/formatter.go).
     */
    public static List<String> format(List<String> text, int minWidth) {
        TabWriter w = new TabWriter(minWidth);
        for (String line : text) {
            w.lines.add(line.split("\t", -1));
        }
        w.format(0, w.lines.size());
        return w.out;
    }

    /** tabwriter's format: the blocks of column {@code widths.size()} among lines [line0, line1). */
    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).length - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++) {
                String[] line = lines.get(current);
                if (column >= line.length - 1) {
                    break;
                }
                width = Math.max(width, runes(line[column]) + PADDING);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current; // the line that ended the block has no cell here: the loop's step passes it, as Go's does
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            String[] line = lines.get(i);
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < line.length; j++) {
                b.append(line[j]);
                if (j < widths.size() && j < line.length - 1) {
                    b.append(" ".repeat(widths.get(j) - runes(line[j])));
                }
            }
            out.add(b.toString());
        }
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
