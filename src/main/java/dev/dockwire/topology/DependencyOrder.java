package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order Compose starts services in: a topological sort of {@code depends_on} and
 * {@code network_mode: service:X} edges, ties in file order. Unknown services, a
 * {@code service_healthy} dependency without a healthcheck and cycles are errors at their line.
 */
final class DependencyOrder {
    private final YamlFields f;

    DependencyOrder(YamlFields f) {
        this.f = f;
    }

    List<ComposeProject.Service> sort(List<ComposeProject.Service> services) {
        List<String> names = services.stream().map(ComposeProject.Service::name).toList();
        for (ComposeProject.Service s : services) {
            for (ComposeProject.Dependency d : s.dependsOn()) {
                String path = "services." + s.name() + ".depends_on." + d.service();
                ComposeProject.Service target = services.stream().filter(x -> x.name().equals(d.service())).findFirst()
                        .orElseThrow(() -> new TopologyException(f.file(), d.line(), path, "service \"" + s.name()
                                + "\" depends on undefined service \"" + d.service() + "\"; services: " + names));
                if (d.healthy() && target.healthcheck() == null) {
                    throw new TopologyException(f.file(), d.line(), path, "condition service_healthy needs a healthcheck on \""
                            + d.service() + "\"; add healthcheck: {test: ...} to it");
                }
            }
            String mode = s.networkMode();
            if (mode != null && mode.startsWith("service:") && !names.contains(mode.substring(8))) {
                throw new TopologyException(f.file(), s.line(), "services." + s.name() + ".network_mode",
                        "network_mode refers to undefined service \"" + mode.substring(8) + "\"; services: " + names);
            }
        }
        List<ComposeProject.Service> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (out.size() < services.size()) {
            ComposeProject.Service next = services.stream()
                    .filter(s -> !done.contains(s.name()) && done.containsAll(needs(s))).findFirst().orElse(null);
            if (next == null) {
                ComposeProject.Service stuck = services.stream().filter(s -> !done.contains(s.name())).findFirst().orElseThrow();
                throw new TopologyException(f.file(), stuck.line(), "services." + stuck.name() + ".depends_on",
                        "dependency cycle detected: " + cycle(stuck, services, done));
            }
            out.add(next);
            done.add(next.name());
        }
        return out;
    }

    static List<String> needs(ComposeProject.Service s) {
        List<String> n = new ArrayList<>(s.dependsOn().stream().map(ComposeProject.Dependency::service).toList());
        if (s.networkMode() != null && s.networkMode().startsWith("service:")) {
            n.add(s.networkMode().substring(8));
        }
        return n;
    }

    /** Follows undone dependencies from a stuck service until a name repeats: that loop is the cycle. */
    private static String cycle(ComposeProject.Service start, List<ComposeProject.Service> services, Set<String> done) {
        List<String> path = new ArrayList<>();
        ComposeProject.Service at = start;
        while (!path.contains(at.name())) {
            path.add(at.name());
            String next = needs(at).stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
            at = services.stream().filter(s -> s.name().equals(next)).findFirst().orElseThrow();
        }
        path.add(at.name());
        return String.join(" -> ", path.subList(path.indexOf(at.name()), path.size()));
    }
}
