package dev.dockwire.run;

import dev.dockwire.host.DockerHost;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Script;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What {@code up} builds from a file, on any engine: a topology's networks and containers (its
 * compose project and the building lines of its scripts), a compose file's project as
 * {@code docker compose up -d} brings it up, or a script's building lines — {@code docker network
 * create|connect}, {@code docker run|create|start}, {@code docker swarm init|join}, each maybe
 * behind {@code ssh HOST} (a script over several hosts), and {@code NAME=$(...)} assignments that
 * carry values such as a join token to later lines — in order. Steps, execs and teardown lines
 * are not run. Failures are reported at the file's line.
 */
public final class Build {
    private static final Pattern BUILDS = Pattern.compile(
            "^(ssh\\s+\\S+\\s+)?docker\\s+(network\\s+(create|connect)|swarm\\s+(init|join)|run|create|start)\\s.*");
    /** {@code NAME=$(...)}: a value later lines use, such as a swarm join token. */
    private static final Pattern ASSIGNS = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\$\\(.*\\)$");

    private Build() {
    }

    /** Whether {@code line} builds something (rather than probing or tearing down). */
    static boolean builds(String line) {
        String l = line.strip();
        return BUILDS.matcher(l).matches() || ASSIGNS.matcher(l).matches();
    }

    public static void topology(DockerHost host, String file, Topology t, Consumer<String> say) {
        Engine engine = host.engine();
        t.images().forEach(i -> engine.images().declare(i.image(), i.port(), i.text()));
        for (Topology.NetworkSpec n : t.networks()) {
            TopologyRunner.network(engine, file, n, say);
        }
        List<Topology.NetworkSpec> impaired = TopologyRunner.impaired(t.networks());
        for (Topology.ContainerSpec c : t.containers()) {
            TopologyRunner.container(engine, file, c, say);
            TopologyRunner.impair(engine, file, c, impaired, say);
        }
        ComposeProject p = t.compose();
        if (p != null) {
            p.images().forEach(i -> engine.images().declare(i.image(), i.port(), i.text()));
            ComposeRunner.up(host, say, Path.of(p.file()), p, Map.of(), !p.file().equals(file));
        }
        for (Topology.ScriptRef sc : t.scripts()) {
            commands(host, sc.file(), sc.script(), say);
        }
    }

    /** {@code docker compose up -d [--scale SERVICE=N]} of a compose file's project; its steps are not run. */
    public static void compose(DockerHost host, Path file, ComposeProject p, Map<String, Integer> scale, Consumer<String> say) {
        p.images().forEach(i -> host.engine().images().declare(i.image(), i.port(), i.text()));
        ComposeRunner.up(host, say, file, p, scale, true);
    }

    public static void script(DockerHost host, String file, Script s, Consumer<String> say) {
        s.images().forEach(i -> host.engine().images().declare(i.image(), i.port(), i.text()));
        commands(host, file, s, say);
    }

    private static void commands(DockerHost host, String file, Script s, Consumer<String> say) {
        for (Script.Command c : s.commands()) {
            if (!builds(c.line())) {
                continue;
            }
            say.accept("$ " + c.line());
            CommandResult r = host.run(c.line());
            r.output().forEach(say);
            if (r.status() != 0) {
                throw new TopologyException(file, c.lineNumber(), "", c.line() + ": exit status " + r.status()
                        + (r.output().isEmpty() ? "" : ": " + String.join(" ", r.output())));
            }
        }
    }
}
