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
 */
final class ComposeLifecycle {
    private final CliEnv host;
    private final ComposeProject p;

    ComposeLifecycle(CliEnv host, ComposeProject project) {
        this.host = host;
        this.p = project;
    }

    /**
     * {@code stop [-t N] [SERVICE...]}: every container of the services, running or not, in reverse
     * dependency order (InReverseDependencyOrder); a service the file does not have stops nothing.
     * {@code graceNanos} negative: the container's own stop timeout.
     */
    CommandOutput stop(List<String> services, long graceNanos) {
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
     * {@code start [SERVICE...]}: the stopped containers of the services, in dependency order.
     * Compose builds the project from the containers it finds (projectFromName), so a service
     * without containers that another one depends on is an error: {@code could not find SERVICE:
     * not found} for the whole project, {@code no such service: SERVICE} when services are named.
     */
    CommandOutput start(List<String> services) {
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
        ComposeProgress progress = new ComposeProgress();
        for (ComposeProject.Service s : chosen) {
            for (Container c : Compose.containers(host.engine(), p, s)) {
                if (c.running()) {
                    continue;
                }
                try {
                    host.engine().start(c.name());
                } catch (EngineException e) {
                    List<String> out = new ArrayList<>(progress.lines());
                    out.add("Error response from daemon: " + e.getMessage());
                    return new CommandOutput(1, out);
                }
                progress.done("Container", c.name(), "Started");
            }
        }
        return CommandOutput.ok(progress.lines());
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
                    List<String> out = new ArrayList<>(progress.lines());
                    out.add("Error response from daemon: " + e.getMessage());
                    return new CommandOutput(1, out);
                }
                progress.done("Container", c.name(), "Started");
            }
        }
        return CommandOutput.ok(progress.lines());
    }

    /**
     * {@code kill [-s SIGNAL] [SERVICE...]}: the signal to each running container of the services;
     * none running is {@code no container to kill} and success. A signal the daemon cannot parse
     * fails each container ({@code Error while Killing}) with moby 28's answer.
     */
    CommandOutput kill(List<String> services, String signalName) {
        List<Container> running = new ArrayList<>();
        for (ComposeProject.Service s : selected(services)) {
            Compose.containers(host.engine(), p, s).stream().filter(Container::running).forEach(running::add);
        }
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

    /**
     * {@code rm [-f] [-s] [SERVICE...]}: the stopped containers of the services ({@code -s} stops
     * them first, with stop's display), named on one line ({@code Going to remove A, B}); without
     * {@code -f} Compose asks for a confirmation that a client without a terminal answers no.
     * Nothing stopped is {@code No stopped containers}.
     */
    CommandOutput rm(List<String> services, boolean force, boolean stop) {
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
