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
