package dev.dockwire.docker.compose;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code docker compose stop|start|restart|kill|rm [SERVICE...]}: the project's service containers
 * (found by name, as {@link Compose} finds them; {@code run}'s one-off containers are left alone)
 * taken through the engine, with the last frame of Compose 2.26's progress display
 * ({@code [+] Stopping 2/2}, {@code  ✔ Container demo-web-1  Stopped}) and its quiet answers when
 * there is nothing to do (pkg/compose/stop.go, start.go, restart.go, kill.go, remove.go).
 * Given {@code -p} without {@code -f}, Compose reads no file and names the project only
 * (cmd/compose/compose.go projectOrName): a service the file does not have is then looked for among
 * the containers, else the file's project refuses it ({@code no such service: X}).
 */
final class ComposeLifecycle {
    private final CliEnv host;
    private final ComposeProject p;
    /** The project named by {@code -p} alone: Compose did not read the file. */
    private final boolean byName;

    ComposeLifecycle(CliEnv host, ComposeProject project, boolean byName) {
        this.host = host;
        this.p = project;
        this.byName = byName;
    }

    /** The file's refusal of a service it does not have (types.Project WithSelectedServices), or null. */
    private CommandOutput unknown(List<String> services) {
        for (String name : services) {
            if (p.service(name) == null) {
                return CommandOutput.fail(1, "no such service: " + name);
            }
        }
        return null;
    }

    /**
     * {@code stop [-t N] [SERVICE...]}: every container of the services, running or not, in reverse
     * dependency order (InReverseDependencyOrder); a service the file does not have stops nothing.
     * {@code graceNanos} negative: the container's own stop timeout.
     */
    CommandOutput stop(List<String> services, long graceNanos) {
        CommandOutput refused = byName ? null : unknown(services);
        if (refused != null) {
            return refused;
        }
        ComposeProgress progress = new ComposeProgress("Stopping");
        stopInto(progress, services, graceNanos);
        return CommandOutput.ok(progress.lines());
    }

    private void stopInto(ComposeProgress progress, List<String> services, long graceNanos) {
        List<ComposeProject.Service> reverse = new ArrayList<>(selected(services));
        Collections.reverse(reverse);
        for (ComposeProject.Service s : reverse) {
            for (Container c : Compose.containers(host.engine(), p, s)) {
                stopOne(c, graceNanos);
                progress.done("Container", c.name(), "Stopped");
            }
        }
    }

    private void stopOne(Container c, long graceNanos) {
        if (graceNanos < 0) {
            host.engine().stop(c.name());
        } else {
            host.engine().stop(c.name(), graceNanos, null);
        }
    }

    /**
     * {@code start [SERVICE...]}: the stopped containers of the services and of those they depend
     * on, in dependency order; a project without any container is {@code service "FIRST" has no
     * container to start} (convergence.go startService). By name, Compose builds the project from
     * the containers it finds (projectFromName), so a service without containers that another one
     * depends on is an error: {@code could not find SERVICE: not found} for the whole project,
     * {@code no such service: SERVICE} when services are named.
     */
    CommandOutput start(List<String> services) {
        if (!byName) {
            return startFromFile(services);
        }
        for (String name : services) {
            if (p.service(name) == null) {
                return CommandOutput.fail(1, "no such service: \"" + name + "\": not found");
            }
        }
        List<ComposeProject.Service> chosen = services.isEmpty() ? withContainers() : selected(services);
        for (ComposeProject.Service s : chosen) {
            for (ComposeProject.Dependency d : s.dependsOn()) {
                if (Compose.containers(host.engine(), p, p.service(d.service())).isEmpty()) {
                    return CommandOutput.fail(1, services.isEmpty() ? "could not find " + d.service() + ": not found"
                            : "no such service: " + d.service());
                }
            }
        }
        return startAll(chosen);
    }

    /** Starts the stopped containers of {@code chosen}, in order: Compose's Running display of their Started events. */
    private CommandOutput startAll(List<ComposeProject.Service> chosen) {
        ComposeProgress progress = new ComposeProgress();
        for (ComposeProject.Service s : chosen) {
            for (Container c : Compose.containers(host.engine(), p, s)) {
                if (c.running()) {
                    continue;
                }
                try {
                    host.engine().start(c.name());
                } catch (EngineException e) {
                    return failed(progress, e);
                }
                progress.done("Container", c.name(), "Started");
            }
        }
        return CommandOutput.ok(progress.lines());
    }

    private CommandOutput startFromFile(List<String> services) {
        CommandOutput refused = unknown(services);
        if (refused != null) {
            return refused;
        }
        List<ComposeProject.Service> chosen = services.isEmpty() ? p.services() : withDependencies(services);
        if (chosen.stream().allMatch(s -> Compose.containers(host.engine(), p, s).isEmpty())) {
            return chosen.isEmpty() ? CommandOutput.ok(List.of())
                    : CommandOutput.fail(1, "service \"" + chosen.get(0).name() + "\" has no container to start");
        }
        return startAll(chosen);
    }

    /** The progress so far, then the daemon's error: what Compose prints when an operation fails midway. */
    private static CommandOutput failed(ComposeProgress progress, EngineException e) {
        List<String> out = new ArrayList<>(progress.lines());
        out.add("Error response from daemon: " + e.getMessage());
        return new CommandOutput(1, out);
    }

    /** The services named and those they depend on, directly or not (ToProject's selection), in dependency order. */
    private List<ComposeProject.Service> withDependencies(List<String> names) {
        java.util.Set<String> needed = new java.util.HashSet<>(names);
        List<ComposeProject.Service> reverse = new ArrayList<>(p.services());
        Collections.reverse(reverse);
        for (ComposeProject.Service s : reverse) {
            if (needed.contains(s.name())) {
                s.dependsOn().forEach(d -> needed.add(d.service()));
            }
        }
        return p.services().stream().filter(s -> needed.contains(s.name())).toList();
    }

    /**
     * {@code restart [-t N] [SERVICE...]}: each container of the services stopped and started
     * again, running or not (ContainerRestart), in dependency order; an unknown service is
     * {@code no such service: SERVICE} (WithSelectedServices).
     */
    CommandOutput restart(List<String> services, long graceNanos) {
        for (String name : services) {
            if (p.service(name) == null) {
                return CommandOutput.fail(1, "no such service: " + name);
            }
        }
        ComposeProgress progress = new ComposeProgress("Restarting");
        for (ComposeProject.Service s : selected(services)) {
            for (Container c : Compose.containers(host.engine(), p, s)) {
                try {
                    stopOne(c, graceNanos);
                    host.engine().start(c.name());
                } catch (EngineException e) {
                    return failed(progress, e);
                }
                progress.done("Container", c.name(), "Started");
            }
        }
        return CommandOutput.ok(progress.lines());
    }

    /**
     * {@code kill [-s SIGNAL] [SERVICE...]}: the signal to each running container of the services, run's too;
     * none running is {@code no container to kill} and success. A signal the daemon cannot parse
     * fails each container ({@code Error while Killing}) with moby 28's answer.
     */
    CommandOutput kill(List<String> services, String signalName) {
        CommandOutput refused = byName ? null : unknown(services);
        if (refused != null) {
            return refused;
        }
        List<Container> running = running(services, true); // kill.go: oneOffInclude
        if (running.isEmpty()) {
            return CommandOutput.ok(List.of("no container to kill"));
        }
        Signal signal = signalName == null ? Signal.SIGKILL : Signal.parse(signalName);
        ComposeProgress progress = new ComposeProgress("Killing");
        String error = null;
        for (Container c : running) {
            try {
                if (signal == null) { // daemon/kill.go ContainerKill: the signal is parsed first
                    throw new EngineException("cannot kill container: " + c.id() + ": invalid signal: " + signalName);
                }
                host.engine().kill(c.name(), signal);
                progress.done("Container", c.name(), "Killed");
            } catch (EngineException e) {
                progress.failed("Container", c.name(), "Error while Killing");
                error = error != null ? error : "Error response from daemon: " + e.getMessage();
            }
        }
        List<String> out = new ArrayList<>(progress.lines());
        if (error != null) {
            out.add(error);
            return new CommandOutput(1, out);
        }
        return CommandOutput.ok(out);
    }

    /** The running containers of the services, each service's {@code run} containers after its own when {@code oneOffs}. */
    private List<Container> running(List<String> services, boolean oneOffs) {
        List<Container> running = new ArrayList<>();
        for (ComposeProject.Service s : selected(services)) {
            Compose.containers(host.engine(), p, s).stream().filter(Container::running).forEach(running::add);
            if (oneOffs) {
                Compose.oneOffs(host.engine(), p, s).stream().filter(Container::running).forEach(running::add);
            }
        }
        return running;
    }

    /**
     * {@code pause|unpause [SERVICE...]} (pkg/compose/pause.go): each running container of the
     * services (getContainers without stopped ones, run's excluded), in the daemon's list order,
     * each a {@code Paused}/{@code Unpaused} event under {@code Pausing} (RunWithTitle) or
     * {@code Running} (unpause's progress.Run); the daemon's first error ends it with status 1.
     */
    CommandOutput pause(List<String> services, boolean pause) {
        CommandOutput refused = byName ? null : unknown(services);
        if (refused != null) {
            return refused;
        }
        List<Container> running = running(services, false);
        List<Container> created = new ArrayList<>(host.engine().containers());
        running.sort(java.util.Comparator.comparingInt(c -> -created.indexOf(c)));
        ComposeProgress progress = pause ? new ComposeProgress("Pausing") : new ComposeProgress();
        for (Container c : running) {
            try {
                host.engine().pause(c.name(), pause);
            } catch (EngineException e) {
                return failed(progress, e);
            }
            progress.done("Container", c.name(), pause ? "Paused" : "Unpaused");
        }
        return CommandOutput.ok(progress.lines());
    }

    /**
     * {@code rm [-f] [-s] [SERVICE...]}: the stopped containers of the services ({@code -s} stops
     * them first, with stop's display), named on one line ({@code Going to remove A, B}); without
     * {@code -f} Compose asks for a confirmation that a client without a terminal answers no.
     * Nothing stopped is {@code No stopped containers}.
     */
    CommandOutput rm(List<String> services, boolean force, boolean stop) {
        CommandOutput refused = byName ? null : unknown(services);
        if (refused != null) {
            return refused;
        }
        List<String> out = new ArrayList<>();
        if (stop) {
            ComposeProgress stopping = new ComposeProgress("Stopping");
            stopInto(stopping, services, -1);
            out.addAll(stopping.lines());
        }
        List<Container> stopped = new ArrayList<>();
        for (ComposeProject.Service s : selected(services)) {
            Compose.containers(host.engine(), p, s).stream().filter(c -> !c.running()).forEach(stopped::add);
        }
        if (stopped.isEmpty()) {
            out.add("No stopped containers");
            return CommandOutput.ok(out);
        }
        // in the daemon's list order (ContainerList: the newest first), as Compose names them
        List<Container> created = new ArrayList<>(host.engine().containers());
        stopped.sort(java.util.Comparator.comparingInt(c -> -created.indexOf(c)));
        out.add("Going to remove " + String.join(", ", stopped.stream().map(Container::name).toList()));
        if (!force) {
            return CommandOutput.ok(out);
        }
        ComposeProgress progress = new ComposeProgress("Removing");
        for (Container c : stopped) {
            host.engine().remove(c.name(), true, () -> { });
            progress.done("Container", c.name(), "Removed");
        }
        out.addAll(progress.lines());
        return CommandOutput.ok(out);
    }

    /** The services named (all, when none is), in dependency order; a name the file lacks selects nothing. */
    private List<ComposeProject.Service> selected(List<String> names) {
        return names.isEmpty() ? p.services() : p.services().stream().filter(s -> names.contains(s.name())).toList();
    }

    /** The services that have a container: the project Compose rebuilds from the engine's containers. */
    private List<ComposeProject.Service> withContainers() {
        return p.services().stream().filter(s -> !Compose.containers(host.engine(), p, s).isEmpty()).toList();
    }
}
