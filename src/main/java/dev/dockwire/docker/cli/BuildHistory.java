package dev.dockwire.docker.cli;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.build.Build;
import dev.dockwire.docker.build.Dockerfile;
import dev.dockwire.docker.build.Instruction;
import dev.dockwire.docker.engine.ImageHistory;
import dev.dockwire.sim.GoDuration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The history a BuildKit build writes into the image (frontend/dockerfile/dockerfile2llb
 * convert.go, commitToHistory): the base image's entries, then one per instruction of the target
 * stage (and of the stages it is built on) with the build's time and the comment
 * {@code buildkit.dockerfile.v0}; a RUN, COPY or ADD makes a layer and its text ends
 * {@code # buildkit} ({@code RUN /bin/sh -c apk add curl # buildkit}, {@code |1 V=1} before it
 * when the stage declared ARGs), the others set config only ({@code ENV K=V}, {@code EXPOSE
 * map[80/tcp:{}]}, {@code CMD ["nginx" "-g" "daemon off;"]} as Go's %q prints the slice). A
 * COPY's layer is the bytes it copied; a RUN's the bytes of the files it wrote (its container's diff). A
 * WORKDIR's path is the absolute one it leads to ({@code WORKDIR sub} after {@code /app}: {@code WORKDIR
 * /app/sub}, dispatchWorkdir). The instructions' words are as written: variables are not substituted here.
 *
 * <p>The legacy builder's ({@code DOCKER_BUILDKIT=0}; moby daemon/builder/dockerfile dispatchers.go and
 * internals.go) is each step's container Cmd joined by spaces, with no comment: a config step's is the
 * shell, {@code #(nop) } and its text as two words (withCmdComment: {@code /bin/sh -c #(nop)  ENV A=b}), a
 * WORKDIR's one word (withCmdCommentString: {@code /bin/sh -c #(nop) WORKDIR /app}), an ARG's its
 * Dockerfile default (not the {@code --build-arg}), a RUN's its command after {@code |N K=V...} when the
 * stage's ARGs have values (FilterAllowed, prependEnvOnCmd: sorted, those an ENV set left out).
 */
final class BuildHistory {
    private final Dockerfile file;
    private final Build build;
    private final Function<String, List<ImageHistory.Entry>> baseHistory;
    private final Map<String, String> buildArgs;
    private final Instant now;
    private final boolean legacy;

    /** {@code baseHistory}: the history of a base image by its name. */
    BuildHistory(Dockerfile file, Build build, Map<String, String> buildArgs, Function<String, List<ImageHistory.Entry>> baseHistory,
                 Instant now) {
        this(file, build, buildArgs, baseHistory, now, false);
    }

    /** {@code legacy}: the legacy builder's history ({@code DOCKER_BUILDKIT=0}), else BuildKit's. */
    BuildHistory(Dockerfile file, Build build, Map<String, String> buildArgs, Function<String, List<ImageHistory.Entry>> baseHistory,
                 Instant now, boolean legacy) {
        this.legacy = legacy;
        this.file = file;
        this.build = build;
        this.buildArgs = buildArgs;
        this.baseHistory = baseHistory;
        this.now = now;
    }

    /** The image's history, oldest first, for the target stage {@code target} (null: the last). */
    List<ImageHistory.Entry> entries(String target) {
        List<Dockerfile.Stage> stages = file.stages();
        int t = stages.size() - 1;
        if (target != null && !target.isEmpty()) {
            t = index(target.toLowerCase(Locale.ROOT), stages.size());
        }
        return stage(t);
    }

    private int index(String name, int before) {
        for (int i = 0; i < before; i++) {
            if (name.equals(file.stages().get(i).name()) || name.equals(String.valueOf(i))) {
                return i;
            }
        }
        return -1;
    }

    private List<ImageHistory.Entry> stage(int i) {
        Dockerfile.Stage s = file.stages().get(i);
        int base = index(s.base().toLowerCase(Locale.ROOT), i);
        List<ImageHistory.Entry> out = new ArrayList<>();
        if (base >= 0) {
            out.addAll(stage(base));
        } else if (!s.base().equals("scratch")) {
            String name = s.base().contains("$") && !build.bases().isEmpty() ? build.bases().get(build.bases().size() - 1) : s.base();
            out.addAll(baseHistory.apply(name));
        }
        List<Long> copies = copySizes(i);
        int copy = 0;
        List<Long> runs = runSizes(i);
        int run = 0;
        List<Boolean> workdirs = workdirsEmpty(i);
        int wd = 0;
        Map<String, String> args = new LinkedHashMap<>();
        java.util.Set<String> envKeys = new java.util.HashSet<>();
        List<String> shell = List.of("/bin/sh", "-c");
        String workdir = "/";
        for (Instruction c : s.commands()) {
            if (c instanceof Instruction.Env e) {
                e.pairs().forEach(kv -> envKeys.add(kv.key()));
                out.add(config(shell, "ENV " + pairs(e.pairs())));
            } else if (c instanceof Instruction.Label l) {
                out.add(config(shell, "LABEL " + pairs(l.pairs())));
            } else if (c instanceof Instruction.Arg a) {
                List<String> words = new ArrayList<>();
                for (Instruction.ArgDef d : a.args()) {
                    String v = buildArgs.containsKey(d.key()) ? buildArgs.get(d.key()) : d.value();
                    if (!legacy || v != null) {
                        args.put(d.key(), v == null ? "" : v);
                    }
                    String shown = legacy ? d.value() : v; // the legacy builder's commit names the Dockerfile's default
                    words.add(shown == null ? d.key() : d.key() + "=" + shown);
                }
                out.add(config(shell, "ARG " + String.join(" ", words)));
            } else if (c instanceof Instruction.Workdir w) {
                workdir = w.path().startsWith("/") ? w.path() : (workdir.endsWith("/") ? workdir : workdir + "/") + w.path();
                workdir = clean(workdir);
                // dispatchWorkdir: BuildKit's mkdir is a layer (unless WORKDIR /); the legacy builder's commit one only if it made a directory
                boolean empty = wd < workdirs.size() && workdirs.get(wd++);
                out.add(legacy ? legacy(shell, "#(nop) WORKDIR " + workdir, 0, empty)
                        : new ImageHistory.Entry(now, "WORKDIR " + workdir, 0, ImageHistory.BUILDKIT, workdir.equals("/")));
            } else if (c instanceof Instruction.User u) {
                out.add(config(shell, "USER " + u.user()));
            } else if (c instanceof Instruction.Expose x) {
                out.add(config(shell, "EXPOSE " + (legacy ? String.join(" ", x.ports()) // the parser sorted them (parseExpose)
                        : ImageHistory.goMap(x.ports().stream().map(p -> p.contains("/") ? p : p + "/tcp").toList()))));
            } else if (c instanceof Instruction.StopSignal sig) {
                out.add(config(shell, "STOPSIGNAL " + sig.signal()));
            } else if (c instanceof Instruction.Healthcheck h) {
                out.add(config(shell, "HEALTHCHECK " + healthcheck(h.health())));
            } else if (c instanceof Instruction.Shell sh) {
                shell = sh.shell();
                out.add(config(shell, "SHELL [" + String.join(" ", sh.shell()) + "]"));
            } else if (c instanceof Instruction.Volume v) {
                out.add(config(shell, "VOLUME [" + String.join(" ", v.volumes()) + "]"));
            } else if (c instanceof Instruction.Maintainer m) {
                out.add(config(shell, "MAINTAINER " + m.name()));
            } else if (c instanceof Instruction.Onbuild o) {
                out.add(config(shell, "ONBUILD " + o.expression()));
            } else if (c instanceof Instruction.Cmd m) {
                out.add(config(shell, "CMD " + ImageHistory.goQuoted(withShell(shell, m.command()))));
            } else if (c instanceof Instruction.Entrypoint e) {
                out.add(config(shell, "ENTRYPOINT " + ImageHistory.goQuoted(withShell(shell, e.command()))));
            } else if (c instanceof Instruction.Run r) {
                long size = run < runs.size() ? runs.get(run) : 0;
                run++;
                out.add(run(shell, r, args, envKeys, size));
            } else if (c instanceof Instruction.Copy cp) {
                long size = copy < copies.size() ? copies.get(copy) : 0;
                copy++;
                out.add(copy(shell, cp, size));
            }
        }
        return out;
    }

    /** The indexes of the build's steps that belong to stage {@code i} ({@code [stage-1 2/3] ...}, or {@code [2/3]} in a one-stage build). */
    private List<Integer> stageSteps(int i) {
        Dockerfile.Stage s = file.stages().get(i);
        String prefix = file.stages().size() > 1 ? "[" + (s.name() != null ? s.name() : "stage-" + i) + " " : "[";
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < build.steps().size(); k++) {
            String step = build.steps().get(k);
            if (step.startsWith(prefix) && Character.isDigit(step.charAt(prefix.length()) == ' ' ? '0' : step.charAt(prefix.length()))
                    || prefix.equals("[") && step.matches("\\[ *\\d+/\\d+\\] .*")) {
                out.add(k);
            }
        }
        return out;
    }

    /** The bytes each RUN of stage {@code i} wrote, in order (0 for one not run). */
    private List<Long> runSizes(int i) {
        List<Long> out = new ArrayList<>();
        for (int k : stageSteps(i)) {
            String step = build.steps().get(k);
            if (step.contains("] RUN ")) {
                dev.dockwire.docker.build.RunStep.Ran ran = build.ran().get(k);
                out.add(ran == null ? 0L : ran.size());
            }
        }
        return out;
    }

    /** Whether each WORKDIR of stage {@code i} made no directory ({@link Build#emptyWorkdirs()}), in order. */
    private List<Boolean> workdirsEmpty(int i) {
        List<Boolean> out = new ArrayList<>();
        for (int k : stageSteps(i)) {
            if (build.steps().get(k).contains("] WORKDIR ")) {
                out.add(build.emptyWorkdirs().contains(k));
            }
        }
        return out;
    }

    /** The bytes each COPY/ADD of stage {@code i} copied, in order, from the build's steps and what each took in. */
    private List<Long> copySizes(int i) {
        List<Long> out = new ArrayList<>();
        for (int k : stageSteps(i)) {
            String step = build.steps().get(k);
            if (step.contains("] COPY ") || step.contains("] ADD ")) {
                String[] parts = build.stepInputs().get(k).split("\0", -1);
                long bytes = 0;
                for (int p = 1; p < parts.length; p += 2) {
                    bytes += parts[p].getBytes(StandardCharsets.UTF_8).length;
                }
                out.add(bytes);
            }
        }
        return out;
    }

    /** A step that sets config only: BuildKit's text, or the legacy builder's {@code SHELL #(nop)  TEXT}. */
    private ImageHistory.Entry config(List<String> shell, String createdBy) {
        return legacy ? legacy(shell, "#(nop) ", createdBy) : new ImageHistory.Entry(now, createdBy, 0, ImageHistory.BUILDKIT, true);
    }

    /** The legacy builder's entry for a config step: the Cmd {@code shell + words} joined, an empty layer and no comment. */
    private ImageHistory.Entry legacy(List<String> shell, String... words) {
        List<String> cmd = new ArrayList<>(shell);
        cmd.addAll(List.of(words));
        return new ImageHistory.Entry(now, String.join(" ", cmd), 0, "", true);
    }

    private ImageHistory.Entry legacy(List<String> shell, String word, long size, boolean emptyLayer) {
        List<String> cmd = new ArrayList<>(shell);
        cmd.add(word);
        return new ImageHistory.Entry(now, String.join(" ", cmd), size, "", emptyLayer);
    }

    /**
     * A RUN's entry: BuildKit's {@code RUN |N K=V... CMD # buildkit} over every ARG of the stage, or the
     * legacy builder's saved Cmd, {@code |N K=V...} over the ARGs with a value no ENV set, sorted.
     */
    private ImageHistory.Entry run(List<String> shell, Instruction.Run r, Map<String, String> args, java.util.Set<String> envKeys, long size) {
        List<String> words = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        args.forEach((k, v) -> {
            if (!legacy || !envKeys.contains(k)) {
                pairs.add(k + "=" + v);
            }
        });
        if (legacy) {
            java.util.Collections.sort(pairs);
        }
        if (!pairs.isEmpty()) {
            words.add("|" + pairs.size());
            words.addAll(pairs);
        }
        words.addAll(withShell(shell, r.command()));
        return legacy ? new ImageHistory.Entry(now, String.join(" ", words), size, "", false)
                : new ImageHistory.Entry(now, "RUN " + String.join(" ", words) + " # buildkit", size, ImageHistory.BUILDKIT, false);
    }

    /**
     * A COPY's or ADD's entry: BuildKit's {@code COPY SRC... DEST # buildkit}, or the legacy builder's
     * {@code #(nop) COPY file:HASH in DEST } (performCopy; the hash here is the SHA-256 of the sources'
     * names, not the daemon's tarsum of their content).
     */
    private ImageHistory.Entry copy(List<String> shell, Instruction.Copy cp, long size) {
        String cmd = cp.add() ? "ADD" : "COPY";
        if (!legacy) {
            return new ImageHistory.Entry(now, cmd + " " + String.join(" ", cp.sources()) + " " + cp.dest() + " # buildkit", size,
                    ImageHistory.BUILDKIT, false);
        }
        String kind = cp.sources().size() > 1 ? "multi:" : "file:";
        String hash = dev.dockwire.docker.engine.Images.digest(String.join("\0", cp.sources()));
        return legacy(shell, "#(nop) " + cmd + " " + kind + hash + " in " + cp.dest() + " ", size, false);
    }

    /** Go's path.Clean of an absolute path: {@code .} and {@code ..} folded, no trailing slash. */
    private static String clean(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                parts.pollLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String pairs(List<Instruction.KeyValue> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(kv -> out.add(kv.key() + "=" + kv.value()));
        return String.join(" ", out);
    }

    private static List<String> withShell(List<String> shell, Instruction.CommandLine line) {
        if (line.json()) {
            return line.args();
        }
        List<String> out = new ArrayList<>(shell);
        out.add(String.join(" ", line.args()));
        return out;
    }

    /** Go's %q of a *HealthcheckConfig: {@code &{["CMD-SHELL" "..."] "30s" "3s" "0s" "0s" '\x03'}}. */
    private static String healthcheck(ImageConfig.Healthcheck h) {
        return "&{" + ImageHistory.goQuoted(h.test()) + " \"" + GoDuration.format(h.intervalNanos()) + "\" \""
                + GoDuration.format(h.timeoutNanos()) + "\" \"" + GoDuration.format(h.startPeriodNanos()) + "\" \""
                + GoDuration.format(h.startIntervalNanos()) + "\" '\\x" + String.format("%02x", h.retries()) + "'}";
    }
}
