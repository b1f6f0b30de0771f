package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Names;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.swarm.Service;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker service create|ls|ps|rm|scale} on a swarm manager, with the docker CLI's tables
 * ({@code service ls}: ID NAME MODE REPLICAS IMAGE PORTS; {@code service ps}: ID NAME IMAGE NODE
 * DESIRED STATE CURRENT STATE ERROR PORTS) and the progress lines it prints while waiting for a
 * service to converge ({@code -d} prints the id alone). What {@link Service} does not model (the
 * VIP, the routing mesh) is said in a WARNING line when a command relies on it.
 */
final class ServiceCommand {
    private static final List<Spec> CREATE_FLAGS = List.of(new Spec("name", (char) 0, true),
            new Spec("network", (char) 0, true), new Spec("replicas", (char) 0, true), new Spec("publish", 'p', true),
            new Spec("endpoint-mode", (char) 0, true), new Spec("mode", (char) 0, true), new Spec("detach", 'd', false),
            new Spec("no-resolve-image", (char) 0, false));
    private static final String BAR = "[==================================================>] ";
    private final Engine engine;
    private final dev.dockwire.proc.JobControl jobs;

    ServiceCommand(Engine engine, dev.dockwire.proc.JobControl jobs) {
        this.engine = engine;
        this.jobs = jobs;
    }

    CommandOutput service(List<String> args) {
        if (args.isEmpty()) {
            return CommandOutput.fail(0, "Usage:  docker service COMMAND");
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "create" -> create(rest);
                case "ls", "list" -> ls();
                case "ps" -> ps(rest);
                case "rm", "remove" -> rm(rest);
                case "scale" -> scale(rest);
                case "logs" -> ServiceLogs.run(() -> SwarmCommand.requireManager(engine), rest, jobs);
                default -> CommandOutput.fail(1, "docker: 'service " + args.get(0) + "' is not a docker command.\nSee 'docker --help'");
            };
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    private CommandOutput create(List<String> args) {
        CliFlags f = CliFlags.parse(args, CREATE_FLAGS, false);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("service create", "at least 1 argument", "[OPTIONS] IMAGE [COMMAND] [ARG...]");
        }
        if (f.has("mode") && !f.get("mode").equals("replicated")) {
            return CommandOutput.fail(1, "dockwire models replicated services only, not --mode " + f.get("mode"));
        }
        String mode = f.has("endpoint-mode") ? f.get("endpoint-mode") : "vip";
        if (!mode.equals("vip") && !mode.equals("dnsrr")) {
            return CommandOutput.fail(1, "invalid argument \"" + mode + "\" for \"--endpoint-mode\" flag: invalid endpoint mode: must be vip or dnsrr");
        }
        int replicas = f.has("replicas") ? replicas(f.get("replicas"), "--replicas") : 1;
        Swarm swarm = SwarmCommand.requireManager(engine);
        String name = f.has("name") ? f.get("name") : Names.generate(engine.random(), n -> swarm.service(n) != null);
        if (swarm.service(name) != null) {
            throw new EngineException("rpc error: code = AlreadyExists desc = name conflicts with an existing object: service " + name + " already exists");
        }
        Network net = null;
        if (f.has("network")) {
            net = swarm.overlay(f.get("network"));
            if (net == null) {
                Network local = engine.findNetwork(f.get("network"));
                if (local == null) {
                    throw new EngineException("network " + f.get("network") + " not found");
                }
                throw new EngineException("The network " + local.name() + " cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.");
            }
        }
        List<String> publish = new ArrayList<>();
        for (String p : f.all("publish")) {
            publish.add(shortPublish(p));
        }
        List<String> positional = f.positional();
        Service s = new Service(Swarm.base36(engine.random(), 25), name, Service.normalizeImage(positional.get(0)),
                positional.subList(1, positional.size()), net, publish, mode.equals("dnsrr"));
        swarm.addService(s);
        s.scale(swarm, replicas);
        List<String> out = new ArrayList<>();
        if (!f.has("no-resolve-image") && engine.imageError(s.image()) != null) {
            // cli/command/service/create.go: the digest could not be resolved; each node pulls for itself.
            out.addAll(List.of("image " + s.image() + " could not be accessed on a registry to record",
                    "its digest. Each node will access " + s.image() + " independently,",
                    "possibly leading to different nodes running different", "versions of the image.", ""));
        }
        out.add(s.id());
        out.addAll(caveats(s));
        if (!f.has("detach")) {
            out.addAll(progress(s));
        }
        return CommandOutput.ok(out);
    }

