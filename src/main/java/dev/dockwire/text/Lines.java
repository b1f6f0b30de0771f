package dev.dockwire.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a pipe carries, as lines: a pipe(7) carries bytes, so its text's last line may lack its
 * newline ({@code printf abc | wc -c} is 3, not 4). A list of lines is taken as text each of whose
 * lines ends in a newline unless it is a {@code Lines} that says its last line is
 * {@link #unterminated()}; every other list (a plain {@code List.of}) keeps today's meaning, so a
 * writer that says nothing about its last line writes one that ends. A tool that copies its input
 * as written (cat, head, tail, sed, tr, tee) hands the mark on; one that writes its own lines (grep,
 * sort, awk, wc) ends them all, as the real ones do. Not final: a shell's stdin handed to a command
 * is one that hears when it is read ({@code app.sh}'s SharedStdin).
 */
public class Lines extends ArrayList<String> {
    private boolean unterminated;

    public Lines() {
    }

    /** {@code lines}, the last without its newline when {@code unterminated} (and there is one). */
    public Lines(Collection<String> lines, boolean unterminated) {
        super(lines);
        this.unterminated = unterminated && !lines.isEmpty();
    }

    /** The lines of {@code text} as a reader of a pipe sees them: its last line unterminated when it does not end in a newline. */
    public static Lines of(String text) {
        if (text.isEmpty()) {
            return new Lines();
        }
        boolean ends = text.endsWith("\n");
        return new Lines(List.of((ends ? text.substring(0, text.length() - 1) : text).split("\n", -1)), !ends);
    }

    /** A line added after the last one ends that one: the mark goes (what it marked is no longer the last line). */
    @Override
    public boolean add(String line) {
        unterminated = false;
        return super.add(line);
    }

    @Override
    public boolean addAll(Collection<? extends String> lines) {
        unterminated &= lines.isEmpty();
        return super.addAll(lines);
    }

    /** Whether {@code lines}' last line has no newline (false for any list that is no {@code Lines}). */
    public static boolean unterminated(List<String> lines) {
        return lines instanceof Lines l && l.unterminated && !l.isEmpty();
    }

    /** Whether the last line has no newline. */
    public boolean unterminated() {
        return unterminated && !isEmpty();
    }

    /** Marks the last line as written without (true) or with its newline. */
    public Lines unterminated(boolean u) {
        unterminated = u;
        return this;
    }

    /** {@code lines} as the text written: each line and its newline, the last's left off when unterminated. */
    public static String text(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return "";
        }
        String joined = String.join("\n", lines);
        return unterminated(lines) ? joined : joined + "\n";
    }

    /** {@code part} of {@code lines} ({@code head}, {@code tail}): its last line unterminated when it is {@code lines}' last. */
    public static Lines slice(List<String> lines, int from, int to) {
        return new Lines(lines.subList(from, to), to == lines.size() && unterminated(lines));
    }

    /**
     * Appends {@code more} after {@code out} as a terminal or a pipe joins two writers' texts: after an
     * unterminated line the next text goes on that line ({@code echo -n x; echo y} is {@code xy}).
     */
    public static void append(Lines out, List<String> more) {
        if (more.isEmpty()) {
            return;
        }
        int from = 0;
        if (out.unterminated()) {
            out.set(out.size() - 1, out.get(out.size() - 1) + more.get(0));
            from = 1;
        }
        out.addAll(more.subList(from, more.size()));
        out.unterminated = unterminated(more);
    }
}
