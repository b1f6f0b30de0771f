package dev.dockwire.docker.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the builder makes of a RUN line it runs: the process it starts (BuildKit's dockerfile2llb
 * dispatchRun) and whether its failure is the Dockerfile's or a gap in what dockwire models.
 */
final class RunLines {
    /** The shell's status for a program found but not run ({@code app.Program.NOT_MODELLED}). */
    private static final int NOT_MODELLED = 126;
    /** The shell's status for a command not found. */
    private static final int NOT_FOUND = 127;
    /** The images whose root file system and tools dockwire keeps whole enough that a failing RUN is the Dockerfile's failure. */
    private static final Set<String> WHOLE = Set.of("alpine", "busybox", "debian", "ubuntu");

    private RunLines() {
    }

    /**
     * The process a RUN starts: the exec form as written; the shell form through SHELL
     * ({@code shell}); with here-documents, a line that is only {@code <<EOF} runs the document as
     * the shell's script, else the line and its documents together, as the shell reads them.
     */
    static List<String> argv(Instruction.Run r, List<String> shell) {
        if (r.command().json()) {
            return r.command().args();
        }
        String line = String.join(" ", r.command().args());
        List<String> out = new ArrayList<>(shell);
        if (r.heredocs().isEmpty()) {
            out.add(line);
            return out;
        }
        if (r.heredocs().size() == 1 && line.strip().matches("<<-?[\"']?" + java.util.regex.Pattern.quote(r.heredocs().get(0).name()) + "[\"']?")) {
            out.add(r.heredocs().get(0).content());
            return out;
        }
        StringBuilder script = new StringBuilder(line);
        for (Node.Heredoc h : r.heredocs()) {
            script.append('\n').append(h.content());
            if (!h.content().endsWith("\n")) {
                script.append('\n');
            }
            script.append(h.name());
        }
        out.add(script.toString());
        return out;
    }

    /**
     * Whether a failed RUN failed for what dockwire does not model rather than for the Dockerfile:
     * a program on the image's PATH it does not run (126), one it does not have (127: most are the
     * real image's programs dockwire lacks; one the real image lacks too fails the build as there), a package its repositories
     * lack ({@code unknownPackages}), any failure after such a line in the stage ({@code stageSkipped}),
     * or any failure in an application image (nginx, python, node, ...), whose files and programs
     * dockwire keeps only in part: only an OS image's RUN ({@link #WHOLE}) fails the build.
     */
    static boolean gap(RunStep.Ran out, String reference, boolean stageSkipped, boolean unknownPackages) {
        return out.status() == NOT_MODELLED && out.output().stream().anyMatch(l -> l.contains("but not modelled"))
                || out.status() == NOT_FOUND && !out.notInImage() || stageSkipped || unknownPackages || !WHOLE.contains(baseName(reference));
    }

    /** {@code docker.io/library/alpine:3.20} is {@code alpine}. */
    static String baseName(String reference) {
        String s = reference == null ? "" : reference;
        int at = s.indexOf('@');
        s = at < 0 ? s : s.substring(0, at);
        int colon = s.lastIndexOf(':');
        s = colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
        return s.replaceFirst("^(docker\\.io/)?(library/)?", "");
    }
}
