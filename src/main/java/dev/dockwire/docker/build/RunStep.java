package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.LayerDir;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a RUN line runs: in a build container of the image so far, as BuildKit's executor (or the
 * legacy builder's {@code ContainerCreate} + {@code ContainerStart}) runs it. The builder is pure
 * data and knows no engine; the implementation lives above it (the CLI's build containers), so
 * {@code docker.build} depends on nothing that runs processes.
 */
public interface RunStep {
    /**
     * One RUN: the stage's config so far (its catalogue reference, programs, environment), the files
     * its layers hold over that reference's and the reference's files they removed, the argv (the
     * shell's {@code /bin/sh -c LINE} or the exec form's program), the variables the process gets
     * (the stage's ENV and ARGs in scope), its working directory and user, and the directories its
     * layers made (empty ones included: {@code RUN mkdir /d}), and the step's cache key ({@link Build#stepKeys()}):
     * a key whose RUN succeeded before may take that run's layer instead of running again; the owners other than
     * root of its files ({@code COPY --chown}'s).
     */
    record Request(ImageConfig config, Map<String, String> files, Set<String> removed, List<String> argv, List<String> env,
                   String workdir, String user, Map<String, LayerDir> dirs, String key, Map<String, dev.dockwire.docker.LayerFile> owners) {
        public Request {
            owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
            files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
            dirs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dirs));
            removed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(removed));
            argv = List.copyOf(argv);
            env = List.copyOf(env);
        }
    }

    /**
     * What a RUN left: its exit status, what it printed (stdout and stderr as they came), the
     * virtual nanoseconds it took, and its layer: the files it wrote (path to text) and the
     * paths it removed (the layer's whiteouts), as the container's diff found them, and the
     * directories it made ({@code A} lines of directories: go-archive's ChangesDirs lists them too), and
     * whether a program the shell did not find (127) is missing from the real image too: the real build
     * fails the same way, where otherwise the program is one dockwire lacks; and which of its lines
     * it printed on stderr (in order, as {@code output} has them: the legacy builder colours them).
     */
    record Ran(int status, List<String> output, long nanos, Map<String, String> written, Set<String> deleted, Map<String, LayerDir> made,
               boolean notInImage, List<String> errors) {
        public Ran {
            output = List.copyOf(output);
            errors = List.copyOf(errors);
            written = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(written));
            deleted = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(deleted));
            made = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(made));
        }

        /** A RUN that made no directory. */
        public Ran(int status, List<String> output, long nanos, Map<String, String> written, Set<String> deleted) {
            this(status, output, nanos, written, deleted, Map.of());
        }

        /** A RUN that found its programs, or lacked one the real image has. */
        public Ran(int status, List<String> output, long nanos, Map<String, String> written, Set<String> deleted, Map<String, LayerDir> made) {
            this(status, output, nanos, written, deleted, made, false, List.of());
        }

        /** The layer's size as {@code docker history} shows it: the bytes of the files it wrote (go-archive ChangesSize). */
        public long size() {
            long n = 0;
            for (String text : written.values()) {
                n += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            return n;
        }
    }

    /** Runs {@code r} to its end in a build container of its own, removed afterwards. */
    Ran run(Request r);
}
