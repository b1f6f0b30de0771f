package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.docker.cli.DockerCommand;
import dev.dockwire.docker.cli.HumanTime;
import dev.dockwire.docker.cli.Table;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.topology.ComposeProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose project against the engine, as Docker Compose v2 sees it: containers are found by
 * their names ({@code <project>-<service>-<n>} or the service's {@code container_name}), so every
 * command re-reads the file as Compose does. {@code up}, {@code down}, {@code ps}, {@code exec},
 * {@code port}, printing what Compose prints.
 */
public final class Compose {
    private final CliEnv host;
    private final ComposeProject p;
    private final Path file;

    public Compose(CliEnv host, ComposeProject project) {
        this(host, project, null);
    }

    /** The project {@code project} read from {@code file} (absolute; null for one not read from a file). */
    public Compose(CliEnv host, ComposeProject project, Path file) {
        this.host = host;
        this.p = project;
        this.file = file;
    }

    /** {@code <project>-<service>-<n>}. */
    public static String containerName(ComposeProject p, String service, int n) {
        return p.name() + "-" + service + "-" + n;
    }

    /** The service's containers that exist, in replica order. */
    static List<Container> containers(Engine engine, ComposeProject p, ComposeProject.Service s) {
        if (s.containerName() != null) {
            Container c = engine.findContainer(s.containerName());
            return c == null ? List.of() : List.of(c);
        }
        List<Container> out = new ArrayList<>();
        for (Container c : engine.containers()) {
            if (replicaNumber(p, s, c) > 0) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt(c -> replicaNumber(p, s, c)));
        return out;
    }

    /**
     * The replicas of every service without a {@code container_name} that exist, by service, each
     * in replica order: {@link #containers} for all services in one pass over the engine's
     * containers (a name {@code <project>-<service>-<n>} names its service unambiguously, the
     * project before it and the number after it being fixed).
     */
    static Map<String, List<Container>> replicasByService(Engine engine, ComposeProject p) {
        String prefix = p.name() + "-";
        Map<String, List<Container>> out = new java.util.HashMap<>();
        for (Container c : engine.containers()) {
            String name = c.name();
            int dash = name.lastIndexOf('-');
            if (!name.startsWith(prefix) || dash <= prefix.length() || dash == name.length() - 1
                    || !name.substring(dash + 1).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                continue;
            }
            out.computeIfAbsent(name.substring(prefix.length(), dash), k -> new ArrayList<>()).add(c);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingLong(c -> Long.parseLong(c.name().substring(c.name().lastIndexOf('-') + 1)))));
        return out;
    }

    /**
     * {@code run}'s containers of the service: those the project's labels name as its one-offs
     * (api/labels.go OneoffLabel {@code True}), whatever they are called.
     */
    static List<Container> oneOffs(Engine engine, ComposeProject p, ComposeProject.Service s) {
        List<Container> out = new ArrayList<>();
        for (Container c : engine.containers()) {
            Map<String, String> l = c.labels();
            if ("True".equals(l.get("com.docker.compose.oneoff")) && p.name().equals(l.get(ComposeLs.PROJECT))
                    && s.name().equals(l.get("com.docker.compose.service"))) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code n} of a container named {@code <project>-<service>-<n>}, 1 for a {@code container_name}, else 0. */
    static int replicaNumber(ComposeProject p, ComposeProject.Service s, Container c) {
        if (s.containerName() != null) {
            return c.name().equals(s.containerName()) ? 1 : 0;
        }
        Matcher m = Pattern.compile(Pattern.quote(p.name() + "-" + s.name() + "-") + "(\\d+)").matcher(c.name());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** {@code up -d [--scale SERVICE=N]}; a failure throws with the progress so far. */
    public List<String> up(Map<String, Integer> scale) {
        return up(scale, false);
    }

    /** {@code up -d [--scale SERVICE=N] [--build]}: {@code build} rebuilds the images of services with {@code build:}. */
    public List<String> up(Map<String, Integer> scale, boolean build) {
        return new ComposeUp(host, p, file).run(scale, build);
    }

    /**
     * {@code build [SERVICE...]} (none: every service): rebuilds the images of those with
     * {@code build:}, then Compose's {@code [+] Building N/N} display of their Built events.
     */
    public List<String> build(List<String> services) {
        List<ComposeProject.Service> chosen = new ArrayList<>();
        for (String name : services) {
            ComposeProject.Service s = p.service(name);
            if (s == null) {
                throw new ComposeException("no such service: " + name, List.of("no such service: " + name), 0, "");
            }
            chosen.add(s);
        }
        ComposeProgress progress = new ComposeProgress("Building");
        new ComposeBuild(host, p).build(services.isEmpty() ? p.services() : chosen, true, progress);
        return progress.lines();
    }

    /** {@code create [--force-recreate] [--build]} of {@code services}: {@link ComposeUp#create}'s display, titled Creating. */
    public List<String> create(List<ComposeProject.Service> services, boolean forceRecreate, boolean build) {
        return new ComposeUp(host, p, file, new ComposeProgress("Creating")).create(services, forceRecreate, build);
    }

    /**
     * {@code down [-v]}: containers in reverse start order, then with {@code -v} the project's
     * volumes and the containers' anonymous ones (pkg/compose/down.go: RemoveVolumes), then the
     * networks this project created (by their labels).
     */
    public CommandOutput down(boolean volumes) {
        ComposeProgress progress = new ComposeProgress();
        List<ComposeProject.Service> reverse = new ArrayList<>(p.services());
        Collections.reverse(reverse);
        for (ComposeProject.Service s : reverse) {
            List<Container> cs = new ArrayList<>(containers(host.engine(), p, s));
            Collections.reverse(cs);
            for (Container c : cs) {
                host.engine().stop(c.name());
                host.engine().remove(c.name(), true, () -> { });
                if (volumes) {
                    host.engine().volumes().removeAnonymous(c);
                }
                progress.done("Container", c.name(), "Removed");
            }
        }
        if (volumes) {
            for (ComposeProject.VolumeDef v : p.volumes()) {
                var made = host.engine().volumes().all().stream().filter(x -> x.name().equals(v.name())).findFirst().orElse(null);
                if (!v.external() && made != null && p.name().equals(made.labels().get("com.docker.compose.project"))) {
                    host.engine().volumes().remove(v.name(), false);
                    progress.done("Volume", v.name(), "Removed");
                }
            }
        }
        for (ComposeProject.NetworkDef n : p.networks()) {
            Network net = host.engine().findNetwork(n.name());
            if (n.external() || net == null || !p.name().equals(net.labels().get("com.docker.compose.project"))) {
                continue;
            }
            try {
                host.engine().removeNetwork(n.name());
                progress.done("Network", n.name(), "Removed");
            } catch (EngineException e) {
                progress.failed("Network", n.name(), "Error");
                List<String> out = new ArrayList<>(progress.lines());
                out.add("Error response from daemon: " + e.getMessage());
                return new CommandOutput(1, out);
            }
        }
        return CommandOutput.ok(progress.lines());
    }

    /** {@code ps [-a] [-q] [--services]}: Compose's table of the service containers (and with -a run's), sorted by container name. */
    public CommandOutput ps(boolean all, boolean quiet, boolean services) {
        List<Container> list = new ArrayList<>();
        List<String> serviceOf = new ArrayList<>();
        for (ComposeProject.Service s : p.services()) {
            List<Container> mine = new ArrayList<>(containers(host.engine(), p, s));
            if (all) { // pkg/compose/ps.go: run's containers only with -a (oneOffInclude)
                mine.addAll(oneOffs(host.engine(), p, s));
            }
            for (Container c : mine) {
                if (all || c.running()) {
                    list.add(c);
                    serviceOf.add(s.name());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> list.get(i).name()));
        // cmd/compose/ps.go: -q prints each full ID; --services the distinct services in the containers'
        // order, joined by newlines in one Fprintln (a blank line when none is listed)
        if (quiet) {
            return CommandOutput.ok(order.stream().map(i -> list.get(i).id()).toList());
        }
        if (services) {
            List<String> names = order.stream().map(serviceOf::get).distinct().toList();
            return CommandOutput.ok(names.isEmpty() ? List.of("") : names);
        }
        long now = host.loop().nanos();
        Table t = new Table("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS");
        for (int i : order) {
            Container c = list.get(i);
            t.row(c.name(), c.image(), DockerCommand.command(c, true), serviceOf.get(i),
                    HumanTime.ago(now - c.created()), DockerCommand.status(c, now), DockerCommand.portsColumn(c));
        }
        return CommandOutput.ok(t.lines());
    }

    /** {@code exec [--index N] SERVICE COMMAND...}: the command inside the service's Nth container. */
    public CommandOutput exec(String service, int index, List<String> argv) {
        Container c = running(service, index);
        if (c == null) {
            return CommandOutput.fail(1, "service \"" + service + "\" is not running");
        }
        return host.execIn(c, argv);
    }

    /**
     * {@code port [--protocol P] [--index N] SERVICE PRIVATE_PORT}: the first public binding of
     * that port as the engine reports it ({@code 0.0.0.0:8080}), or Compose's error when it has none.
     */
    public CommandOutput port(String service, int index, int privatePort, String protocol) {
        if (p.service(service) == null) {
            return CommandOutput.fail(1, "no such service: " + service);
        }
        Container c = running(service, index);
        if (c == null) {
            return CommandOutput.fail(1, "service \"" + service + "\" is not running");
        }
        String key = privatePort + "/" + protocol;
        return c.published().stream().filter(b -> b.key().equals(key)).findFirst()
                .map(b -> CommandOutput.ok(List.of(b.hostIpText() + ":" + b.hostPort())))
                .orElse(CommandOutput.fail(1, "no port " + key + " for container " + c.name()));
    }

    private Container running(String service, int index) {
        ComposeProject.Service s = p.service(service);
        if (s == null) {
            return null;
        }
        return containers(host.engine(), p, s).stream()
                .filter(c -> c.running() && (s.containerName() != null || replicaNumber(p, s, c) == index))
                .findFirst().orElse(null);
    }
}
