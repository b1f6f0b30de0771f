package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's plain progress (moby/buildkit util/progress/progressui printer.go, {@code --progress plain}
 * and any client whose output is not a terminal): each vertex as {@code #N name}, its status
 * lines, {@code #N DONE 0.0s} and a blank line; and the Dockerfile lines an error concerns
 * (solver/errdefs/source.go Print).
 */
final class BuildProgress {
    private final List<String> out;
    private final List<Vertex> vertices = new ArrayList<>();
    private int next = 1;

    BuildProgress(List<String> out) {
        this.out = out;
    }

    /** A vertex of the build graph as the progress names it, with its status lines as the plain printer ends them. */
    record Vertex(String name, List<String> statuses) {
        Vertex {
            statuses = List.copyOf(statuses);
        }
    }

    /** One finished vertex with its status lines (the emulated build takes no time). */
    void vertex(String name, String... statuses) {
        int n = next++;
        vertices.add(new Vertex(name, List.of(statuses)));
        out.add("#" + n + " " + name);
        for (String s : statuses) {
            out.add("#" + n + " " + s);
        }
        out.add("#" + n + " DONE 0.0s");
        out.add("");
    }

    /** The lines printed so far (the list it appends to). */
    List<String> lines() {
        return out;
    }

    /** The vertices so far, in order. */
    List<Vertex> vertices() {
        return List.copyOf(vertices);
    }

    /**
     * The vertices of a build Compose ran for {@code service} as the last frame of the terminal
     * display (progressui's tty mode) shows them below its {@code [+] Building 0.0s (N/N) FINISHED}:
     * each as {@code  => NAME} with buildx's prefix (util/progress WithPrefix: {@code [web internal] ...},
     * {@code [web 1/2] ...}, {@code [web] exporting to image}) and its statuses as {@code  => => STATUS}
     * without the plain printer's {@code done}. The right-hand columns (durations) are left out, as
     * dockwire's Compose frames leave them.
     */
    static List<String> frame(List<Vertex> vertices, String service) {
        List<String> lines = new ArrayList<>();
        for (Vertex v : vertices) {
            String name = v.name().startsWith("[") ? "[" + service + " " + v.name().substring(1) : "[" + service + "] " + v.name();
            lines.add(" => " + name);
            for (String s : v.statuses()) {
                lines.add(" => => " + s.replaceFirst("( 0\\.0s)? done$", ""));
            }
        }
        return lines;
    }

    /**
     * How long the executor takes to start a RUN's container before its process prints anything
     * (runc's create and start; dockwire's own figure: BuildKit's first log lines come 0.05-0.3 s in).
     */
    static final long CONTAINER_START_NANOS = 100_000_000L;

    /** How many of a failed step's last log lines the error repeats (progressui's logs kept per vertex for the error). */
    private static final int ERROR_LOG_LINES = 10;

    /**
     * A RUN's vertex: what its process printed, each line after the time since the vertex started
     * (printer.go's {@code #N 0.123 LINE}), then {@code DONE} with the time it took.
     */
    void ran(String name, List<String> logs, long nanos) {
        int n = next++;
        vertices.add(new Vertex(name, List.of()));
        out.add("#" + n + " " + name);
        for (String l : logs) {
            out.add(logLine("#" + n + " ", l, nanos));
        }
        out.add("#" + n + " DONE " + String.format("%.1fs", (CONTAINER_START_NANOS + nanos) / 1e9));
        out.add("");
    }

    /**
     * A RUN whose process failed: its logs, {@code #N ERROR: MESSAGE}, then the error's own block
     * (the vertex's name and its last log lines between {@code ------} rulers), as progressui
     * prints a failed vertex's logs after it.
     */
    void failed(String name, List<String> logs, long nanos, String message) {
        int n = next++;
        vertices.add(new Vertex(name, List.of()));
        out.add("#" + n + " " + name);
        for (String l : logs) {
            out.add(logLine("#" + n + " ", l, nanos));
        }
        out.add("#" + n + " ERROR: " + message);
        out.add("------");
        out.add(" > " + name + ":");
        for (String l : logs.subList(Math.max(0, logs.size() - ERROR_LOG_LINES), logs.size())) {
            out.add(logLine("", l, nanos));
        }
        out.add("------");
    }

    /** A log line stamped with the seconds since its vertex started: three decimals in five characters ({@code 0.061}, {@code 40.18}). */
    private static String logLine(String prefix, String line, long nanos) {
        String t = String.format("%.3f", (CONTAINER_START_NANOS + nanos) / 1e9);
        if (t.length() > 5) {
            t = t.substring(0, Math.max(5, t.indexOf('.')));
        }
        return line.isEmpty() ? prefix + t : prefix + t + " " + line;
    }

    /** A vertex whose result came from the cache: {@code #N CACHED} in place of its time. */
    void cached(String name) {
        int n = next++;
        out.add("#" + n + " " + name);
        out.add("#" + n + " CACHED");
        out.add("");
    }

    /**
     * The Dockerfile around lines {@code start}..{@code end} (errdefs Source.Print): the file and
     * first line, then up to four lines of context (two each side for a range), the lines marked {@code >>>}.
     */
    static List<String> source(String file, String text, int start, int end) {
        List<String> out = new ArrayList<>();
        if (start < 1) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        if (start > lines.length) {
            return out;
        }
        int first = start;
        int last = Math.min(end < start ? start : end, lines.length);
        int pad = last == first ? 4 : 2;
        int p = 0;
        int s = first;
        int e = last;
        while (p < pad) {
            if (s > 1) {
                s--;
                p++;
            }
            if (e != lines.length) {
                e++;
                p++;
            }
            p++;
        }
        out.add(file + ":" + first);
        out.add("--------------------");
        for (int i = s; i <= e; i++) {
            boolean marked = i >= first && i <= last;
            out.add(String.format(" %3d | %s %s", i, marked ? ">>>" : "   ", lines[i - 1]));
        }
        out.add("--------------------");
        return out;
    }
}
