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
            var b = ImageBuilder.build(Dockerfile.parse("FROM " + BASE + "\n" + String.join("\n", changes) + "\n"), Map.of(), null, bases, none);
            return new ImageCommit.Config(b.config(), b.labels());
        } catch (DockerfileException e) {
            throw new EngineException(e.getMessage());
        }
    }
}
