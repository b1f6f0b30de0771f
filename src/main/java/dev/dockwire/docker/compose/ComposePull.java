package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker compose pull [SERVICE...]}: each service's image pulled, one line per service in
 * Compose 2.26's display (pkg/compose/pull.go: {@code  ✔ web Pulled}; a service that is built has
 * no image to pull; a second service of the same image is skipped); a pull the registry refuses is
 * the service's {@code Error} line and, after the display, the daemon's error with Compose's
 * PullFailure status, 18. The layers' lines of an image pulled for the first time are left out.
 */
final class ComposePull {
    /** pkg/compose/metrics.go PullFailure. */
    static final int PULL_FAILURE = 18;

    private ComposePull() {
    }

    static CommandOutput run(Engine engine, ComposeProject p, List<String> services) {
        for (String name : services) {
            if (p.service(name) == null) {
                return CommandOutput.fail(1, "no such service: " + name);
            }
        }
        ComposeProgress progress = new ComposeProgress("Pulling");
        Map<String, String> pulling = new HashMap<>();
        String error = null;
        for (ComposeProject.Service s : p.services()) {
            if (!services.isEmpty() && !services.contains(s.name())) {
                continue;
            }
            if (s.built()) {
                progress.service(s.name(), "Skipped - No image to be pulled", "", true);
                continue;
            }
            String first = pulling.putIfAbsent(s.image(), s.name());
            if (first != null) {
                progress.service(s.name(), "Skipped - Image is already being pulled by " + first, "", true);
                continue;
            }
            String denied = engine.images().pullError(s.image());
            if (denied != null) {
                progress.service(s.name(), "Error", denied, false);
                error = error != null ? error : "Error response from daemon: " + denied;
            } else {
                engine.images().pull(s.image());
                progress.service(s.name(), "Pulled", "", true);
            }
        }
        List<String> out = new ArrayList<>(progress.lines());
        if (error != null) {
            out.add(error);
            return new CommandOutput(PULL_FAILURE, out);
        }
        return CommandOutput.ok(out);
    }
}
