package dev.dockwire.docker.compose;

import dev.dockwire.docker.cli.BuildCommand;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose's builds (docker/compose v2.36 pkg/compose/build.go, buildkit without bake): each
 * service with {@code build:} whose image the daemon lacks (or every one, for {@code up --build}
 * and {@code compose build}) is built from its context and Dockerfile with its args and target, and
 * tagged {@code image:} or {@code <project>-<service>}, through the {@code docker build} the CLI runs
 * ({@link BuildCommand}). What it prints: the hint Compose gives before a build (its bakeSuggest), buildx's
 * display of all the builds as one frame ({@code [+] Building 0.0s (N/N) FINISHED}), then a
 * {@code SERVICE Built} event in Compose's own display. A context that does not exist or lacks its
 * Dockerfile fails the build as any other (buildx build/opt.go LoadInputs: {@code unable to prepare
 * context: path "..." not found}; buildkit frontend/dockerui/config.go: {@code failed to read
 * dockerfile}), before anything is created.
 */
final class ComposeBuild {
    /** Compose 2.36's hint before it builds with BuildKit (build.go bakeSuggest), printed when CLI hints are on. */
    static final List<String> BAKE_SUGGEST = List.of("Compose can now delegate builds to bake for better performance.",
            " To do so, set COMPOSE_BAKE=true.");

    private final CliEnv host;
    private final ComposeProject p;

    ComposeBuild(CliEnv host, ComposeProject project) {
        this.host = host;
        this.p = project;
    }

    /**
     * Builds {@code services}' images (those with {@code build:}; with {@code force} also those the
     * daemon has) into {@code progress}; a failed build ends it with buildx's error.
     */
    void build(List<ComposeProject.Service> services, boolean force, ComposeProgress progress) {
        List<ComposeProject.Service> todo = new ArrayList<>();
        for (ComposeProject.Service s : services) {
            if (!s.built() || !force && host.engine().images().find(s.image()) != null) {
                continue;
            }
            todo.add(s);
        }
        if (todo.isEmpty()) {
            return;
        }
        List<String> frame = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int vertices = 0;
        for (ComposeProject.Service s : todo) {
            BuildCommand.Outcome o = new BuildCommand(host).build(request(s), false);
            if (o.failed()) {
                // Compose prints the solve's error as its own, without buildx's ERROR: prefix.
                List<String> out = new ArrayList<>(progress.lines());
                out.addAll(BAKE_SUGGEST);
                out.addAll(o.lines().subList(0, o.lines().size() - 1));
                String error = o.lines().get(o.lines().size() - 1).replaceFirst("^ERROR: ", "");
                out.add(error);
                throw new ComposeException(error, out, s.build().line(), "services." + s.name() + ".build");
            }
            frame.addAll(o.frame(s.name()));
            vertices += o.vertexCount();
            if (o.warning() != null) {
                warnings.add(o.warning());
            }
        }
        List<String> lines = new ArrayList<>(BAKE_SUGGEST);
        lines.add("[+] Building 0.0s (" + vertices + "/" + vertices + ") FINISHED");
        lines.addAll(frame);
        lines.addAll(warnings);
        progress.build(lines);
        for (ComposeProject.Service s : todo) {
            progress.done("", s.name(), "Built");
        }
    }

    /** The build of {@code s}: its Dockerfile relative to its context, a bare arg taken from the environment (dropped when unset). */
    private BuildCommand.Request request(ComposeProject.Service s) {
        ComposeProject.Build b = s.build();
        String file = b.dockerfile().equals("Dockerfile") ? null : dockerfile(b);
        Map<String, String> args = new LinkedHashMap<>();
        b.args().forEach((k, v) -> {
            String value = v != null ? v : host.environment().get(k);
            if (value != null) {
                args.put(k, value);
            }
        });
        return new BuildCommand.Request(b.context(), file, args, b.target(), List.of(s.image()), Map.of());
    }

    /** The Dockerfile's path: as written when absolute, else in the context (compose-go resolves it so). */
    private static String dockerfile(ComposeProject.Build b) {
        return b.dockerfile().startsWith("/") ? b.dockerfile() : (b.context().equals(".") ? "" : b.context() + "/") + b.dockerfile();
    }
}
