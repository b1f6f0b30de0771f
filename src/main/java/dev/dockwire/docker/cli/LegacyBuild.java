package dev.dockwire.docker.cli;

import dev.dockwire.docker.build.Build;
import dev.dockwire.docker.build.Dockerfile;
import dev.dockwire.docker.build.Instruction;
import dev.dockwire.docker.build.RunFailed;
import dev.dockwire.docker.build.StepRefused;
import dev.dockwire.docker.build.RunStep;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageHistory;
import dev.dockwire.docker.engine.ImageService;
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
 * output, {@code Removing intermediate container ID}, {@code  ---> ID}), or for a step its cache holds
 * (internals.go probeCache: an image of the same parent and config; once one step misses, the rest of
 * its stage run) {@code  ---> Using cache} and the cached image's ID;
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
    private final boolean noCache;
    /** The stage {@code --target} names (null: the last): the builder stops after it (builder.go: stages[:targetIx+1]). */
    private final String target;
    private final List<String> out = new ArrayList<>();
    /** The images each stage's steps committed, its base's first, by stage name and index. */
    private final Map<String, List<String>> stageImages = new java.util.HashMap<>();
    /** The last stage's: its base's ID, then each step's image, the build's own last. */
    private List<String> lastStage = List.of();
    /** The reset of a stderr write's colour, not yet streamed. */
    private String reset = "";
    /** The line of the step the dispatcher refused ({@link StepRefused}), 0 for none. */
    private int refusedAt;

    LegacyBuild(Engine engine, long contextTarBytes, boolean noCache, String target) {
        this.engine = engine;
        this.noCache = noCache;
        this.target = target;
        // jsonmessage's progress line: its carriage returns before the newline as the client writes them
        line("Sending build context to Docker daemon  " + BuildCommand.human(contextTarBytes) + "\r\r");
    }

    /** The context's line, the stream's first. */
    String sent() {
        return out.get(0);
    }

    /**
     * The legacy builder's words for a Dockerfile its parser or dispatcher refuses (moby 20.10's
     * vendored parser: {@code dockerfile parse error line N: ...} without BuildKit's "on" and
     * suggestion; {@code failed to parse Dockerfile: file with no instructions}; {@code no build
     * stage in current context}; moby 28 builder.go's {@code target stage "X" could not be found}, where
     * 20.10 said {@code failed to reach build target X in Dockerfile}), from BuildKit's text; null for an
     * error that is not the parser's.
     */
    static String parseError(String buildkit) {
        if (buildkit.startsWith("dockerfile parse error on line ")) {
            return buildkit.replaceFirst("^dockerfile parse error on line", "dockerfile parse error line")
                    .replaceFirst(" \\(did you mean [^)]*\\?\\)$", "");
        }
        if (buildkit.equals("file with no instructions")) {
            return "failed to parse Dockerfile: " + buildkit;
        }
        if (buildkit.startsWith("target stage \"")) {
            return buildkit.replaceFirst(" \\(did you mean [^)]*\\?\\)$", ""); // builder.go: no suggestion
        }
        return buildkit.equals("no build stage in current context") ? buildkit : null;
    }

    /**
     * The client's status for a failed legacy build: the stream's error Code (a RUN's status, which
     * its message ends with: docker/cli jsonmessage's JSONError), 1 for the daemon's refusal.
     */
    static int status(List<String> legacy) {
        String last = legacy == null || legacy.isEmpty() ? "" : legacy.get(legacy.size() - 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("returned a non-zero code: (\\d+)$").matcher(last);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The lines of a build that ended with image {@code id}, tagged {@code tags}. */
    List<String> built(Dockerfile d, Build b, String id, List<String> tags, java.util.Set<Integer> cached) {
        steps(d, b.steps(), b.ran(), null, cached, id);
        line("Successfully built " + id.substring("sha256:".length(), "sha256:".length() + 12));
        for (String tag : tags) {
            line("Successfully tagged " + dev.dockwire.docker.engine.ImageService.familiar(tag));
        }
        return out;
    }

    /**
     * The lines of a build the legacy builder stops at an instruction only BuildKit takes
     * ({@link #refusal(Dockerfile)}): the steps before it, its Step line, then the daemon's error.
     */
    List<String> refused(Dockerfile d, Build b, java.util.Set<Integer> cached) {
        steps(d, b.steps(), b.ran(), null, cached, null);
        return out;
    }

    /**
     * What the legacy builder says of the first instruction of the stages it builds that only BuildKit
     * takes (moby daemon/builder/dockerfile/dispatchers.go: COPY's and ADD's {@code --chmod}, any flag of a
     * RUN), or null when there is none.
     */
    String refusal(Dockerfile d) {
        for (Dockerfile.Stage s : stages(d)) {
            for (Instruction c : s.commands()) {
                String r = refusal(c);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static String refusal(Instruction c) {
        for (String flag : c.source().flags()) {
            String name = flag.replaceFirst("^-+", "").replaceFirst("=.*$", "");
            if (c instanceof Instruction.Run || c instanceof Instruction.Copy && name.equals("chmod")) {
                return "the --" + name + " option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build"
                        + " images with BuildKit enabled";
            }
        }
        return null;
    }

    /** The lines of a build whose RUN failed. */
    List<String> failed(Dockerfile d, RunFailed e, java.util.Set<Integer> cached) {
        steps(d, e.steps(), e.ran(), e, cached, null);
        line(e.legacyMessage());
        return out;
    }

    /** The lines of a build whose step the dispatcher refused ({@link StepRefused}): the steps before it, its Step line, the error. */
    List<String> refused(Dockerfile d, StepRefused e, java.util.Set<Integer> cached) {
        refusedAt = e.startLine();
        steps(d, e.steps(), e.ran(), null, cached, null);
        line(e.getMessage());
        return out;
    }

    /**
     * Every stage's steps; a RUN's output from the run dockwire made of it. A step with a vertex (RUN,
     * COPY, WORKDIR) is cached when its vertex was ({@code cached}, by vertex index); another when the
     * same instructions over the same base came before it.
     */
    private void steps(Dockerfile d, List<String> vertexNames, Map<Integer, RunStep.Ran> ran, RunFailed failed,
            java.util.Set<Integer> cached, String builtId) {
        List<RunStep.Ran> runs = new ArrayList<>();
        List<Integer> vertices = new ArrayList<>();
        for (int i = 0; i < vertexNames.size(); i++) {
            if (vertexNames.get(i).contains("] RUN ")) {
                runs.add(ran.get(i));
            }
            if (!vertexNames.get(i).contains("] FROM ")) {
                vertices.add(i);
            }
        }
        int vertex = 0;
        List<Dockerfile.Stage> stages = stages(d);
        // dispatchDockerfileWithCancellation: the meta ARGs, then each stage's FROM and instructions, up to the target
        int total = d.metaArgs().size();
        for (Dockerfile.Stage s : stages) {
            total += 1 + s.commands().size();
        }
        int n = 0;
        for (Instruction.Arg a : d.metaArgs()) {
            line("Step " + ++n + "/" + total + " : " + a.source().original().strip());
        }
        int run = 0;
        for (int si = 0; si < stages.size(); si++) {
            Dockerfile.Stage s = stages.get(si);
            line("Step " + ++n + "/" + total + " : " + s.source().original().strip());
            List<String> from = stageImages.get(s.base().toLowerCase(java.util.Locale.ROOT));
            String parent = from != null ? from.get(from.size() - 1) : engine.images().published(s.base()).id();
            line(" ---> " + shortId(parent));
            List<String> images = new ArrayList<>(List.of(parent));
            stageImages.put(String.valueOf(si), images);
            if (s.name() != null) {
                stageImages.put(s.name(), images);
            }
            lastStage = images;
            boolean hits = !noCache;
            for (int ci = 0; ci < s.commands().size(); ci++) {
                Instruction c = s.commands().get(ci);
                // the image this step commits; the build's own for the last stage's last step
                String committed = builtId != null && si == stages.size() - 1 && ci == s.commands().size() - 1 ? builtId : null;
                String text = c.source().original().strip();
                line("Step " + ++n + "/" + total + " : " + text);
                String refused = refusal(c);
                if (refused != null || c.source().startLine() == refusedAt) {
                    if (refused != null) {
                        line(refused);
                    }
                    return;
                }
                boolean isRun = c instanceof Instruction.Run;
                if (isRun && run >= runs.size()) {
                    return; // a stage the target does not need: dockwire did not run it
                }
                RunStep.Ran r = isRun ? runs.get(run) : null;
                boolean last = isRun && failed != null && run == runs.size() - 1;
                run += isRun ? 1 : 0;
                boolean hasVertex = isRun || c instanceof Instruction.Copy || c instanceof Instruction.Workdir;
                parent = Images.digest(parent + "\0" + text); // the image this step commits: its parent and instruction
                boolean seen = engine.images().cachedStep("legacy-image\0" + parent); // recorded either way
                hits &= hasVertex ? vertex < vertices.size() && cached.contains(vertices.get(vertex)) : seen;
                vertex += hasVertex ? 1 : 0;
                String image = committed != null ? committed : "sha256:" + parent;
                images.add(image);
                if (hits && !last) {
                    line(" ---> Using cache");
                    line(" ---> " + shortId(image));
                    continue;
                }
                if (!(c instanceof Instruction.Copy)) {
                    String ctr = engine.random().nextHex(64);
                    line(" ---> Running in " + ctr.substring(0, 12));
                    // containerbackend.go: a RUN's container is attached, started and waited for; a config step's only created
                    events(ctr, parent, isRun ? List.of("create", "attach", "start", "die") : List.of("create"));
                    if (r != null) {
                        output(r);
                    }
                    if (last) {
                        return; // the failed container is kept (--force-rm=false)
                    }
                    line("Removing intermediate container " + ctr.substring(0, 12));
                    events(ctr, parent, List.of("destroy"));
                }
                line(" ---> " + shortId(image));
            }
        }
    }

    /**
     * Keeps the build's step images ({@code chain}: {@link #lastStageImages}) in the image store: each
     * step's commit an image of its own, the parent of the next, the build's {@code image} last
     * (image.Store's SetParent), each holding the history up to its step and the layers its steps made
     * (a layer per step that is not empty, chained as rootfs.go's ChainID).
     */
    static void keepSteps(ImageService images, ImageService.BuiltImage image, List<ImageHistory.Entry> history, List<String> chain) {
        int steps = chain.size() - 1;
        int first = history.size() - steps;
        if (steps < 1 || first < 0) {
            images.store(image, history, null);
            return;
        }
        List<String> layers = new ArrayList<>(images.layers(chain.get(0)));
        long size = image.size();
        for (int k = first + 1; k < history.size(); k++) {
            size -= history.get(k).size();
        }
        for (int k = 1; k <= steps; k++) {
            ImageHistory.Entry e = history.get(first + k - 1);
            if (!e.emptyLayer()) {
                String parentChain = layers.isEmpty() ? "" : layers.get(layers.size() - 1);
                layers.add(Images.digest(parentChain + " " + "legacy-layer:" + chain.get(k)));
            }
            List<ImageHistory.Entry> upTo = history.subList(0, first + k);
            if (k == steps) {
                images.store(image, history, chain.get(k - 1));
            } else {
                size += k > 1 ? history.get(first + k - 1).size() : 0;
                images.storeIntermediate(new ImageService.BuiltImage(image.config(), chain.get(k), image.created(),
                        size, image.files(), image.labels(), image.removed(), image.dirs(), image.owners()), upTo, chain.get(k - 1));
            }
            images.layers(chain.get(k), layers);
        }
    }

    /** The last stage's images after a build: its base's ID, then each step's (the build's own last). */
    List<String> lastStageImages() {
        return lastStage;
    }

    /** The stages the build runs: all, or those up to the one {@code --target} names (by name or index). */
    private List<Dockerfile.Stage> stages(Dockerfile d) {
        if (target == null || target.isEmpty()) {
            return d.stages();
        }
        String name = target.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < d.stages().size(); i++) {
            if (name.equals(d.stages().get(i).name()) || name.equals(String.valueOf(i))) {
                return d.stages().subList(0, i + 1);
            }
        }
        return d.stages();
    }

    /**
     * A RUN's lines as the daemon streams them: each write to stderr wrapped in red by
     * pkg/streamformatter's NewStderrWriter ({@code \033[91m...\033[0m}), the reset reaching the line after.
     */
    private void output(RunStep.Ran r) {
        int e = 0;
        for (String l : r.output()) {
            if (e < r.errors().size() && l.equals(r.errors().get(e))) {
                e++;
                line("\u001b[91m" + l);
                reset = "\u001b[0m";
            } else {
                line(l);
            }
        }
    }

    /** The daemon's events of step container {@code id} of image {@code parent}. */
    private void events(String id, String parent, List<String> actions) {
        for (String action : actions) {
            engine.events().container(action, id, Map.of("image", parent.substring(0, Math.min(12, parent.length()))));
        }
    }

    /** One line of the stream, after the colour reset a stderr write left pending. */
    private void line(String text) {
        out.add(reset + text);
        reset = "";
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() >= 12 ? hex.substring(0, 12) : Images.digest(id).substring(0, 12);
    }
}
