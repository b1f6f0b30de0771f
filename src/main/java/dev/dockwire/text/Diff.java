package dev.dockwire.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code diff [-u|-U N] [-q] FILE1 FILE2}: the lines that differ, as GNU diffutils 3.8 prints them (the normal
 * format {@code 2c2}, {@code < old}, {@code ---}, {@code > new}; {@code -u}'s headers carry each file's mtime
 * to the nanosecond, {@code --- a<TAB>2026-12-07 18:35:51.822778329 +0000}) or BusyBox's editors/diff.c, which
 * prints unified diffs only and its headers without times ({@code --- a}). Exit 0 when the same, 1 when they
 * differ, 2 on trouble. The edit script is a longest common subsequence's, deletions before insertions in a change;
 * an unterminated last line differs from the same line ended and is followed by {@code \ No newline at end of file}.
 */
final class Diff implements TextTool {
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("quU:", Map.of("brief", "q", "unified", "U::"));
    /** BusyBox's getopt32 "abdiL:*NqrsS:tTU:wupBE" (the letters dockwire models among them). */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("quU:", Map.of());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z").withZone(ZoneOffset.UTC);
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    /** One file's lines; {@code open}: its last has no newline. */
    private record Text(List<String> lines, boolean open) {
        boolean same(int i, Text o, int j) {
            return lines.get(i).equals(o.lines.get(j)) && (i == lines.size() - 1 && open) == (j == o.lines.size() - 1 && o.open);
        }

        boolean last(int i) {
            return open && i == lines.size() - 1;
        }
    }

    /** A change: {@code a[a0, a1)} replaced by {@code b[b0, b1)}. */
    private record Change(int a0, int a1, int b0, int b1) {
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean gnu = ctx.flavour() == Flavour.GNU;
        ToolOptions o = ToolOptions.parse(ctx, "diff", 2, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return gnu ? trouble(o.error().output().get(0).substring("diff: ".length())) : o.error();
        }
        if (o.operands().size() != 2) {
            if (!gnu) {
                return TextResult.fail(1, dev.dockwire.libc.BusyboxUsage.withBanner("diff").toArray(String[]::new));
            }
            return trouble(o.operands().isEmpty() ? "missing operand after 'diff'"
                    : o.operands().size() == 1 ? "missing operand after '" + o.operands().get(0) + "'" : "extra operand '" + o.operands().get(2) + "'");
        }
        String[] names = {o.operands().get(0), o.operands().get(1)};
        Text[] texts = new Text[2];
        for (int k = 0; k < 2; k++) {
            String content = names[k].equals("-") ? Lines.text(stdin == null ? List.of() : stdin) : ctx.files().read(names[k]);
            if (content == null) {
                return gnu ? TextResult.fail(2, "diff: " + names[k] + ": No such file or directory")
                        : TextResult.fail(2, "diff: can't stat '" + names[k] + "': No such file or directory");
            }
            Lines l = Lines.of(content);
            texts[k] = new Text(List.copyOf(l), l.unterminated());
        }
        List<Change> changes = changes(texts[0], texts[1]);
        if (changes.isEmpty()) {
            return TextResult.ok(List.of());
        }
        if (o.has("q")) {
            return new TextResult(1, List.of("Files " + names[0] + " and " + names[1] + " differ"));
        }
        boolean unified = !gnu || o.has("u") || o.has("U");
        int context = o.has("U") && !o.given().get("U").isEmpty() ? Integer.parseInt(o.given().get("U")) : 3;
        List<String> out = new ArrayList<>();
        if (unified) {
            for (int k = 0; k < 2; k++) {
                String mark = k == 0 ? "--- " : "+++ ";
                out.add(gnu ? mark + names[k] + "\t" + STAMP.format(modified(ctx, names[k])) : mark + names[k]);
            }
            unified(texts[0], texts[1], changes, context, out);
        } else {
            normal(texts[0], texts[1], changes, out);
        }
        return new TextResult(1, out);
    }

    private static TextResult trouble(String message) {
        return TextResult.fail(2, "diff: " + message, "diff: Try 'diff --help' for more information.");
    }

    private static Instant modified(TextContext ctx, String name) {
        Instant t = name.equals("-") ? null : ctx.files().modified(name);
        return t == null ? Instant.EPOCH : t;
    }

