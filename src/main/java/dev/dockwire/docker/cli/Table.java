package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;

/** The docker CLI's tab writer: columns padded by three spaces, at least ten wide. */
public final class Table {
    private final List<Object[]> rows = new ArrayList<>();

    public Table(Object... header) {
        rows.add(header);
    }

    public void row(Object... cells) {
        rows.add(cells);
    }

    public List<String> lines() {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (Object[] r : rows) {
            for (int i = 0; i < cols - 1; i++) {
                w[i] = Math.max(w[i], Math.max(10, String.valueOf(r[i]).length() + 3));
            }
        }
        List<String> out = new ArrayList<>();
        for (Object[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = String.valueOf(r[i]);
                sb.append(cell);
                if (i < cols - 1) {
                    sb.append(" ".repeat(w[i] - cell.length()));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}

