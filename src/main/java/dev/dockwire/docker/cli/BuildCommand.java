package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.build.Bases;
import dev.dockwire.docker.build.Build;
import dev.dockwire.docker.build.BuildContext;
import dev.dockwire.docker.build.DockerIgnore;
import dev.dockwire.docker.build.Dockerfile;
import dev.dockwire.docker.build.DockerfileException;
import dev.dockwire.docker.build.ImageBuilder;
import dev.dockwire.docker.build.RunFailed;
import dev.dockwire.docker.build.StepRefused;
import dev.dockwire.docker.build.RunInstalls;
import dev.dockwire.docker.build.RunStep;
import dev.dockwire.docker.build.ServeComment;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageHistory;
import dev.dockwire.docker.engine.Images;
import dev.dockwire.docker.engine.ImageService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker build [-t NAME[:TAG]]... [-f FILE] [--build-arg K=V]... [--target STAGE] [-q] CONTEXT}
 * as docker 28's client runs it through buildx (docker/buildx commands/build.go) on the docker
 * driver: the context and Dockerfile read from the host, the image made by {@link ImageBuilder},
 * tagged in the engine's image store, and BuildKit's plain progress (util/progress/progressui) —
 * or, with {@code -q}, the image ID alone. Errors are buildx's {@code ERROR: failed to solve: ...}
 * after the Dockerfile lines they concern (solver/errdefs Source.Print).
 */
public final class BuildCommand {
    private final CliEnv host;

    public BuildCommand(CliEnv host) {
        this.host = host;
    }

    /**
     * What to build, from {@code docker build}'s flags or a compose service's {@code build:}: the
     * context directory, the Dockerfile (null: the context's {@code Dockerfile}; else as named from
     * the working directory), build arguments, the target stage (null: the last), the names to tag and
     * {@code --label}s (over the Dockerfile's LABELs).
     */
    public record Request(String context, String file, Map<String, String> args, String target, List<String> tags,
                          Map<String, String> labels) {
    }

    /**
     * The result of a build for Compose and the CLI: the image ID, the plain progress lines (or the
     * error lines), the vertices they name and the WARNING line about the RUN commands skipped (null: none).
     */
    public record Outcome(String id, List<String> lines, boolean failed, List<BuildProgress.Vertex> vertices, String warning, List<String> legacy) {
        public Outcome(String id, List<String> lines, boolean failed, List<BuildProgress.Vertex> vertices, String warning) {
            this(id, lines, failed, vertices, warning, null);
        }

        /** This build's vertices in the last frame of the terminal display, as Compose runs it for {@code service}. */
        public List<String> frame(String service) {
            return BuildProgress.frame(vertices, service);
        }

