package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order Compose starts services in: a topological sort of {@code depends_on} and
 * {@code network_mode:}, {@code pid:} and {@code ipc:} {@code service:X} edges, ties in file order. Unknown services, a
 * {@code service_healthy} dependency without a healthcheck and cycles are errors at their line.
 */
final class DependencyOrder {
    private final YamlFields f;

    DependencyOrder(YamlFields f) {
        this.f = f;
    }

    List<ComposeProject.Service> sort(List<ComposeProject.Service> services) {
        List<String> names = services.stream().map(ComposeProject.Service::name).toList();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            index.putIfAbsent(services.get(i).name(), i);
        }
        for (ComposeProject.Service s : services) {
            for (ComposeProject.Dependency d : s.dependsOn()) {
                String path = "services." + s.name() + ".depends_on." + d.service();
                Integer at = index.get(d.service());
                if (at == null) {
                    throw new TopologyException(f.file(), d.line(), path, "service \"" + s.name()
                            + "\" depends on undefined service \"" + d.service() + "\"; services: " + names);
                }
                if (d.healthy() && services.get(at).healthcheck() == null) {
                    throw new TopologyException(f.file(), d.line(), path, "condition service_healthy needs a healthcheck on \""
                            + d.service() + "\"; add healthcheck: {test: ...} to it");
                }
            }
            String[][] modes = {{"network_mode", s.networkMode()}, {"pid", s.privileges().pid()}, {"ipc", s.privileges().ipc()}};
            for (String[] km : modes) {
                String mode = km[1];
                if (mode != null && mode.startsWith("service:") && !index.containsKey(mode.substring(8))) {
                    throw new TopologyException(f.file(), s.line(), "services." + s.name() + "." + km[0],
                            km[0] + " refers to undefined service \"" + mode.substring(8) + "\"; services: " + names);
                }
            }
        }
        // Kahn's sort, always taking the first ready service in file order (a heap of ready indices):
        // the order of scanning the file from the top for the first ready service at each step, in
        // n log n rather than n^2 (a compose file of 100,000 services).
        int[] waiting = new int[services.size()];
        List<List<Integer>> dependents = new ArrayList<>();
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < services.size(); i++) {
            dependents.add(new ArrayList<>(0));
        }
        for (int i = 0; i < services.size(); i++) {
            for (String n : new LinkedHashSet<>(needs(services.get(i)))) {
                dependents.get(index.get(n)).add(i);
                waiting[i]++;
            }
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<ComposeProject.Service> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            out.add(services.get(next));
            done.add(services.get(next).name());
            for (int j : dependents.get(next)) {
                if (--waiting[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (out.size() < services.size()) {
            ComposeProject.Service stuck = services.stream().filter(s -> !done.contains(s.name())).findFirst().orElseThrow();
            throw new TopologyException(f.file(), stuck.line(), "services." + stuck.name() + ".depends_on",
                    "dependency cycle detected: " + cycle(stuck, services, done));
        }
        return out;
    }

    static List<String> needs(ComposeProject.Service s) {
        List<String> n = new ArrayList<>(s.dependsOn().stream().map(ComposeProject.Dependency::service).toList());
        // compose-go's GetDependencies: network_mode, pid and ipc of service:X are dependencies on X
        for (String mode : new String[] {s.networkMode(), s.privileges().pid(), s.privileges().ipc()}) {
            if (mode != null && mode.startsWith("service:")) {
                n.add(mode.substring(8));
            }
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
