package dev.dockwire.run;

import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.Script;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs a script of docker/host command lines headless, each with its expectations, in a
 * {@link Session}; relative paths (a {@code docker compose -f} file) name files beside the script.
 */
public final class ScriptRunner {
    private final String file;

    public ScriptRunner(String file) {
        this.file = file;
    }

    /** Runs the script's command lines (from {@code file}) as steps of {@code session}, up to one that runs {@code exit}, as bash ends there. */
    static void commands(Session session, String file, Script script) {
        for (Script.Command c : script.commands()) {
            session.step(file, c.line(), c.lineNumber(), new Session.Expect(c.status(), c.anyStatus(), c.contains(),
                    c.notContains(), c.matches()));
            if (session.host().exitStatus() != null) {
                break;
            }
        }
    }

    public Session.Report run(Script script, Session.Options options, Consumer<String> out) {
        long seed = options.seed() != null ? options.seed() : script.seed();
        try (Session session = Session.capturing(file, seed, script.daemon(), options, script.capture(), out)) {
            try {
                session.say("dockwire: script " + script.name() + " (seed " + seed + ")");
                Path dir = Path.of(file).toAbsolutePath().getParent();
                if (dir != null) {
                    session.host().workingDirectory(dir);
                }
                session.world().nodes().forEach(n -> n.shell().stepTimeout(script.stepTimeoutSeconds() * 1_000_000_000L));
                session.world().engine().images().startFresh(); // a script's docker commands meet a fresh host: run pulls first
                for (Script.ImageDecl i : script.images()) {
                    session.world().engine().images().declare(i.image(), i.port(), i.text());
                }
                session.expectSteps(script.commands().size());
                commands(session, file, script);
                return session.finish();
            } catch (TopologyException e) {
                session.reject(); // bad input found while building: the run leaves nothing
                throw e;
            }
        }
    }
}
