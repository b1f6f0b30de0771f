package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.docker.cli.DockerCommand;
import dev.dockwire.topology.ComposeProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose run [OPTIONS] SERVICE [COMMAND...]} (cmd/compose/run.go, pkg/compose/run.go):
 * unless {@code --no-deps}, the services it depends on are created ({@code [+] Creating}) and those
 * not running started ({@code [+] Running}); then a one-off container of the service, named
 * {@code <project>-<service>-run-<slug>} (the slug 12 hex digits of a random ID; {@code --name}
 * or the service's {@code container_name} instead), labelled oneoff, without restart policy and
 * without the service's published ports unless {@code --service-ports} or {@code -p}. Attached, it
 * prints what the container prints and ends with its status ({@code --rm} removes it after);
 * {@code -d} prints its ID.
 */
final class ComposeRun {
    /** The options of one {@code run}; {@code entrypoint} and {@code name} null when not given. */
    record Options(String service, List<String> command, boolean detach, boolean remove, String name, List<String> env,
                   String entrypoint, boolean noDeps, boolean servicePorts, List<String> publish, List<String> labels,
                   List<String> capAdd, List<String> capDrop, String user) {
    }

    private final CliEnv host;
    private final ComposeProject p;
    private final Path file;

    ComposeRun(CliEnv host, ComposeProject project, Path file) {
        this.host = host;
        this.p = project;
        this.file = file;
    }

    CommandOutput run(Options o) {
        ComposeProject.Service s = p.service(o.service());
        if (s == null) {
            return CommandOutput.fail(1, "no such service: " + o.service());
        }
        List<String> out = new ArrayList<>();
        if (!o.noDeps()) {
            List<ComposeProject.Service> deps = dependencies(s);
            ComposeProgress creating = new ComposeProgress("Creating");
            out.addAll(new ComposeUp(host, p, file, creating).create(deps, false, false));
            ComposeProgress starting = new ComposeProgress();
            for (ComposeProject.Service d : deps) {
                for (Container c : Compose.containers(host.engine(), p, d)) {
                    if (!c.running()) {
                        host.engine().start(c.name());
                        starting.done("Container", c.name(), "Started");
                    }
                }
            }
            out.addAll(starting.lines());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String l : o.labels()) {
            String[] kv = l.split("=", 2);
            if (kv.length != 2) {
                return CommandOutput.fail(1, "label must be set as KEY=VALUE"); // cmd/compose/run.go, before anything is made
            }
            labels.put(kv[0], kv[1]);
        }
        String name = o.name() != null ? o.name() : s.containerName() != null ? s.containerName()
                : p.name() + "-" + s.name() + "-run-" + slug().substring(0, 12);
        Container c;
        try {
            c = new ComposeUp(host, p, file).oneOff(s, name, new ComposeUp.OneOff(o.command().isEmpty() ? null : o.command(),
                    o.entrypoint() == null ? null : List.of(o.entrypoint().trim().split("\\s+")), env(o.env()),
                    o.servicePorts() ? s.ports() : o.publish(), labels, o.capAdd(), o.capDrop(), o.user() == null ? "" : o.user()));
        } catch (EngineException e) {
            out.add("Error response from daemon: " + e.getMessage());
            return new CommandOutput(1, out);
        }
        if (o.detach()) {
            try {
                host.engine().start(c.name());
            } catch (EngineException e) {
                out.add("Error response from daemon: " + e.getMessage());
                out.add("Error: failed to start containers: " + c.id());
                return new CommandOutput(1, out);
            }
            out.add(c.id());
            return CommandOutput.ok(out);
        }
        CommandOutput r = new DockerCommand(host).run(List.of("start", "-a", c.name()));
        if (o.remove() && host.engine().findContainer(c.name()) != null) {
            host.engine().remove(c.name(), true, () -> { });
        }
        out.addAll(r.output());
        return new CommandOutput(r.status(), out);
    }

    /** The services {@code s} depends on, directly or not, in the project's dependency order. */
    private List<ComposeProject.Service> dependencies(ComposeProject.Service s) {
        Set<String> needed = new LinkedHashSet<>();
        List<ComposeProject.Service> todo = new ArrayList<>(List.of(s));
        while (!todo.isEmpty()) {
            for (ComposeProject.Dependency d : todo.remove(todo.size() - 1).dependsOn()) {
                if (needed.add(d.service())) {
                    todo.add(p.service(d.service()));
                }
            }
        }
        return p.services().stream().filter(x -> needed.contains(x.name())).toList();
    }

    /** {@code -e K=V} as given; {@code -e K} takes K from the client's environment, or is left out. */
    private List<String> env(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String e : given) {
            if (e.contains("=")) {
                out.add(e);
            } else if (host.environment().get(e) != null) {
                out.add(e + "=" + host.environment().get(e));
            }
        }
        return out;
    }

    /** stringid.GenerateRandomID: 32 random bytes in hex, from the engine's seeded random. */
    private String slug() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(Locale.ROOT, "%016x", host.engine().random().nextLong()));
        }
        return sb.toString();
    }
}
