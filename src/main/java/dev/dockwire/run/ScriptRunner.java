package dev.dockwire.run;

import dev.dockwire.topology.Script;
import java.util.function.Consumer;

/** Runs a script of docker/host command lines headless, each with its expectations, in a {@link Session}. */
public final class ScriptRunner {
    private final String file;

    public ScriptRunner(String file) {
        this.file = file;
    }

    public Session.Report run(Script script, Session.Options options, Consumer<String> out) {
        long seed = options.seed() != null ? options.seed() : script.seed();
        try (Session session = new Session(file, seed, script.daemon(), options, null, out)) {
            session.say("dockwire: script " + script.name() + " (seed " + seed + ")");
            for (Script.ImageDecl i : script.images()) {
                session.world().engine().declareHttpImage(i.image(), i.port(), i.text());
            }
            for (Script.Command c : script.commands()) {
                session.step(c.line(), c.lineNumber(), new Session.Expect(c.status(), c.anyStatus(), c.contains(),
                        c.notContains(), c.matches()));
            }
            return session.finish();
        }
    }
}
