package dev.dockwire.tools.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * ss's column layout (iproute2 6.1 misc/ss.c render and render_calc_width) when stdout is not a
 * terminal and COLUMNS is unset, as under a pipe or a script: each column as wide as its widest
 * field plus its left delimiter, {@code Local Address:} and {@code Peer Address:} right-aligned,
 * every other column padded on the right. One quirk is kept: the field written last (the last
 * line's Process, or the header's empty last column) is never flushed, so it does not count
 * towards its column's width.
 */
final class SsColumns {
    /** Netid, State, Recv-Q, Send-Q, Local Address:, Port, Peer Address:, Port, Process, and the last unnamed one. */
    static final int COLUMNS = 10;
    private static final String[] HEADER = {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port",
        "Process", ""};
    private static final String[] DELIM = {"", " ", " ", " ", " ", "", " ", "", "", ""};
    private static final boolean[] RIGHT = {false, false, false, false, true, false, true, false, false, false};

    private final boolean[] disabled = new boolean[COLUMNS];

    /** Netid is left out when one protocol is listed, State when one state is. */
    SsColumns(boolean netid, boolean state) {
        disabled[0] = !netid;
        disabled[1] = !state;
    }

    /** The header and the rows (each {@link #COLUMNS} fields; the last row's tenth is not written), laid out. */
    List<String> render(boolean header, List<String[]> rows) {
        List<String[]> lines = new ArrayList<>();
        if (header) {
            lines.add(HEADER);
        }
        lines.addAll(rows);
        if (lines.isEmpty()) {
            return List.of();
        }
        int[] maxLen = new int[COLUMNS];
        for (int l = 0; l < lines.size(); l++) {
            boolean last = l == lines.size() - 1;
            // The header ends on its unnamed column; a socket's line on Process, which stays unflushed.
            int end = last ? (l == 0 && header ? COLUMNS - 1 : COLUMNS - 2) : COLUMNS;
            for (int c = 0; c < end; c++) {
                if (!disabled[c]) {
                    maxLen[c] = Math.max(maxLen[c], lines.get(l)[c].length());
                }
            }
        }
        int[] width = new int[COLUMNS];
        boolean first = true;
        for (int c = 0; c < COLUMNS; c++) {
            if (disabled[c]) {
                continue;
            }
            width[c] = !first && maxLen[c] > 0 ? maxLen[c] + DELIM[c].length() : maxLen[c];
            if (width[c] > 0) {
                first = false;
            }
        }
        List<String> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            boolean lastSocket = l == lines.size() - 1 && !(l == 0 && header);
            String[] fields = lines.get(l);
            StringBuilder sb = new StringBuilder();
            boolean started = false;
            for (int c = 0; c < (lastSocket ? COLUMNS - 1 : COLUMNS); c++) {
                if (disabled[c]) {
                    continue;
                }
                int printed = 0;
                if (started) {
                    sb.append(DELIM[c]);
                    printed = DELIM[c].length();
                }
                started = true;
                String text = fields[c];
                if (RIGHT[c] && width[c] > 0) {
                    int s = width[c] - text.length() - printed;
                    sb.append(" ".repeat(Math.max(0, s)));
                    printed += Math.max(0, s);
                }
                sb.append(text);
                printed += text.length();
                if (!RIGHT[c] && width[c] > 0) {
                    sb.append(" ".repeat(Math.max(0, width[c] - printed)));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