        /** How many vertices the build had: the {@code (N/N)} of the display's first line. */
        public int vertexCount() {
            return vertices.size();
        }
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("tag", 't', true), new CliFlags.Spec("file", 'f', true),
                new CliFlags.Spec("build-arg", (char) 0, true), new CliFlags.Spec("target", (char) 0, true),
                new CliFlags.Spec("quiet", 'q', false), new CliFlags.Spec("progress", (char) 0, true),
                new CliFlags.Spec("no-cache", (char) 0, false), new CliFlags.Spec("pull", (char) 0, false),
                new CliFlags.Spec("platform", (char) 0, true), new CliFlags.Spec("label", (char) 0, true),
                new CliFlags.Spec("network", (char) 0, true), new CliFlags.Spec("load", (char) 0, false)), true);
        if (f.positional().size() != 1) {
            return CommandOutput.fail(1, "ERROR: \"docker buildx build\" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\n"
                    + "Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build");
        }
        for (String tag : f.all("tag")) {
            if (ImageService.referenceError(tag) != null) {
                return CommandOutput.fail(1, "ERROR: failed to build: invalid tag \"" + tag + "\": " + ImageService.referenceError(tag));
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (String kv : f.all("build-arg")) {
            int eq = kv.indexOf('=');
            if (eq >= 0) {
                buildArgs.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (host.environment().containsKey(kv)) {
                buildArgs.put(kv, host.environment().get(kv));
            }
        }
        Request request = new Request(f.positional().get(0), f.get("file"), buildArgs, f.get("target"), f.all("tag"),
                CreateFlags.labels(f.all("label")));
        if (legacy()) {
            return legacyRun(request, f.has("quiet"), f.has("no-cache"));
        }
        Outcome o = build(request, f.has("quiet"), f.has("no-cache"));
        if (o.failed()) {
            return new CommandOutput(1, o.lines());
        }
        return CommandOutput.ok(f.has("quiet") ? List.of(o.id()) : o.lines());
    }

    /** Whether the client builds with the legacy builder: {@code DOCKER_BUILDKIT=0} (docker/cli's BuildKitEnabled). */
    private boolean legacy() {
        String v = host.environment().get("DOCKER_BUILDKIT");
        return v != null && (v.equals("0") || v.equalsIgnoreCase("false"));
    }

    /**
     * {@code DOCKER_BUILDKIT=0 docker build}: the same build, printed as the legacy builder's stream
     * ({@link LegacyBuild}) after the client's deprecation notice on stderr; {@code -q} prints the
     * ID alone, or on failure the whole stream.
     */
    private CommandOutput legacyRun(Request r, boolean quiet, boolean noCache) {
        Outcome o = build(r, true, noCache);
        List<String> lines = new ArrayList<>(LegacyBuild.DEPRECATED);
        if (o.failed() && o.legacy() == null) {
            lines.addAll(o.lines());
            return new CommandOutput(1, lines, lines);
        }
        if (o.failed() || !quiet) {
            lines.addAll(o.legacy());
        } else {
            lines.add(o.id());
        }
        return new CommandOutput(o.failed() ? LegacyBuild.status(o.legacy()) : 0, lines, o.failed() ? lines : LegacyBuild.DEPRECATED);
    }

    /** Builds {@code r}'s context (its {@code Dockerfile}, or the file named) and names the image its tags. */
    public Outcome build(Request r, boolean quiet) {
        return build(r, quiet, false);
    }

    /** As above; {@code noCache} ({@code --no-cache}): no step is taken from the cache. */
    Outcome build(Request r, boolean quiet, boolean noCache) {
        String contextDir = r.context();
        String file = r.file();
        Map<String, String> buildArgs = r.args();
        String target = r.target();
        List<String> tags = r.tags();
        String ctx = contextDir.endsWith("/") && contextDir.length() > 1 ? contextDir.substring(0, contextDir.length() - 1) : contextDir;
        List<String> listed = host.listHostOrDisk(ctx);
        if (listed == null) {
            return failed(List.of("ERROR: unable to prepare context: path \"" + contextDir + "\" not found"));
        }
        String dfName = file == null ? "Dockerfile" : file;
        String dfPath = file == null ? path(ctx, "Dockerfile") : file;
        String text = host.readHostOrDisk(dfPath);
        List<String> lines = new ArrayList<>();
        lines.add("#0 building with \"default\" instance using docker driver");
        lines.add("");
        BuildProgress progress = new BuildProgress(lines);
        // The frontend loads the Dockerfile's directory (an empty transfer when the file is absent), then reads
        // the file by its base name (buildx build/opt.go; buildkit frontend/dockerui/config.go).
        progress.vertex("[internal] load build definition from " + base(dfName), "transferring dockerfile: " + (text == null ? "2B" : size(text)) + " done");
        if (text == null) {
            // The error follows the vertex's DONE line: the plain printer writes its blank line before a vertex, not after.
            lines.remove(lines.size() - 1);
            lines.add("ERROR: failed to solve: failed to read dockerfile: open " + base(dfName) + ": no such file or directory");
            return failed(quiet ? lines.subList(lines.size() - 1, lines.size()) : lines);
        }
        String ignoreText = host.readHostOrDisk(path(ctx, ".dockerignore"));
        DockerIgnore ignore = DockerIgnore.parse(ignoreText);
        List<String> files = listed.stream().filter(p -> !(ctx.equals(".") && p.startsWith("etc/")) && !ignore.excludes(p)).toList();
        Engine engine = host.engine();
        Bases bases = new Bases() {
            @Override
            public ImageConfig config(String image) {
                return engine.images().config(image);
            }

            @Override
            public String digest(String image) {
                return engine.images().published(image).id();
            }

            @Override
            public Map<String, String> labels(String image) {
                return engine.images().labels(image);
            }

            @Override
            public Map<String, String> files(String image) {
                ImageService.BuiltImage built = engine.images().built(image);
                return built == null ? Map.of() : built.files();
            }

            @Override
            public java.util.Set<String> removed(String image) {
                ImageService.BuiltImage built = engine.images().built(image);
                return built == null ? java.util.Set.of() : built.removed();
            }

            @Override
            public Map<String, dev.dockwire.docker.LayerDir> dirs(String image) {
                ImageService.BuiltImage built = engine.images().built(image);
                return built == null ? Map.of() : built.dirs();
            }

            @Override
            public Map<String, dev.dockwire.docker.LayerFile> owners(String image) {
                ImageService.BuiltImage built = engine.images().built(image);
                return built == null ? Map.of() : built.owners();
            }

            @Override
            public boolean directory(String reference, String path) {
                return dev.dockwire.docker.engine.ImageFiles.directory(reference, path);
            }

            @Override
            public String file(String reference, String path) {
                return dev.dockwire.docker.engine.ImageFiles.text(reference, path);
            }

            @Override
            public Map<String, String> packagePrograms(String family, String pkg) {
                return Images.packagePrograms(family, pkg);
            }
        };
        BuildContext context = new BuildContext() {
            @Override
            public String read(String p) {
                return host.readHostOrDisk(path(ctx, p));
            }

            @Override
            public List<String> files() {
                return files;
            }
        };
        Build b;
        ServeComment serves;
        Dockerfile d;
        try {
            d = Dockerfile.parse(text);
            b = ImageBuilder.build(d, buildArgs, target, bases, context, new BuildContainers(host, legacy() ? "legacy" : "buildkit", !noCache),
                    legacy());
            serves = ServeComment.find(text);
        } catch (RunFailed e) {
            java.util.Set<Integer> cached = new java.util.HashSet<>();
            Outcome failed = runFailed(e, dfName, text, files, context, ignoreText, noCache, progress, quiet, cached);
            return new Outcome(null, failed.lines(), true, List.of(), null,
                    legacy() ? new LegacyBuild(engine, tarSize(files, context), noCache, target).failed(d(text), e, cached) : null);
        } catch (StepRefused e) { // the legacy builder's alone
            java.util.Set<Integer> cached = steps(e.steps(), e.stepKeys(), e.ran(), null, files, context, noCache, progress);
            return new Outcome(null, lines, true, List.of(), null,
                    new LegacyBuild(engine, tarSize(files, context), noCache, target).refused(d(text), e, cached));
        } catch (DockerfileException e) {
            String refused = legacy() ? LegacyBuild.parseError(e.getMessage()) : null;
            if (refused != null) {
                // the daemon refuses the Dockerfile after the context came: its HTTP error, as the client prints it
                return new Outcome(null, lines, true, List.of(), null, List.of(new LegacyBuild(engine, tarSize(files, context), noCache, target).sent(),
                        "Error response from daemon: " + refused));
            }
            List<String> out = quiet ? new ArrayList<>() : lines;
            if (!quiet) {
                out.add("");
            }
            out.addAll(BuildProgress.source(dfName, text, e.startLine(), e.endLine()));
            out.add("ERROR: failed to solve: " + e.getMessage());
            return failed(out);
        }
        loadVertices(b.bases(), ignoreText, progress);
        java.util.Set<Integer> cached = steps(b.steps(), b.stepKeys(), b.ran(), null, files, context, noCache, progress);
        if (legacy()) {
            LegacyBuild stream = new LegacyBuild(engine, tarSize(files, context), noCache, target);
            if (stream.refusal(d) != null) {
                return new Outcome(null, lines, true, List.of(), null, stream.refused(d, b, cached));
            }
        }
        String id = "sha256:" + b.digest();
        long size = engine.images().published(b.config().reference()).size();
        for (String content : b.files().values()) {
            size += content.getBytes(StandardCharsets.UTF_8).length;
        }
        Map<String, String> labels = new LinkedHashMap<>(b.labels());
        labels.putAll(r.labels());
        ImageService.BuiltImage image = new ImageService.BuiltImage(b.config(), id, Instant.ofEpochMilli(System.currentTimeMillis()), size,
                b.files(), labels, b.removed(), b.dirs(), b.owners());
        // A status that took no time prints without one (printer.go: the time only above 0.01s).
        List<String> export = new ArrayList<>(List.of("exporting layers done", "writing image " + id + " done"));
        for (String tag : tags) {
            ImageService.PullNames names = ImageService.pullNames(tag);
            engine.images().tag(tag, image);
            if (serves != null) {
                engine.images().declare(tag, serves.port(), serves.text());
            }
            export.add("naming to " + names.canonical() + " done");
        }
        progress.vertex("exporting to image", export.toArray(String[]::new));
        // The image's history, for docker history and save; without a -t it is kept dangling (<none>:<none>), as moby's image store keeps it.
        List<ImageHistory.Entry> history = new BuildHistory(d, b, buildArgs, base -> ImageHistory.entries(engine.images(), base),
                image.created(), legacy()).entries(target);
        List<String> legacyLines = null;
        if (legacy()) {
            // the legacy builder commits an image per step: the build's is the last, the others its parents
            LegacyBuild stream = new LegacyBuild(engine, tarSize(files, context), noCache, target);
            legacyLines = stream.built(d, b, id, tags, cached);
            LegacyBuild.keepSteps(engine.images(), image, history, stream.lastStageImages());
        } else {
            engine.images().store(image, history, null);
        }
        String warning = RunInstalls.warning(b.skipped(), true);
        if (warning != null) {
            lines.add(warning);
        }
        return new Outcome(id, lines, false, progress.vertices(), warning, legacyLines);
    }

    /** The vertices of the images' metadata and the .dockerignore, which the solve loads before the steps. */
    private static void loadVertices(List<String> bases, String ignoreText, BuildProgress progress) {
        for (String base : bases) {
            progress.vertex("[internal] load metadata for " + base);
        }
        // fsutil's stat packets: 2B for no file; a file's bytes and its packet, 40B for a short one
        // (moby/moby#41033: an 8-byte .dockerignore transferred 48B).
        progress.vertex("[internal] load .dockerignore", "transferring context: "
                + (ignoreText == null ? "2B" : human(ignoreText.getBytes(StandardCharsets.UTF_8).length + 40)) + " done");
    }

    /**
     * A RUN that exited non-zero: the vertices up to it, its logs and error block, the Dockerfile
     * lines it came from and buildx's {@code ERROR: failed to solve: process "..." did not complete
     * successfully: exit code: N} (with {@code -q}, the error lines alone).
     */
    private Outcome runFailed(RunFailed e, String dfName, String text, List<String> files, BuildContext context, String ignoreText,
            boolean noCache, BuildProgress progress, boolean quiet, java.util.Set<Integer> cached) {
        List<String> lines = progress.lines();
        loadVertices(e.bases(), ignoreText, progress);
        cached.addAll(steps(e.steps(), e.stepKeys(), e.ran(), e, files, context, noCache, progress));
        if (quiet) {
            lines.subList(0, lines.size()).clear();
        }
        lines.addAll(BuildProgress.source(dfName, text, e.startLine(), e.endLine()));
        lines.add("ERROR: failed to solve: " + e.getMessage());
        return failed(new ArrayList<>(lines));
    }

    private static Outcome failed(List<String> lines) {
        return new Outcome(null, lines, true, List.of(), null);
    }

    /**
     * The steps' vertices in the order the solver starts them: every stage's FROM (a source, started
     * with the solve), the build context when a COPY or ADD reads it, then the steps stage by stage;
     * a step whose cache key ({@link Build#stepKeys()}) ran before is {@code CACHED} (printer.go), each
     * builder's cache apart (the legacy builder's is its intermediate images). Returns the cached steps' indexes.
     */
    private java.util.Set<Integer> steps(List<String> steps, List<String> keys, Map<Integer, RunStep.Ran> ran, RunFailed failed,
            List<String> files, BuildContext context, boolean noCache, BuildProgress progress) {
        java.util.Set<Integer> cached = new java.util.HashSet<>();
        long bytes = 0;
        for (String p : files) {
            String c = context.read(p);
            bytes += c == null ? 0 : c.getBytes(StandardCharsets.UTF_8).length;
        }
        boolean readsContext = false;
        for (String step : steps) {
            if (step.contains("] FROM ")) {
                progress.vertex(step);
            } else if ((step.contains("] COPY ") || step.contains("] ADD ")) && !step.contains(" --from=") && !step.contains("<<")) {
                readsContext = true;
            }
        }
        if (readsContext) {
            progress.vertex("[internal] load build context", "transferring context: " + human(Math.max(bytes, 2)) + " done");
        }
        Engine engine = host.engine();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String key = (legacy() ? "legacy\0" : "") + keys.get(i);
            if (step.contains("] FROM ")) {
                continue;
            }
            RunStep.Ran run = ran.get(i);
            if (failed != null && i == steps.size() - 1) {
                // a failed step's result is not cached: the next build runs it again
                progress.failed(step, run.output(), run.nanos(), failed.getMessage());
            } else if (engine.images().cachedStep(key) && !noCache) {
                progress.cached(step);
                cached.add(i);
            } else if (run != null) {
                progress.ran(step, run.output(), run.nanos());
            } else {
                progress.vertex(step);
            }
        }
        return cached;
    }

    /** The Dockerfile {@code text} once more (it parsed before the build failed). */
    private static Dockerfile d(String text) {
        try {
            return Dockerfile.parse(text);
        } catch (DockerfileException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bytes of the context's tar as the client sends it (moby's archive.TarWithOptions through Go's
     * archive/tar): a 512-byte header per file and per directory below the root, each file's content
     * in 512-byte blocks, two zero blocks at the end.
     */
    private static long tarSize(List<String> files, BuildContext context) {
        long n = 1024;
        java.util.Set<String> dirs = new java.util.HashSet<>();
        for (String p : files) {
            String c = context.read(p);
            long len = c == null ? 0 : c.getBytes(StandardCharsets.UTF_8).length;
            n += 512 + (len + 511) / 512 * 512;
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                dirs.add(p.substring(0, slash));
            }
        }
        return n + 512L * dirs.size();
    }

    private static String path(String dir, String name) {
        return dir.equals(".") ? name : dir + "/" + name;
    }

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String size(String text) {
        return human(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** go-units HumanSize as the progress prints transfers: {@code 86B}, {@code 1.23kB}. */
    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + "B";
        }
        String[] units = {"kB", "MB", "GB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format("%.4g", v).replaceAll("\\.?0+$", "") + units[u];
    }
}