    /** What this service would do in Docker that dockwire does not model, said where the user looks. */
    private static List<String> caveats(Service s) {
        List<String> out = new ArrayList<>();
        if (!s.dnsrr() && s.network() != null) {
            out.add("WARNING: dockwire does not model service VIPs (IPVS): \"" + s.name()
                    + "\" resolves to its tasks' addresses, as with --endpoint-mode dnsrr");
        }
        if (!s.publish().isEmpty()) {
            out.add("WARNING: dockwire does not model the ingress routing mesh: ports are published on the nodes running a task, as with mode=host");
        }
        return out;
    }

    /**
     * The lines the CLI prints while it waits for the service to converge (a terminal's final
     * frame). A service with pending tasks never converges; the real CLI would wait, this one stops.
     */
    private static List<String> progress(Service s) {
        int replicas = s.replicas();
        int running = s.tasks().size();
        List<String> out = new ArrayList<>();
        out.add("overall progress: " + running + " out of " + replicas + " tasks ");
        for (int i = 1; i <= replicas; i++) {
            out.add(i + "/" + replicas + (i <= running ? ": running   " + BAR : ": " + pending(s, i)));
        }
        if (running == replicas) {
            out.add("verify: Service converged ");
        }
        return out;
    }

    /** A slot without a running task: its last task's error while it keeps being rejected, else pending. */
    private static String pending(Service s, int slot) {
        for (int i = s.history().size() - 1; i >= 0; i--) {
            Service.Ended e = s.history().get(i);
            if (e.task().slot() == slot) {
                return e.state().equals("Rejected") ? e.error() + " " : "pending   ";
            }
        }
        return "pending   ";
    }

