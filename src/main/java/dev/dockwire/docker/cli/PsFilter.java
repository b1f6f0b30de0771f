package dev.dockwire.docker.cli;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.Images;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker ps --filter KEY=VALUE} as dockerd applies it (moby daemon/list.go of 28:
 * foldFilter and includeContainerInList; api/types/filters' Match, ExactMatch and MatchKVList):
 * values of one key are alternatives, keys all apply; {@code name}, {@code id} and {@code status}
 * are regular expressions matched anywhere, {@code label} is {@code KEY} or {@code KEY=VALUE}
 * (all must hold), {@code exited} an exit code of a container that ran and stopped,
 * {@code health} exact, {@code network} a name or network-id prefix, {@code ancestor} an image
 * by reference or id, {@code volume} a mount's volume name, source or destination, {@code
 * publish}/{@code expose} {@code PORT[-PORT][/PROTO]} against the ports' public and private sides
 * (portOp), {@code is-task} a swarm task's container or not, {@code before}/{@code since} a
 * container by full id or name (idOrNameFilter, applied by the list's order). An unknown key or
 * value is the daemon's error.
 */
final class PsFilter {
    /** The keys moby 28 accepts (acceptedPsFilterTags). */
    private static final Set<String> ACCEPTED = Set.of("ancestor", "before", "exited", "id", "isolation", "label", "name",
            "status", "health", "since", "volume", "network", "is-task", "publish", "expose");
    private static final List<String> STATES = List.of("created", "running", "paused", "restarting", "removing", "exited", "dead");
    private static final List<String> HEALTHS = List.of("none", "starting", "healthy", "unhealthy");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> publish = new java.util.HashSet<>();
    private final Set<String> expose = new java.util.HashSet<>();

    private PsFilter() {
    }

    /** The filters of {@code --filter} flags, checked as foldFilter checks them. */
    static PsFilter parse(List<String> flags) {
        PsFilter f = new PsFilter();
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq < 0) {
                // docker/cli opts.FilterOpt: the client refuses a filter without '='.
                throw new CliFlags.FlagError("invalid argument \"" + flag + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
            }
            f.values.computeIfAbsent(flag.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(flag.substring(eq + 1).strip());
        }
        for (String key : f.values.keySet()) {
            if (!ACCEPTED.contains(key)) {
                throw new EngineException("invalid filter '" + key + "'");
            }
        }
        for (String v : f.all("exited")) {
            if (!v.matches("[+-]?[0-9]+")) {
                throw new EngineException("invalid filter 'exited=" + v + "': strconv.Atoi: parsing \"" + v + "\": invalid syntax");
            }
        }
        for (String v : f.all("status")) {
            if (!STATES.contains(v)) {
                throw new EngineException("invalid filter 'status=" + v + "': invalid value for state (" + v + "): must be one of "
                        + String.join(", ", STATES));
            }
        }
        for (String v : f.all("health")) {
            if (!HEALTHS.contains(v)) {
                throw new EngineException("invalid filter 'health=" + v + "': invalid value for health (" + v + "): must be one of "
                        + String.join(", ", HEALTHS));
            }
        }
        List<String> task = f.all("is-task");
        if (!task.isEmpty() && !task.contains("true") && !task.contains("false")) {
            throw new EngineException("invalid filter 'is-task=[" + String.join(" ", task) + "]'");
        }
        for (String v : f.all("publish")) {
            portOp("publish", v, f.publish);
        }
        for (String v : f.all("expose")) {
            portOp("expose", v, f.expose);
        }
        return f;
    }

    /** daemon/list.go portOp: {@code PORT[-PORT][/PROTO]} as the set of {@code PORT/PROTO} it names (nat.SplitProtoPort, ParsePortRange). */
    private static void portOp(String key, String value, Set<String> into) {
        if (value.contains(":")) {
            throw new EngineException("filter for '" + key + "' should not contain ':': " + value);
        }
        String[] parts = value.split("/", -1);
        String proto = parts.length == 1 || parts[1].isEmpty() ? "tcp" : parts[1];
        String port = parts[0];
        try {
            if (port.isEmpty()) {
                throw new EngineException("empty string specified for ports");
            }
            String[] range = port.split("-", -1);
            int start = parseUint16(range[0]);
            int end = range.length > 1 ? parseUint16(range[1]) : start;
            if (end < start) {
                throw new EngineException("invalid range specified for port: " + port);
            }
            for (int p = start; p <= end; p++) {
                into.add(p + "/" + proto);
            }
        } catch (EngineException e) {
            throw new EngineException("error while looking up for " + key + " " + value + ": " + e.getMessage());
        }
    }

    /** strconv.ParseUint(s, 10, 16). */
    private static int parseUint16(String s) {
        if (!s.matches("[0-9]+")) {
            throw new EngineException("strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
        }
        if (s.length() > 5 || Integer.parseInt(s) > 65535) {
            throw new EngineException("strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
        return Integer.parseInt(s);
    }

    /** The value of {@code before} or {@code since} that applies (WalkValues keeps the last), or null. */
    String container(String key) {
        List<String> vs = all(key);
        return vs.isEmpty() ? null : vs.get(vs.size() - 1);
    }

    private List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** A {@code status} filter lists stopped containers too, as {@code -a} does (foldFilter sets All). */
    boolean listsAll() {
        return values.containsKey("status");
    }

    /** Whether {@code c} passes every filter. */
    boolean accepts(Container c) {
        return (match("name", "/" + c.name()) || match("name", c.name())) && match("id", c.id()) && labels(c.labels()) && exited(c) && match("status", c.status())
                && exact("health", c.health() == null ? "none" : c.health().status().id()) && network(c) && ancestor(c.image())
                && task(c) && volume(c) && ports(c);
    }

    /** is-task: whether the container is a swarm task's (container.Managed: the task labels the orchestrator sets). */
    private boolean task(Container c) {
        List<String> vs = all("is-task");
        return vs.isEmpty() || vs.contains("true") == c.labels().containsKey("com.docker.swarm.task.id");
    }

    /** A mount whose destination, volume name or (for a bind) source is among the values. */
    private boolean volume(Container c) {
        List<String> vs = all("volume");
        if (vs.isEmpty()) {
            return true;
        }
        for (dev.dockwire.docker.MountPoint m : c.mounts()) {
            String byName = m.name() != null && !m.name().isEmpty() ? m.name() : m.source();
            if (vs.contains(m.destination()) || vs.contains(byName)) {
                return true;
            }
        }
        return false;
    }

    /** publish/expose: one of the container's ports (a running one's) public or private side among the values. */
    private boolean ports(Container c) {
        if (publish.isEmpty() && expose.isEmpty()) {
            return true;
        }
        if (!c.running()) {
            return false;
        }
        for (PsColumns.Port p : PsColumns.ports(c.published(), PsColumns.endpointExposedPorts(c, Images.config(c)))) {
            if (publish.contains(p.publicPort() + "/" + p.type()) || expose.contains(p.privatePort() + "/" + p.type())) {
                return true;
            }
        }
        return false;
    }

    /** filters.Args.Match: no value, an equal one, or one that as a regular expression matches part of {@code source}. */
    private boolean match(String key, String source) {
        List<String> vs = all(key);
        if (vs.isEmpty() || vs.contains(source)) {
            return true;
        }
        for (String v : vs) {
            try {
                if (Pattern.compile(v).matcher(source).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // Match skips a value that is not a regular expression
            }
        }
        return false;
    }

    private boolean exact(String key, String source) {
        return all(key).isEmpty() || all(key).contains(source);
    }

    /** MatchKVList: every {@code KEY} present, every {@code KEY=VALUE} equal. */
    private boolean labels(Map<String, String> labels) {
        for (String v : all("label")) {
            String[] kv = v.split("=", 2);
            if (!labels.containsKey(kv[0]) || kv.length == 2 && !kv[1].equals(labels.get(kv[0]))) {
                return false;
            }
        }
        return true;
    }

    /** An exit code among the filter's, of a container that ran and is not running. */
    private boolean exited(Container c) {
        List<String> vs = all("exited");
        return vs.isEmpty() || !c.running() && c.startedAt() >= 0 && vs.stream().anyMatch(v -> Integer.parseInt(v) == c.exitCode());
    }

    private boolean network(Container c) {
        List<String> vs = all("network");
        if (vs.isEmpty()) {
            return true;
        }
        for (String v : vs) {
            if (c.endpoints().containsKey(v)) {
                return true;
            }
            for (Endpoint e : c.endpoints().values()) {
                if (e.network().id().startsWith(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The container's image is the one the value names, by reference or by (a prefix of) its id. */
    private boolean ancestor(String image) {
        List<String> vs = all("ancestor");
        if (vs.isEmpty()) {
            return true;
        }
        String id = Images.digest(image);
        for (String v : vs) {
            String prefix = v.startsWith("sha256:") ? v.substring(7) : v;
            if (ImageService.familiar(v).equals(ImageService.familiar(image)) || prefix.length() >= 4 && id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
