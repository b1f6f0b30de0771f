package dev.dockwire.docker.cli;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.build.Bases;
import dev.dockwire.docker.build.BuildContext;
import dev.dockwire.docker.build.Dockerfile;
import dev.dockwire.docker.build.DockerfileException;
import dev.dockwire.docker.build.ImageBuilder;
import dev.dockwire.docker.engine.ImageCommit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --change} of {@code docker commit} and {@code docker import} as the daemon applies it
 * (moby 28 builder/dockerfile BuildFromConfig): the instructions, one per change, parsed by the
 * Dockerfile parser and dispatched over the config by the builder, as docker.build's
 * {@link ImageBuilder} does over a stage's base; only the instructions that set config
 * (validCommitCommands) are taken, any other is {@code run is not a valid change command}.
 */
final class CommitChanges {
    /** builder/dockerfile's validCommitCommands. */
    private static final Set<String> VALID = Set.of("cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild",
            "stopsignal", "user", "volume", "workdir");
    /** The name the changes' base goes by in the build that applies them; no registry is asked for it. */
    private static final String BASE = "dockwire-commit-base";

    private CommitChanges() {
    }

    /** {@code config} with {@code changes} applied, or the daemon's error. */
    static ImageCommit.Config apply(ImageCommit.Config config, List<String> changes) {
        if (changes.isEmpty()) {
            return config;
        }
        for (String change : changes) {
            for (String line : change.split("\n")) {
                String word = line.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#") && !VALID.contains(word)) {
                    throw ImageCommit.invalidChange(word);
                }
            }
        }
        Bases bases = new Bases() {
            @Override
            public ImageConfig config(String image) {
                return config.config();
            }

            @Override
            public String digest(String image) {
                return "sha256:" + "0".repeat(64);
            }

            @Override
            public Map<String, String> labels(String image) {
                return config.labels();
            }

            @Override
            public Map<String, String> packagePrograms(String family, String pkg) {
                return Map.of();
            }
        };
        BuildContext none = new BuildContext() {
            @Override
            public String read(String path) {
                return null;
            }

            @Override
            public List<String> files() {
                return List.of();
            }
        };
        try {
            Dockerfile d = Dockerfile.parse("FROM " + BASE + "\n" + String.join("\n", changes) + "\n");
            var b = ImageBuilder.build(d, Map.of(), null, bases, none);
            ImageConfig c = b.config();
            return new ImageCommit.Config(new ImageConfig(c.reference(), c.entrypoint(), c.cmd(), envFirst(d, c.env()), c.workingDir(), c.user(),
                    c.exposedPorts(), c.stopSignal(), c.healthcheck(), c.providers()), b.labels());
        } catch (DockerfileException e) {
            throw new EngineException(e.getMessage());
        }
    }

    /**
     * The environment as moby's merge orders it: the variables the changes set (the config
     * BuildFromConfig made from nothing but them), then the container's others.
     */
    private static List<String> envFirst(Dockerfile d, List<String> env) {
        java.util.Set<String> set = new java.util.LinkedHashSet<>();
        for (var c : d.stages().get(0).commands()) {
            if (c instanceof dev.dockwire.docker.build.Instruction.Env e) {
                e.pairs().forEach(kv -> set.add(kv.key()));
            }
        }
        List<String> out = new java.util.ArrayList<>();
        for (String key : set) {
            env.stream().filter(kv -> kv.split("=", 2)[0].equals(key)).forEach(out::add);
        }
        env.stream().filter(kv -> !set.contains(kv.split("=", 2)[0])).forEach(out::add);
        return out;
    }
}
