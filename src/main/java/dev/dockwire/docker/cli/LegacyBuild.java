package dev.dockwire.docker.cli;

import dev.dockwire.docker.build.Build;
import dev.dockwire.docker.build.Dockerfile;
import dev.dockwire.docker.build.Instruction;
import dev.dockwire.docker.build.RunFailed;
import dev.dockwire.docker.build.RunStep;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.Images;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code DOCKER_BUILDKIT=0 docker build} prints: the client's deprecation notice (docker/cli
 * cli/command/image/build.go, on stderr), {@code Sending build context to Docker daemon  SIZE} (the
 * context's tar), then the legacy builder's stream (moby builder/dockerfile/builder.go and
 * internals.go): {@code Step N/M : INSTRUCTION} for every instruction of every stage, {@code  ---> ID}
 * after FROM and a COPY, a container for each other step ({@code  ---> Running in ID}, a RUN's
 * output, {@code Removing intermediate container ID}, {@code  ---> ID});
 * then {@code Successfully built ID} and {@code Successfully tagged NAME} — or, for a RUN that
 * failed, its output and {@code The command '...' returned a non-zero code: N}.
 */
final class LegacyBuild {
    static final List<String> DEPRECATED = List.of(
            "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.",
            "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0",
            "            environment-variable.",
            "");

    private final Engine engine;
    private final List<String> out = new ArrayList<>();

    LegacyBuild(Engine engine, long contextTarBytes) {
        this.engine = engine;
        // jsonmessage's progress line: its carriage returns before the newline as the client writes them
        out.add("Sending build context to Docker daemon  " + BuildCommand.human(contextTarBytes) + "\r\r");
    }

    /** The lines of a build that ended with image {@code id}, tagged {@code tags}. */
    List<String> built(Dockerfile d, Build b, String id, List<String> tags) {
        steps(d, b.steps(), b.ran(), null);
        out.add("Successfully built " + id.substring("sha256:".length(), "sha256:".length() + 12));
        for (String tag : tags) {
            out.add("Successfully tagged " + dev.dockwire.docker.engine.ImageService.familiar(tag));
        }
        return out;
    }

    /** The lines of a build whose RUN failed. */
    List<String> failed(Dockerfile d, RunFailed e) {
        steps(d, e.steps(), e.ran(), e);
        out.add(e.legacyMessage());
        return out;
    }

    /**
     * Every stage's steps; a RUN's output from the run dockwire made of it. The legacy builder's
     * cache ({@code ---> Using cache}) is not modelled: each step runs again.
     */
    private void steps(Dockerfile d, List<String> vertexNames, Map<Integer, RunStep.Ran> ran, RunFailed failed) {
        List<RunStep.Ran> runs = new ArrayList<>();
        for (int i = 0; i < vertexNames.size(); i++) {
            if (vertexNames.get(i).contains("] RUN ")) {
                runs.add(ran.get(i));
            }
        }
        int total = 0;
        for (Dockerfile.Stage s : d.stages()) {
            total += 1 + s.commands().size();
        }
        int n = 0;
        int run = 0;
        for (Dockerfile.Stage s : d.stages()) {
            out.add("Step " + ++n + "/" + total + " : " + s.source().original().strip());
            out.add(" ---> " + shortId(engine.images().published(s.base()).id()));
            for (Instruction c : s.commands()) {
                out.add("Step " + ++n + "/" + total + " : " + c.source().original().strip());
                boolean isRun = c instanceof Instruction.Run;
                if (isRun && run >= runs.size()) {
                    return; // a stage the target does not need: dockwire did not run it
                }
                RunStep.Ran r = isRun ? runs.get(run) : null;
                boolean last = isRun && failed != null && run == runs.size() - 1;
                run += isRun ? 1 : 0;
                if (!(c instanceof Instruction.Copy)) {
                    String ctr = engine.random().nextHex(12);
                    out.add(" ---> Running in " + ctr);
                    if (r != null) {
                        out.addAll(r.output());
                    }
                    if (last) {
                        return; // the failed container is kept (--force-rm=false)
                    }
                    out.add("Removing intermediate container " + ctr);
                }
                out.add(" ---> " + engine.random().nextHex(12));
            }
        }
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() >= 12 ? hex.substring(0, 12) : Images.digest(id).substring(0, 12);
    }
}
