package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A distribution's package repository as a container's package manager sees it after fetching its
 * index ({@code repositories.yaml}: APKINDEX's version, installed size and dependencies, Debian's
 * Packages' Version, Size and Installed-Size): what {@code apk add} and {@code apt-get install}
 * resolve a name to. What a package puts on the PATH is not here but in the catalogue's
 * {@code packages:} ({@link Images#packagePrograms}), the one table of it the build shares.
 */
final class Repository {
    private static final String RESOURCE = "/dev/dockwire/docker/repositories.yaml";
    private static final JsonNode TREE = tree();
    private static final Map<String, Repository> BY_FAMILY = new java.util.concurrent.ConcurrentHashMap<>();

    /** A package of the index: its name, version, sizes (alpine's installed KiB; debian's download and installed kB) and direct dependencies. */
    record Package(String name, String version, double size, double installedSize, List<String> depends) {
    }

    private final String family;
    private final JsonNode node;
    private final Map<String, Package> packages = new LinkedHashMap<>();
    private final Map<String, String> provides = new LinkedHashMap<>();

    private Repository(String family, JsonNode node) {
        this.family = family;
        this.node = node;
        boolean apk = family.equals("alpine");
        node.path("packages").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                provides.put(e.getKey(), v.asText().substring(1));
                return;
            }
            int first = apk ? 2 : 3;
            List<String> deps = new ArrayList<>();
            for (int i = first; i < v.size(); i++) {
                deps.add(v.get(i).asText());
            }
            double size = v.get(1).asDouble();
            packages.put(e.getKey(), new Package(e.getKey(), v.get(0).asText(), size, apk ? size : v.get(2).asDouble(), List.copyOf(deps)));
        });
    }

    /** The repository of {@code family} ({@code alpine}, {@code debian}), or null when dockwire has none. */
    static Repository of(String family) {
        if (!TREE.has(family)) {
            return null;
        }
        return BY_FAMILY.computeIfAbsent(family, f -> new Repository(f, TREE.path(f)));
    }

    String family() {
        return family;
    }

    /** The package {@code name} names (through a provides), or null when the index lacks it. */
    Package find(String name) {
        return packages.get(provides.getOrDefault(name, name));
    }

    /** The names of the index's packages (not those it provides by another). */
    java.util.Collection<String> names() {
        return packages.keySet();
    }

    /** A setting of the family's section ({@code mirror}, {@code trigger}). */
    String text(String key) {
        return node.path(key).asText();
    }

    /** The first line of {@code name}'s Description as dpkg shows it ({@code descriptions}), empty when the file has none. */
    String description(String name) {
        return node.path("descriptions").path(name).asText();
    }

    int number(String key) {
        return node.path(key).asInt();
    }

    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        node.path(key).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Debian's sources: each [URI, suite, InRelease size, Packages size]. */
    List<List<String>> sources() {
        return table("sources");
    }

    /** A list of rows of the family's section ({@code sources}, {@code image}), each a list of words. */
    List<List<String>> table(String key) {
        List<List<String>> out = new ArrayList<>();
        node.path(key).forEach(s -> {
            List<String> row = new ArrayList<>();
            s.forEach(x -> row.add(x.asText()));
            out.add(List.copyOf(row));
        });
        return out;
    }

    /**
     * The packages installing {@code names} brings in that {@code installed} lacks, dependencies
     * before what depends on them (apk's and dpkg's unpack order), each once.
     */
    List<Package> closure(List<String> names, Set<String> installed) {
        return closure(names, installed, true, new ArrayList<>());
    }

    /**
     * The closure without what is only recommended ({@code apt-get --no-install-recommends}) when {@code recommends} is
     * false: a dependency written {@code ?NAME} is a Recommends, left out and added to {@code skipped} (apt's "Recommended
     * packages:") unless installed or planned.
     */
    List<Package> closure(List<String> names, Set<String> installed, boolean recommends, List<String> skipped) {
        Set<String> seen = new LinkedHashSet<>(installed);
        List<Package> out = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String n : names) {
            add(find(n), seen, out, recommends, left);
        }
        left.stream().filter(n -> !seen.contains(n) && !skipped.contains(n)).forEach(skipped::add);
        return out;
    }

    private void add(Package p, Set<String> seen, List<Package> out, boolean recommends, List<String> left) {
        if (p == null || !seen.add(p.name())) {
            return;
        }
        for (String d : p.depends()) {
            if (d.startsWith("?") && !recommends) {
                left.add(d.substring(1));
            } else {
                add(find(d.startsWith("?") ? d.substring(1) : d), seen, out, recommends, left);
            }
        }
        out.add(p);
    }

    private static JsonNode tree() {
        try (InputStream in = Repository.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
