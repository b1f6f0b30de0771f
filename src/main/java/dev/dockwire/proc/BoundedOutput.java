package dev.dockwire.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one command of a script prints, collected up to {@link #LIMIT_BYTES}: past it lines are
 * counted, not kept, and the output ends with one line saying how many were cut. A terminal shows
 * a program's lines and forgets them; a script keeps them for its transcript, so a program that
 * never stops printing ({@code ping} without {@code -c}, {@code while :; do echo; done}) would
 * otherwise hold memory without end.
 */
public final class BoundedOutput {
    /** A step's output limit: 1 MiB of text (UTF-8, with each line's newline). */
    public static final int LIMIT_BYTES = 1 << 20;

    private static final Pattern CUT_LINE =
            Pattern.compile("dockwire: output cut at .* \\(the step's output limit\\): (\\d+) more lines? not shown");

    /** The step limit's line ({@link JobControl#timedOut}): kept whatever came before it, so a step says why it ended. */
    private static final Pattern TIMED_OUT =
            Pattern.compile("dockwire: '.*' was still running after \\d+ s of virtual time \\(the step timeout; .*\\); ended it");

    private final int limit;
    /** Each list made with its first line: a container's quiet PID 1 keeps one of these for nothing. */
    private List<String> lines = List.of();
    /** The kept lines that went to stderr, in order. */
    private List<String> errors = List.of();
    /** The step limit's lines that came after the cut: they follow the cut line. */
    private List<String> after = List.of();
    private long bytes;
    private long cut;

    public BoundedOutput() {
        this(LIMIT_BYTES);
    }

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    /**
     * Keeps {@code line}, unless the limit is reached: then it only counts it. An inner command's
     * cut line (a program's, in a pipeline) is no output of its own: it is kept free of charge in
     * place, or its count joins this one's.
     */
    public void add(String line) {
        if (line.startsWith("dockwire: '") && TIMED_OUT.matcher(line).matches()) {
            if (cut > 0) {
                after = kept(after, line);
            } else {
                lines = kept(lines, line);
            }
            return;
        }
        Matcher m = CUT_LINE.matcher(line);
        boolean inner = line.startsWith("dockwire: output cut") && m.matches();
        if (cut > 0) {
            cut += inner ? Long.parseLong(m.group(1)) : 1;
            return;
        }
        if (inner) {
            lines = kept(lines, line);
            return;
        }
        long size = utf8(line) + 1L;
        if (bytes + size > limit) {
            cut = 1;
            return;
        }
        bytes += size;
        lines = kept(lines, line);
    }

    /** {@code list} (a list of its own once it holds a line) with {@code line} added. */
    private static List<String> kept(List<String> list, String line) {
        List<String> l = list instanceof ArrayList ? list : new ArrayList<>();
        l.add(line);
        return l;
    }

    /** As {@link #add}, a line the program wrote to stderr. */
    public void addError(String line) {
        int before = lines.size();
        add(line);
        if (lines.size() > before) {
            errors = kept(errors, line);
        }
    }

    /** The kept lines that went to stderr, in order (a subsequence of {@link #lines()}). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Every line of {@code more}, as {@link #add}. */
    public void addAll(List<String> more) {
        more.forEach(this::add);
    }

    /** Lines not kept. */
    public long cut() {
        return cut;
    }

    /** The lines kept, then the line about those cut (if any were). */
    public List<String> lines() {
        if (cut == 0) {
            return List.copyOf(lines);
        }
        List<String> out = new ArrayList<>(lines);
        out.add(cutLine(cut, limit));
        out.addAll(after);
        return List.copyOf(out);
    }

    /** {@code lines} as a step's transcript holds them: whole when under the limit, else cut as {@link #add} cuts. */
    public static List<String> bound(List<String> lines) {
        long total = 0;
        for (String l : lines) {
            total += CUT_LINE.matcher(l).matches() ? 0 : utf8(l) + 1L;
            if (total > LIMIT_BYTES) {
                BoundedOutput b = new BoundedOutput();
                b.addAll(lines);
                return b.lines();
            }
        }
        return lines;
    }

    static String cutLine(long cut, int limit) {
        String size = limit % (1 << 20) == 0 ? limit / (1 << 20) + " MiB" : limit + " bytes";
        return "dockwire: output cut at " + size + " (the step's output limit): " + cut + " more line"
                + (cut == 1 ? "" : "s") + " not shown";
    }

    private static int utf8(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }
}
