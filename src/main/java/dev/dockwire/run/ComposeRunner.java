package dev.dockwire.run;

import dev.dockwire.docker.compose.Compose;
import dev.dockwire.docker.compose.ComposeException;
import dev.dockwire.host.DockerHost;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.TopologyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a compose file headless: brings the project up as {@code docker compose up -d} would, then
 * runs the steps of its {@code x-dockwire} extension ({@code exec: SERVICE ...} in the service's
 * first container). Host commands see {@code COMPOSE_FILE} and {@code COMPOSE_PROJECT_NAME}, so a
 * {@code run: docker compose ps} step finds the project. A failed {@code up} is reported at the
 * line of the service or network it failed on.
 */
public final class ComposeRunner {
    private final Path file;

    public ComposeRunner(Path file) {
        this.file = file;
    }

    public Session.Report run(ComposeProject p, Map<String, Integer> scale, Session.Options options, Consumer<String> out) {
        long seed = options.seed() != null ? options.seed() : p.seed();
        List<String> interfaces = new ArrayList<>(options.interfaces());
        interfaces.addAll(p.capture().interfaces());
        Session.Options opts = new Session.Options(options.outDir(), options.seed(), options.capture(), interfaces,
                options.progress());
        try (Session session = new Session(file.toString(), seed, Daemon.DEFAULT, opts, p.capture().bridges(),
                p.capture().filter(), out)) {
            try {
                session.say("dockwire: compose project " + p.name() + " (seed " + seed + ")");
                session.expectSteps(p.steps().size());
                p.images().forEach(i -> session.world().engine().images().declare(i.image(), i.port(), i.text()));
                up(session, file, p, scale, true);
                session.steps(p.steps(), svc -> containerOf(p, svc));
                return session.finish();
            } catch (TopologyException e) {
                session.reject(); // bad input found while building: the run leaves nothing
                throw e;
            }
        }
    }

    /** The container a step's {@code exec: SERVICE} runs in: the service's first replica. */
    static String containerOf(ComposeProject p, String service) {
        ComposeProject.Service s = p.service(service);
        return s.containerName() != null ? s.containerName() : Compose.containerName(p, service, 1);
    }

    /**
     * {@code docker compose up -d} of {@code p} (from {@code file}) in {@code session}, its
     * transcript and notes printed; host commands afterwards see the project as the default (when
     * it has a file of its own: one embedded in a topology has none that {@code docker compose}
     * could read). A failure is bad input at the failing service's or network's line.
     */
    static void up(Session session, Path file, ComposeProject p, Map<String, Integer> scale, boolean ownFile) {
        up(session.host(), session::say, file, p, scale, ownFile);
    }

    /** As {@link #up(Session, Path, ComposeProject, Map, boolean)} on any Docker host (the real kernel's too). */
    static void up(DockerHost host, Consumer<String> say, Path file, ComposeProject p, Map<String, Integer> scale,
                   boolean ownFile) {
        p.notes().forEach(n -> say.accept("WARN[0000] " + n));
        if (ownFile) {
            host.environment().put("COMPOSE_FILE", file.toString());
        }
        host.environment().put("COMPOSE_PROJECT_NAME", p.name());
        StringBuilder line = new StringBuilder("docker compose up -d");
        scale.forEach((svc, n) -> line.append(" --scale ").append(svc).append('=').append(n));
        say.accept("");
        say.accept("$ " + line);
        try {
            new Compose(host, p).up(scale).forEach(say);
        } catch (ComposeException e) {
            e.output().forEach(say);
            throw new TopologyException(file.toString(), e.line(), e.path(), e.getMessage());
        }
    }
}