    private static int replicas(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the CLI's message
        }
        throw new CliFlags.ParseError("invalid argument \"" + v + "\" for \"" + flag + "\" flag: invalid replicas value " + v);
    }

    /** {@code -p 8080:80[/udp]} or the long form {@code published=8080,target=80[,protocol=udp]} as a short spec. */
    private static String shortPublish(String p) {
        if (!p.contains("=")) {
            return p;
        }
        String published = null;
        String target = null;
        String proto = "tcp";
        for (String kv : p.split(",")) {
            String[] x = kv.split("=", 2);
            switch (x[0]) {
                case "published" -> published = x[1];
                case "target" -> target = x[1];
                case "protocol" -> proto = x[1];
                default -> {
                    // mode=host|ingress: published per node either way (see Service)
                }
            }
        }
        if (target == null) {
            throw new CliFlags.ParseError("invalid argument \"" + p + "\" for \"-p, --publish\" flag: missing mandatory field \"target\"");
        }
        return (published == null ? "" : published + ":") + target + "/" + proto;
    }

    private Service service(Swarm swarm, String ref) {
        Service s = swarm.service(ref);
        if (s == null) {
            throw new NoSuchService(ref);
        }
        return s;
    }

    /** The CLI's own error for an unknown service (not a daemon error). */
    private static final class NoSuchService extends RuntimeException {
        NoSuchService(String ref) {
            super("Error: No such service: " + ref, null, false, false);
        }
    }

    private CommandOutput ls() {
        Swarm swarm = SwarmCommand.requireManager(engine);
        Table t = new Table("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
        for (Service s : swarm.services()) {
            t.row(s.id().substring(0, 12), s.name(), "replicated", s.tasks().size() + "/" + s.replicas(), s.image(), "");
        }
        return CommandOutput.ok(t.lines());
    }

    /** docker/cli cli/command/task/formatter.go's defaultTaskTableFormat. */
    private static final String TASK_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}"
            + "\t{{.Error}}\t{{.Ports}}";

    /** The filters moby accepts for tasks (daemon/cluster/filters.go newListTasksFilters). */
    private static final List<String> TASK_FILTERS = List.of("name", "id", "label", "service", "node", "desired-state",
            "_up-to-date", "runtime");

    /**
     * {@code docker service ps [-q] [--no-trunc] [-f KEY=VALUE] [--format F] SERVICE...} as
     * cli/command/task/print.go writes it: each slot's tasks together, the newest first, an earlier
     * one indented {@code " \\_ "} when the format is a table; {@code --filter} as the daemon
     * applies it (name and id prefixes, node by name or id, desired-state; a task has no labels).
     */
    private CommandOutput ps(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("quiet", 'q', false), new Spec("no-trunc", (char) 0, false),
                new Spec("filter", 'f', true), new Spec("format", (char) 0, true)), true);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String kv : f.all("filter")) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new CliFlags.FlagError("invalid argument \"" + kv + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
            }
            filters.computeIfAbsent(kv.substring(0, eq).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(kv.substring(eq + 1).strip());
        }
        if (f.positional().isEmpty()) {
            return CliErrors.usage("service ps", "at least 1 argument", "[OPTIONS] SERVICE [SERVICE...]");
        }
        Swarm swarm = SwarmCommand.requireManager(engine);
        for (var e : filters.entrySet()) {
            if (!TASK_FILTERS.contains(e.getKey())) {
                return CommandOutput.fail(1, "Error response from daemon: invalid filter '" + e.getKey() + "'");
            }
            for (String v : e.getKey().equals("desired-state") ? e.getValue() : List.<String>of()) {
                if (!v.isEmpty() && !TASK_STATES.contains(v.toUpperCase(Locale.ROOT))) {
                    return CommandOutput.fail(1, "Error response from daemon: Invalid desired-state filter: '" + v + "'");
                }
            }
        }
        String format = f.has("quiet") ? "{{.ID}}" : f.has("format") ? f.get("format") : TASK_TABLE;
        boolean table = format.isEmpty() || format.startsWith("table");
        try {
            List<ListFormat.Row> rows = new ArrayList<>();
            for (String ref : f.positional()) {
                Service s = service(swarm, ref);
                for (int slot = 1; slot <= slots(s); slot++) {
                    String name = s.name() + "." + slot;
                    boolean first = true;
                    for (Service.Task task : s.tasks()) {
                        String since = HumanTime.ago(engine.nanos() - task.startedNanos()).toLowerCase(Locale.ROOT);
                        if (task.slot() == slot && matches(filters, task, name, "RUNNING")) {
                            rows.add(row(f, task, first || !table ? name : " \\_ " + name, s.image(), "Running", "Running " + since, "", ports(s)));
                            first = false;
                        }
                    }
                    List<Service.Ended> ended = new ArrayList<>(s.history());
                    java.util.Collections.reverse(ended);
                    for (Service.Ended e : ended) {
                        String since = HumanTime.ago(engine.nanos() - e.endedNanos()).toLowerCase(Locale.ROOT);
                        if (e.task().slot() == slot && matches(filters, e.task(), name, "SHUTDOWN")) {
                            rows.add(row(f, e.task(), first || !table ? name : " \\_ " + name, s.image(), "Shutdown",
                                    e.state() + " " + since, error(e.error(), f.has("no-trunc")), ""));
                            first = false;
                        }
                    }
                }
            }
            return CommandOutput.ok(ListFormat.write(format, TASK_TABLE, ListFormat.header("ID", "ID", "Name", "NAME", "Image", "IMAGE",
                    "Node", "NODE", "DesiredState", "DESIRED STATE", "CurrentState", "CURRENT STATE", "Error", "ERROR", "Ports", "PORTS"), rows));
        } catch (NoSuchService e) {
            return CommandOutput.fail(1, e.getMessage());
        }
    }

    /** swarmkit's TaskState names, which a desired-state filter may give in any case (api/types.proto). */
    private static final List<String> TASK_STATES = List.of("NEW", "PENDING", "ASSIGNED", "ACCEPTED", "PREPARING", "READY",
            "STARTING", "RUNNING", "COMPLETE", "SHUTDOWN", "FAILED", "REJECTED", "REMOVE", "ORPHANED");

    /** Whether a task passes every filter key (values of one key are alternatives). */
    private static boolean matches(Map<String, List<String>> filters, Service.Task task, String name, String desired) {
        for (var e : filters.entrySet()) {
            List<String> v = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "name" -> v.stream().anyMatch(p -> (name + "." + task.id()).startsWith(p));
                case "id" -> v.stream().anyMatch(task.id()::startsWith);
                case "node" -> v.contains(task.node().hostname()) || v.contains(task.node().id());
                case "desired-state" -> v.stream().anyMatch(d -> d.isEmpty() || d.equalsIgnoreCase(desired));
                case "label" -> false; // dockwire's tasks carry no labels
                default -> true; // service (the CLI's own, by the SERVICE argument), runtime (all are containers), _up-to-date
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The ERROR column (docker/cli cli/command/task/formatter.go): cut to 30 runes unless --no-trunc, then quoted. */
    private static String error(String err, boolean noTrunc) {
        String e = noTrunc ? err : PsColumns.ellipsis(err, 30);
        return e.isEmpty() ? "" : "\"" + e + "\"";
    }

    /** The slots a service's tasks, running or ended, occupy. */
    private static int slots(Service s) {
        int max = s.replicas();
        for (Service.Ended e : s.history()) {
            max = Math.max(max, e.task().slot());
        }
        return max;
    }

    private static ListFormat.Row row(CliFlags f, Service.Task task, String name, String image, String desired, String current,
                                      String error, String ports) {
        ListFormat.Row r = new ListFormat.Row();
        r.put("ID", f.has("no-trunc") ? task.id() : task.id().substring(0, 12));
        r.put("Name", name);
        r.put("Image", image);
        r.put("Node", task.node().hostname());
        r.put("DesiredState", desired);
        r.put("CurrentState", current);
        r.put("Error", error);
        r.put("Ports", ports);
        return r;
    }

    /** A task's published ports as {@code service ps} shows host-mode ones: {@code *:8080->80/tcp}. */
    private static String ports(Service s) {
        List<String> out = new ArrayList<>();
        for (String p : s.publish()) {
            for (PortSpec spec : PortSpec.parse(p)) {
                out.add("*:" + (spec.hostLow() == 0 ? "" : spec.hostLow()) + "->" + spec.containerPort() + "/" + spec.proto());
            }
        }
        return String.join(",", out);
    }

    private CommandOutput rm(List<String> args) {
        if (args.isEmpty()) {
            return CliErrors.usage("service rm", "at least 1 argument", "SERVICE [SERVICE...]");
        }
        Swarm swarm = SwarmCommand.requireManager(engine);
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String ref : args) {
            Service s = swarm.service(ref);
            if (s == null) {
                out.add("Error: No such service: " + ref);
                status = 1;
                continue;
            }
            s.remove();
            swarm.removeService(s);
            out.add(ref);
        }
        return new CommandOutput(status, out);
    }

    private CommandOutput scale(List<String> args) {
        if (args.isEmpty()) {
            return CliErrors.usage("service scale", "at least 1 argument", "SERVICE=REPLICAS [SERVICE=REPLICAS...]");
        }
        Swarm swarm = SwarmCommand.requireManager(engine);
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                return CommandOutput.fail(1, "Invalid scale specifier '" + a + "'.\nSee 'docker service scale --help'.");
            }
            String ref = a.substring(0, eq);
            int n = replicas(a.substring(eq + 1), "scale");
            Service s = swarm.service(ref);
            if (s == null) {
                out.add("Error: No such service: " + ref);
                status = 1;
                continue;
            }
            s.scale(swarm, n);
            out.add(ref + " scaled to " + n);
            out.addAll(progress(s));
        }
        return new CommandOutput(status, out);
    }
}