    /** The changes of a longest common subsequence, found from the ends back (suffix lengths), matches taken first. */
    private static List<Change> changes(Text a, Text b) {
        int n = a.lines.size();
        int m = b.lines.size();
        int lo = 0;
        while (lo < n && lo < m && a.same(lo, b, lo)) {
            lo++;
        }
        int hiA = n;
        int hiB = m;
        while (hiA > lo && hiB > lo && a.same(hiA - 1, b, hiB - 1)) {
            hiA--;
            hiB--;
        }
        int rows = hiA - lo;
        int cols = hiB - lo;
        List<Change> out = new ArrayList<>();
        if ((long) rows * cols > 16_000_000L) { // too big to tabulate here: one change of the middle
            out.add(new Change(lo, hiA, lo, hiB));
            return out;
        }
        int[][] lcs = new int[rows + 1][cols + 1];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = cols - 1; j >= 0; j--) {
                lcs[i][j] = a.same(lo + i, b, lo + j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int startA = -1;
        int startB = -1;
        while (i < rows || j < cols) {
            boolean match = i < rows && j < cols && a.same(lo + i, b, lo + j);
            if (match) {
                if (startA >= 0) {
                    out.add(new Change(lo + startA, lo + i, lo + startB, lo + j));
                    startA = -1;
                }
                i++;
                j++;
                continue;
            }
            if (startA < 0) {
                startA = i;
                startB = j;
            }
            if (j >= cols || i < rows && lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        if (startA >= 0) {
            out.add(new Change(lo + startA, lo + i, lo + startB, lo + j));
        }
        return out;
    }

    /** diff's normal format: {@code 3d2}, {@code 2a3,4}, {@code 1,2c1}. */
    private static void normal(Text a, Text b, List<Change> changes, List<String> out) {
        for (Change c : changes) {
            String left = c.a1 > c.a0 ? range(c.a0 + 1, c.a1) : Integer.toString(c.a0);
            String right = c.b1 > c.b0 ? range(c.b0 + 1, c.b1) : Integer.toString(c.b0);
            out.add(left + (c.a1 == c.a0 ? "a" : c.b1 == c.b0 ? "d" : "c") + right);
            lines(a, c.a0, c.a1, "< ", out);
            if (c.a1 > c.a0 && c.b1 > c.b0) {
                out.add("---");
            }
            lines(b, c.b0, c.b1, "> ", out);
        }
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "," + to;
    }

    /** Hunks of changes at most 2×{@code context} lines apart, each with {@code context} lines around. */
    private static void unified(Text a, Text b, List<Change> changes, int context, List<String> out) {
        int k = 0;
        while (k < changes.size()) {
            int end = k;
            while (end + 1 < changes.size() && changes.get(end + 1).a0 - changes.get(end).a1 <= 2 * context) {
                end++;
            }
            Change first = changes.get(k);
            Change last = changes.get(end);
            int a0 = Math.max(0, first.a0 - context);
            int b0 = first.b0 - (first.a0 - a0);
            int a1 = Math.min(a.lines.size(), last.a1 + context);
            int b1 = last.b1 + (a1 - last.a1);
            out.add("@@ -" + hunkRange(a0, a1 - a0) + " +" + hunkRange(b0, b1 - b0) + " @@");
            int i = a0;
            for (int c = k; c <= end; c++) {
                Change ch = changes.get(c);
                lines(a, i, ch.a0, " ", out);
                lines(a, ch.a0, ch.a1, "-", out);
                lines(b, ch.b0, ch.b1, "+", out);
                i = ch.a1;
            }
            lines(a, i, a1, " ", out);
            k = end + 1;
        }
    }

    /** A hunk's range: {@code START,LENGTH}, START alone for one line, the line before an empty one. */
    private static String hunkRange(int start, int length) {
        return length == 1 ? Integer.toString(start + 1) : length == 0 ? start + ",0" : (start + 1) + "," + length;
    }

    private static void lines(Text t, int from, int to, String prefix, List<String> out) {
        for (int i = from; i < to; i++) {
            out.add(prefix + t.lines.get(i));
            if (t.last(i)) {
                out.add(NO_NEWLINE);
            }
        }
    }
}
