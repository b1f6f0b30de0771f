package dev.dockwire.docker.build;

import dev.dockwire.docker.LayerFile;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.LayerDir;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches a Dockerfile's stages as BuildKit's dockerfile2llb does (convert.go): the target
 * stage ({@code --target}, else the last) and the stages it needs, each from its base's config
 * (an earlier stage, {@code scratch}, or an image from {@link Bases}); ARG scope (meta args for
 * FROM, {@code --build-arg} over defaults, a stage's bare ARG inheriting the meta value); ENV
 * appended or replaced in place; WORKDIR joined to the current one; EXPOSE into ExposedPorts;
 * ENTRYPOINT resetting a CMD not set in the stage; the shell form through SHELL; COPY/ADD's files;
 * LABELs over the base's; RUN's package installs ({@link RunInstalls}) and, given a {@link RunStep},
 * each RUN run in a build container of the stage so far, its file changes the step's layer
 * (dispatchRun: the shell form through SHELL, the exec form as written, a here-document's script).
 */
public final class ImageBuilder {
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
    /**
     * BuildKit's automatic platform ARGs (dockerfile2llb's buildArgs from the build and target
     * platforms), in the global scope for FROM and given to a stage that declares them bare:
     * dockwire builds for and on linux/amd64.
     */
    static final Map<String, String> PLATFORM_ARGS = platformArgs();

    private static Map<String, String> platformArgs() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kind : List.of("BUILD", "TARGET")) {
            out.put(kind + "PLATFORM", "linux/amd64");
            out.put(kind + "OS", "linux");
            out.put(kind + "ARCH", "amd64");
            out.put(kind + "VARIANT", "");
        }
        return Map.copyOf(out);
    }
    private final Dockerfile file;
    private final Map<String, String> buildArgs;
    private final Bases bases;
    private final BuildContext context;
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    /** Per step, what it took in besides its text: the files a COPY/ADD put (path and content), "" for others. */
    private final List<String> inputs = new ArrayList<>();
    /** Per step, its cache key ({@link #chain}). */
    private final List<String> keys = new ArrayList<>();
    private final List<String> loaded = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    /** Where RUN lines run (null: none runs; {@link RunInstalls} marks their packages). */
    private final RunStep runner;
    /** The RUN steps run, by index in {@link #steps}. */
    private final Map<Integer, RunStep.Ran> ran = new LinkedHashMap<>();
    /** The WORKDIR steps, by index in {@link #steps}, that made no directory. */
    private final Set<Integer> emptyWorkdirs = new LinkedHashSet<>();
    /** Whether the legacy builder builds (DOCKER_BUILDKIT=0): {@code --chown} names it cannot find fail the step, {@link Chown}. */
    private final boolean legacy;

    private ImageBuilder(Dockerfile file, Map<String, String> buildArgs, Bases bases, BuildContext context, RunStep runner, boolean legacy) {
        this.legacy = legacy;
        this.file = file;
        this.buildArgs = buildArgs;
        this.bases = bases;
        this.context = context;
        this.runner = runner;
    }

    /** Builds {@code target} (null: the last stage) of {@code file}, running no RUN line. */
    public static Build build(Dockerfile file, Map<String, String> buildArgs, String target, Bases bases, BuildContext context)
            throws DockerfileException {
        return new ImageBuilder(file, buildArgs, bases, context, null, false).run(target);
    }

    /**
     * Builds {@code target} of {@code file}, each RUN run by {@code runner}; one that exits non-zero
     * fails the build with {@link RunFailed}.
     */
    public static Build build(Dockerfile file, Map<String, String> buildArgs, String target, Bases bases, BuildContext context,
            RunStep runner) throws DockerfileException {
        return build(file, buildArgs, target, bases, context, runner, false);
    }

    /** Builds {@code target} of {@code file} as {@link #build(Dockerfile, Map, String, Bases, BuildContext, RunStep)}, by the legacy builder when {@code legacy}. */
    public static Build build(Dockerfile file, Map<String, String> buildArgs, String target, Bases bases, BuildContext context,
            RunStep runner, boolean legacy) throws DockerfileException {
        return new ImageBuilder(file, buildArgs, bases, context, runner, legacy).run(target);
    }

    /** A stage as dispatched: its image config, labels, files, the catalogue base's files it lacks and the directories its layers made. */
    private record Result(ImageConfig config, Map<String, String> labels, Map<String, String> files, Set<String> removed,
                          Map<String, LayerDir> dirs, String key, Map<String, LayerFile> owners) {
    }

    private Build run(String target) throws DockerfileException {
        ShellLex lex = new ShellLex(file.escape());
        meta.putAll(PLATFORM_ARGS);
        for (Instruction.Arg a : file.metaArgs()) {
            for (Instruction.ArgDef d : a.args()) {
                String v = buildArgs.containsKey(d.key()) ? buildArgs.get(d.key())
                        : d.value() == null ? null : lex.processWord(d.value(), meta::get);
                if (v != null) {
                    meta.put(d.key(), v);
                } else {
                    meta.remove(d.key());
                }
            }
        }
        List<Dockerfile.Stage> stages = file.stages();
        int t = stages.size() - 1;
        if (target != null && !target.isEmpty()) {
            t = indexOf(target.toLowerCase(Locale.ROOT), stages.size());
            if (t < 0) {
                List<String> names = stages.stream().map(Dockerfile.Stage::name).filter(n -> n != null).toList();
                throw new DockerfileException("target stage \"" + target + "\" could not be found" + Instructions.suggest(target, names, true));
            }
        }
        Set<Integer> needed = new LinkedHashSet<>();
        need(t, needed, lex);
        Result[] done = new Result[stages.size()];
        for (int i = 0; i <= t; i++) {
            if (needed.contains(i)) {
                done[i] = stage(i, done, lex, stages.size() > 1);
            }
        }
        Result r = done[t];
        r = new Result(madeBySkippedRuns(r.config()), r.labels(), r.files(), r.removed(), r.dirs(), r.key(), r.owners());
        return new Build(r.config(), r.labels(), r.files(), steps, inputs, loaded, runs, skipped, digest(r), r.removed(), ran, r.dirs(), keys,
                r.owners(), emptyWorkdirs);
    }

    /**
     * The image marked as one whose RUN lines the build skipped ({@link ImageConfig#SKIPPED_RUNS}):
     * {@code go build -o bin/backend}, {@code pip install -r requirements.txt} would have made the
     * program its containers start, so a container of it starts that program (one dockwire does not
     * model: it runs and serves nothing) where the image would otherwise lack it.
     */
    private ImageConfig madeBySkippedRuns(ImageConfig c) {
        if (skipped.isEmpty()) {
            return c;
        }
        Map<String, String> providers = new LinkedHashMap<>(c.providers());
        providers.put(ImageConfig.SKIPPED_RUNS, "build");
        return new ImageConfig(c.reference(), c.entrypoint(), c.cmd(), c.env(), c.workingDir(), c.user(), c.exposedPorts(),
                c.stopSignal(), c.healthcheck(), providers);
    }

    /** The stages {@code i} needs: its base if a stage, and COPY --from stages, transitively. */
    private void need(int i, Set<Integer> needed, ShellLex lex) throws DockerfileException {
        if (!needed.add(i)) {
            return;
        }
        Dockerfile.Stage s = file.stages().get(i);
        int base = indexOf(lex.processWord(s.base(), meta::get).toLowerCase(Locale.ROOT), i);
        if (base >= 0) {
            need(base, needed, lex);
        }
        for (Instruction c : s.commands()) {
            if (c instanceof Instruction.Copy copy && copy.from() != null) {
                int from = indexOf(copy.from().toLowerCase(Locale.ROOT), i);
                if (from >= 0) {
                    need(from, needed, lex);
                }
            }
        }
    }

    /** The stage named (or numbered) {@code name} among the first {@code before}, or -1. */
    private int indexOf(String name, int before) {
        for (int i = 0; i < before; i++) {
            if (name.equals(file.stages().get(i).name()) || name.equals(String.valueOf(i))) {
                return i;
            }
        }
        return -1;
    }

    private Result stage(int i, Result[] done, ShellLex lex, boolean multi) throws DockerfileException {
        Dockerfile.Stage s = file.stages().get(i);
        String baseName = lex.processWord(s.base(), meta::get);
        int baseStage = indexOf(baseName.toLowerCase(Locale.ROOT), i);
        ImageConfig config;
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        Map<String, LayerDir> dirs = new LinkedHashMap<>();
        Map<String, LayerFile> owners = new LinkedHashMap<>();
        boolean scratch = baseName.equals("scratch");
        String canonical = null;
        if (baseStage >= 0) {
            Result b = done[baseStage];
            config = b.config();
            labels.putAll(b.labels());
            files.putAll(b.files());
            removed.addAll(b.removed());
            dirs.putAll(b.dirs());
            owners.putAll(b.owners());
        } else if (scratch) {
            config = new ImageConfig("scratch", List.of(), List.of(), List.of(ImageConfig.DEFAULT_PATH), "", "", List.of(), "", null, Map.of());
        } else {
            canonical = Bases.canonical(baseName);
            config = bases.config(baseName);
            if (config == null) {
                throw new DockerfileException(canonical + ": failed to resolve source metadata for " + canonical
                        + ": pull access denied, repository does not exist or may require authorization: server message: "
                        + "insufficient_scope: authorization failed", s.source().startLine(), s.source().endLine());
            }
            labels.putAll(bases.labels(baseName));
            // An image this daemon made: its layers' files and whiteouts are the stage's rootfs (dockerfile2llb's llb.Image).
            files.putAll(bases.files(baseName));
            removed.addAll(bases.removed(baseName));
            dirs.putAll(bases.dirs(baseName));
            owners.putAll(bases.owners(baseName));
            if (!loaded.contains(canonical)) {
                loaded.add(canonical);
            }
        }
        StageState st = new StageState(config, labels, files, removed, dirs, owners, lex);
        String prefix = multi ? (s.name() != null ? s.name() : "stage-" + i) + " " : "";
        int total = (baseStage < 0 && !scratch ? 1 : 0) + (int) s.commands().stream()
                .filter(c -> c instanceof Instruction.Run || c instanceof Instruction.Copy || c instanceof Instruction.Workdir).count();
        st.steps = new StepNames(prefix, total, steps, inputs, baseStage >= 0 ? done[baseStage].key() : "");
        if (canonical != null) {
            st.steps.add("FROM " + canonical + "@" + bases.digest(baseName));
        }
        for (Instruction c : s.commands()) {
            st.dispatch(c, done);
        }
        removed.removeAll(st.files.keySet()); // a COPY over a removed file writes it back
        owners.keySet().retainAll(st.files.keySet());
        return new Result(st.config(), st.labels, st.files, removed, dirs, st.steps.last, owners);
    }

    /** The {@code [stage N/M]} prefixes of a stage's vertices (prefixCommand: the index padded to the total's width). */
    private final class StepNames {
        private final String prefix;
        private final int total;
        private final List<String> out;
        private final List<String> inputs;
        private int index;
        /** The key of the stage's last step: its base stage's last at first (a stage FROM a stage goes on from it). */
        private String last;

        StepNames(String prefix, int total, List<String> out, List<String> inputs, String origin) {
            this.prefix = prefix;
            this.total = total;
            this.out = out;
            this.inputs = inputs;
            this.last = origin;
        }

        void add(String text) {
            add(text, "", "");
        }

        void add(String text, String input) {
            add(text, input, "");
        }

        /**
         * The step named {@code text}, which took {@code input} in besides its text; {@code process}: what else
         * decides its result (a RUN's environment, user and working directory), part of its cache key only.
         */
        void add(String text, String input, String process) {
            last = CacheKeys.chain(last, text, input + "\0" + process);
            keys.add(last);
            index++;
            int width = 1 + (int) Math.floor(Math.log10(total));
            out.add("[" + prefix + String.format("%" + width + "d/%d] ", index, total) + text);
            inputs.add(input);
        }
    }

    /** One stage being dispatched. */
    private final class StageState {
        private final ShellLex lex;
        private final Map<String, String> labels;
        private final Map<String, String> files;
        private final Set<String> removed;
        /** The directories the stage's layers made, by path (a later RUN sees them; WORKDIR's among them). */
        private final Map<String, LayerDir> dirs;
        /** The owners of its files that are not root's ({@code COPY --chown}'s), by path. */
        private final Map<String, LayerFile> owners;
        /** The LLB state's environment: the image's ENV and the ARGs in scope, for substitution. */
        private final Map<String, String> scope = new LinkedHashMap<>();
        private final List<String> env;
        private List<String> entrypoint;
        private List<String> cmd;
        private boolean cmdSet;
        private String workdir;
        private String user;
        private final List<String> exposed;
        private String stopSignal;
        private ImageConfig.Healthcheck health;
        private List<String> shell = DEFAULT_SHELL;
        private final Map<String, String> providers;
        /** With a runner, what RunInstalls would have skipped: only the packages it does not know matter (a gap, not a failure). */
        private final List<String> unrun = new ArrayList<>();
        private final RunInstalls installs = new RunInstalls(bases, runner == null ? skipped : unrun);
        /** Whether a RUN of this stage was skipped: what later lines read from it is missing, so their failures are not the Dockerfile's. */
        private boolean stageSkipped;
        /** Whether the RUN line being run installs a package the catalogue does not know. */
        private boolean unknownPackages;
        private final String reference;
        private StepNames steps;

        StageState(ImageConfig base, Map<String, String> labels, Map<String, String> files, Set<String> removed,
                   Map<String, LayerDir> dirs, Map<String, LayerFile> owners, ShellLex lex) {
            this.lex = lex;
            this.owners = owners;
            this.labels = labels;
            this.files = files;
            this.removed = removed;
            this.dirs = dirs;
            env = new ArrayList<>(base.env());
            for (String kv : env) {
                int eq = kv.indexOf('=');
                scope.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
            entrypoint = base.entrypoint();
            cmd = base.cmd();
            workdir = base.workingDir();
            user = base.user();
            exposed = new ArrayList<>(base.exposedPorts());
            stopSignal = base.stopSignal();
            health = base.healthcheck();
            providers = base.providers();
            reference = base.reference();
        }

        ImageConfig config() {
            return new ImageConfig(reference, entrypoint, cmd, env, workdir, user, exposed, stopSignal, health, installs.programs(providers));
        }

        private String word(String w) throws DockerfileException {
            return lex.processWord(w, scope::get);
        }

        /** Applies one instruction; its errors are the solve's (BuildKit shows the lines beside them, not in them). */
        void dispatch(Instruction c, Result[] done) throws DockerfileException {
            try {
                apply(c, done);
            } catch (DockerfileException e) {
                throw e.at(c.source().startLine(), c.source().endLine());
            }
        }

        private void apply(Instruction c, Result[] done) throws DockerfileException {
            if (c instanceof Instruction.Env e) {
                for (Instruction.KeyValue kv : e.pairs()) {
                    String k = word(kv.key());
                    String v = word(kv.value());
                    scope.put(k, v);
                    setEnv(k, v);
                }
            } else if (c instanceof Instruction.Arg a) {
                for (Instruction.ArgDef d : a.args()) {
                    String v = buildArgs.containsKey(d.key()) ? buildArgs.get(d.key())
                            : d.value() != null ? word(d.value()) : meta.get(d.key());
                    if (v != null) {
                        scope.put(d.key(), v);
                    }
                }
            } else if (c instanceof Instruction.Label l) {
                for (Instruction.KeyValue kv : l.pairs()) {
                    labels.put(word(kv.key()), word(kv.value()));
                }
            } else if (c instanceof Instruction.Workdir w) {
                workdir = normalizeWorkdir(workdir, word(w.path()));
                if (!workdirMade(workdir)) {
                    emptyWorkdirs.add(ImageBuilder.this.steps.size());
                }
                steps.add("WORKDIR " + workdir);
            } else if (c instanceof Instruction.User u) {
                user = word(u.user());
            } else if (c instanceof Instruction.Expose x) {
                for (String p : x.ports()) {
                    for (String w : lex.processWords(p, scope::get)) {
                        for (String port : PortSpecs.keys(w)) {
                            if (!exposed.contains(port)) {
                                exposed.add(port);
                            }
                        }
                    }
                }
            } else if (c instanceof Instruction.StopSignal s) {
                stopSignal = word(s.signal());
            } else if (c instanceof Instruction.Healthcheck h) {
                health = h.health();
            } else if (c instanceof Instruction.Shell s) {
                shell = s.shell();
            } else if (c instanceof Instruction.Cmd m) {
                cmd = withShell(m.command());
                cmdSet = true;
            } else if (c instanceof Instruction.Entrypoint e) {
                entrypoint = withShell(e.command());
                if (!cmdSet) {
                    cmd = List.of();
                }
            } else if (c instanceof Instruction.Run r) {
                runs.add(String.join(" ", r.command().args()));
                int before = unrun.size();
                installs.run(r);
                unknownPackages = unrun.subList(before, unrun.size()).stream().anyMatch(u -> u.matches("\\S+ (add|install) .*"));
                steps.add(upper(c), "", String.join("\0", runEnv()) + "\0" + user + "\0" + workdir + "\0" + shell);
                if (runner != null) {
                    execute(r);
                }
            } else if (c instanceof Instruction.Copy cp) {
                if (cp.from() != null && indexOf(cp.from().toLowerCase(Locale.ROOT), done.length) < 0) {
                    copyImage(word(cp.from()));
                }
                String put;
                try {
                    LayerFile owner = cp.chown() == null || cp.chown().isEmpty() ? null : Chown.resolve(word(cp.chown()), legacy, this::read);
                    put = new CopyFiles(context, files, workdir, lex, scope, owners, dirs, owner, legacy)
                            .copy(cp, cp.from() == null ? null : stageFiles(cp.from(), done));
                } catch (DockerfileException e) { // the legacy builder's dispatcher fails the step after its Step line
                    throw legacy ? new StepRefused(e.getMessage(), ImageBuilder.this.steps, keys, ran, cp.source()) : e;
                }
                steps.add(upper(c), put);
            }
            // VOLUME, MAINTAINER and ONBUILD set Config.Volumes, Author and OnBuild: fields of no effect on what a container of it runs here.
        }

        /**
         * {@code COPY --from=IMAGE}: an image, not a stage, resolved as FROM resolves its base
         * (dockerfile2llb's llb.Image with the metadata resolver), so one the registry lacks fails
         * the build as FROM would; the catalogue's images bring no files of their own.
         */
        private void copyImage(String image) throws DockerfileException {
            String canonical = Bases.canonical(image);
            if (bases.config(image) == null) {
                throw new DockerfileException(canonical + ": failed to resolve source metadata for " + canonical
                        + ": pull access denied, repository does not exist or may require authorization: server message: "
                        + "insufficient_scope: authorization failed");
            }
            if (!loaded.contains(canonical)) {
                loaded.add(canonical);
            }
        }

        /** The text of {@code path} in the stage so far: its layers' file, else its catalogue image's; null when neither has it. */
        private String read(String path) {
            String text = files.get(path);
            return text != null || removed.contains(path) ? text : bases.file(reference, path);
        }

        private Map<String, String> stageFiles(String from, Result[] done) {
            int i = indexOf(from.toLowerCase(Locale.ROOT), done.length);
            return i >= 0 && done[i] != null ? done[i].files() : Map.of();
        }

        private void setEnv(String k, String v) {
            for (int i = 0; i < env.size(); i++) {
                if (env.get(i).startsWith(k + "=") || env.get(i).equals(k)) {
                    env.set(i, k + "=" + v);
                    return;
                }
            }
            env.add(k + "=" + v);
        }

        /**
         * Runs RUN {@code r} in a build container of the stage so far and takes its changes as the
         * step's layer; a program dockwire does not model ({@code npm ci}) is skipped as without a
         * runner; any other non-zero exit fails the build.
         */
        private void execute(Instruction.Run r) throws DockerfileException {
            List<String> argv = RunLines.argv(r, shell);
            RunStep.Ran out = runner.run(new RunStep.Request(config(), files, removed, argv, runEnv(), workdir, user, dirs,
                    keys.get(keys.size() - 1), owners));
            int index = ImageBuilder.this.steps.size() - 1;
            ran.put(index, out);
            if (out.status() != 0 && gap(out)) {
                skipped.add(String.join(" ", r.command().args()) + " (line " + r.source().startLine() + ")");
                stageSkipped = true;
                return;
            }
            if (out.status() != 0) {
                throw new RunFailed(argv, out.status(), ImageBuilder.this.steps, inputs, keys, loaded, ran, r.source().startLine(),
                        r.source().endLine());
            }
            for (String gone : out.deleted()) {
                files.remove(gone);
                files.keySet().removeIf(p -> p.startsWith(gone + "/"));
                owners.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
                dirs.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
                removed.add(gone);
            }
            out.made().forEach((path, dir) -> {
                dirs.put(path, dir);
                removed.remove(path);
            });
            out.written().forEach((path, text) -> {
                files.remove(path);
                files.put(path, text);
                removed.remove(path);
            });
        }

        /**
         * WORKDIR's directory and those above it, made where the stage lacks them (dispatchWorkdir's
         * {@code llb.Mkdir} with parents as the image's USER, llb.WithUser: that user's with BuildKit; the
         * legacy builder's ContainerCreateWorkdir root's, create_unix.go), 0755; whether it made any
         * (the legacy builder's commit of an empty diff is an empty layer). The catalogue's are the
         * base's ({@link Bases#directory}); those kept as root's make no layer of their own.
         */
        private boolean workdirMade(String dir) throws DockerfileException {
            LayerFile o = legacy || user.isEmpty() ? null : Chown.resolve(user, false, this::read);
            LayerDir made = o == null ? LayerDir.DEFAULT : new LayerDir(0755, o.uid(), o.gid());
            boolean any = false;
            for (int slash = dir.indexOf('/', 1); dir.length() > 1; slash = dir.indexOf('/', slash + 1)) {
                String d = slash < 0 ? dir : dir.substring(0, slash);
                boolean exists = dirs.containsKey(d) || bases.directory(reference, d) || files.keySet().stream().anyMatch(f -> f.startsWith(d + "/"));
                any |= !exists;
                dirs.put(d, exists ? dirs.getOrDefault(d, LayerDir.DEFAULT) : made);
                if (slash < 0) {
                    break;
                }
            }
            return any;
        }

        /** A RUN's process environment: the stage's ENV, then the ARGs in scope it does not set. */
        private List<String> runEnv() {
            List<String> vars = new ArrayList<>(env);
            scope.forEach((k, v) -> {
                if (env.stream().noneMatch(kv -> kv.equals(k) || kv.startsWith(k + "="))) {
                    vars.add(k + "=" + v); // an ARG in scope is the process's variable too
                }
            });
            return vars;
        }

        /** {@link RunLines#gap} with this stage's state. */
        private boolean gap(RunStep.Ran out) {
            return RunLines.gap(out, reference, stageSkipped, unknownPackages);
        }

        private List<String> withShell(Instruction.CommandLine line) {
            if (line.json()) {
                return line.args();
            }
            List<String> out = new ArrayList<>(shell);
            out.add(String.join(" ", line.args()));
            return out;
        }
    }

    /** The step's name: the instruction's text with its word upper-cased (uppercaseCmd). */
    private static String upper(Instruction c) {
        String text = c.text();
        int sp = text.indexOf(' ');
        return sp < 0 ? text.toUpperCase(Locale.ROOT) : text.substring(0, sp).toUpperCase(Locale.ROOT) + text.substring(sp);
    }

    /** system.NormalizeWorkdir: a relative path joined to the current one, cleaned. */
    static String normalizeWorkdir(String current, String requested) {
        String p = requested.startsWith("/") ? requested : (current.isEmpty() ? "/" : current) + "/" + requested;
        return CopyFiles.clean(p);
    }

    private static String digest(Result r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(r.config().toString().getBytes(StandardCharsets.UTF_8));
            md.update(new java.util.TreeMap<>(r.labels()).toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                md.update((f.getKey() + "\0" + f.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (String gone : r.removed()) {
                md.update(("-" + gone + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, LayerDir> d : r.dirs().entrySet()) {
                md.update(("d" + d.getKey() + "\0" + d.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, LayerFile> o : r.owners().entrySet()) {
                md.update(("o" + o.getKey() + "\0" + o.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
