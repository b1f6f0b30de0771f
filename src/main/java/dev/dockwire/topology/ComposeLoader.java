package dev.dockwire.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a compose file (the Compose Specification's keys that shape networks, in every syntax
 * form the specification allows) into a {@link ComposeProject}: {@code .env} interpolation,
 * anchors and merge keys, {@code x-} fields, list and map forms. Keys that shape nothing here are
 * kept out and reported once each as ignored; invalid input is a {@link TopologyException} with
 * the file, line and key path ({@code services.web.ports[1]: invalid port "80:abc": ...}).
 */
public final class ComposeLoader {
    /** The {@code x-} extension that carries what a run does after {@code up}. */
    public static final String EXTENSION = "x-dockwire";
    private static final Set<String> EXTENSION_KEYS = Set.of("seed", "steps", "capture", "images");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String DEFAULT = ComposeNetworks.DEFAULT;
    /** The emulated host's user is root: {@code ~} is {@code /root} unless the environment says otherwise. */
    private static final String ROOT_HOME = "/root";

    private final YamlFields f;
    private final ComposeNotes notes;
    /** The file after interpolation, as {@link #project} last read it. */
    private YamlNode resolved;
    /** The active profiles ({@code --profile}, {@code COMPOSE_PROFILES}); {@code *} enables every one. */
    private Set<String> profiles = Set.of();

    private ComposeLoader(String file) {
        this.f = new YamlFields(file);
        this.notes = new ComposeNotes(file);
    }

    /** Reads {@code file} and the {@code .env} beside it; {@code projectName} ({@code -p}) may be null. */
    public static ComposeProject load(Path file, String projectName) {
        Path dir = file.toAbsolutePath().getParent();
        Path dotEnv = dir.resolve(".env");
        Map<String, String> env = Files.isRegularFile(dotEnv) ? DotEnv.parse(dotEnv.toString(), read(dotEnv)) : Map.of();
        return parse(file.toString(), read(file), env, dir.getFileName() == null ? "" : dir.getFileName().toString(),
                projectName);
    }

    /** Parses {@code .env} text for {@link #parse}. */
    public static Map<String, String> dotEnv(String file, String text) {
        return DotEnv.parse(file, text);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new TopologyException(p.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Parses compose {@code text}. The project is {@code projectName} if given, else the file's
     * {@code name:}, else {@code directory} lowercased without the characters a project name
     * cannot have; {@code env} feeds {@code ${VAR}} interpolation.
     */
    public static ComposeProject parse(String file, String text, Map<String, String> env, String directory,
                                       String projectName) {
        return new ComposeLoader(file).project(YamlReader.read(file, text), env, directory, projectName);
    }

    /** {@link #parse} with the {@code profiles} a command line or {@code COMPOSE_PROFILES} activates. */
    public static ComposeProject parse(String file, String text, Map<String, String> env, String directory,
                                       String projectName, Set<String> profiles) {
        ComposeLoader loader = new ComposeLoader(file);
        loader.profiles = Set.copyOf(profiles);
        return loader.project(YamlReader.read(file, text), env, directory, projectName);
    }

    /**
     * {@code docker compose config}: the file checked as {@link #parse} checks it, then printed as
     * Compose v2 prints the resolved model ({@link ComposeConfig}).
     */
    public static List<String> config(String file, String text, Map<String, String> env, String directory,
                                      String projectName, Set<String> profiles) {
        ComposeLoader loader = new ComposeLoader(file);
        loader.profiles = Set.copyOf(profiles);
        ComposeProject p = loader.project(YamlReader.read(file, text), env, directory, projectName);
        return new ComposeConfig(p.name(), file, ROOT_HOME).render(loader.resolved,
                Set.copyOf(p.services().stream().map(ComposeProject.Service::name).toList()));
    }

    /** A compose file embedded in another YAML file ({@code compose:} in our topology), read from its node. */
    static ComposeProject fromNode(String file, YamlNode node, Map<String, String> env, String directory,
                                   String projectName) {
        return new ComposeLoader(file).project(node, env, directory, projectName);
    }

    private ComposeProject project(YamlNode raw, Map<String, String> env, String directory, String projectName) {
        if (!raw.isMap()) {
            throw f.error(raw, "", "expected a compose file: a mapping with services:");
        }
        YamlNode root = extend(interpolate(raw, "", new Interpolation(env)));
        resolved = root;
        Map<String, YamlNode> top = root.map();
        for (var e : top.entrySet()) {
            String k = e.getKey();
            switch (k) {
                case "services", "networks", "name", EXTENSION -> {
                }
                case "version" -> notes.note(e.getValue(), k, "the attribute `version` is obsolete, it will be ignored");
                case "secrets" -> {
                }
                case "volumes" -> {
                }
                case "configs" -> notes.note(e.getValue(), k, "ignored (dockwire models networking only)");
                case "include" -> throw f.error(e.getValue(), k, "include is not supported yet: merge the files into one");
                default -> {
                    if (!k.startsWith("x-")) {
                        notes.note(e.getValue(), k, "unknown top-level key, ignored");
                    }
                }
            }
        }
        String name = projectName(top, directory, projectName, root);
        YamlNode services = top.get("services");
        if (services == null || !services.isMap() || services.map().isEmpty()) {
            throw f.error(services == null ? root : services, "services", "expected a mapping of service names to their definitions");
        }
        Map<String, ComposeProject.NetworkDef> networks = new LinkedHashMap<>();
        YamlNode nets = top.get("networks");
        if (nets != null && nets.value() != null) {
            f.requireMap(nets, "networks");
            ComposeNetworks reader = new ComposeNetworks(f, notes);
            for (var e : nets.map().entrySet()) {
                networks.put(e.getKey(), reader.network(name, e.getKey(), e.getValue()));
            }
        }
        List<ComposeProject.VolumeDef> volumes = new ComposeVolumes(f, notes).volumes(name, top.get("volumes"));
        List<ComposeProject.Service> list = new ArrayList<>();
        ComposeServices reader = new ComposeServices(f, notes, name, ROOT_HOME).withSecrets(top.get("secrets"));
        for (var e : services.map().entrySet()) {
            if (enabled(e.getKey(), e.getValue())) {
                list.add(reader.service(e.getKey(), e.getValue()));
            }
        }
        boolean usesDefault = false;
        for (ComposeProject.Service s : list) {
            for (ComposeProject.ServiceNetwork sn : s.networks()) {
                if (sn.key().equals(DEFAULT)) {
                    usesDefault = true;
                } else if (!networks.containsKey(sn.key())) {
                    throw new TopologyException(f.file(), sn.line(), "services." + s.name() + ".networks." + sn.key(),
                            "service \"" + s.name() + "\" refers to undefined network " + sn.key()
                                    + "; declared under networks: " + List.copyOf(networks.keySet()));
                }
            }
        }
        for (ComposeProject.Service s : list) {
            for (ComposeProject.Mount m : s.mounts()) {
                if (m.type().equals("volume") && m.source() != null && volumes.stream().noneMatch(v -> v.key().equals(m.source()))) {
                    // compose-go's checkConsistency.
                    throw new TopologyException(f.file(), m.line(), "services." + s.name() + ".volumes",
                            "service \"" + s.name() + "\" refers to undefined volume " + m.source() + ": invalid compose project");
                }
            }
        }
        if (usesDefault && !networks.containsKey(DEFAULT)) {
            networks.put(DEFAULT, ComposeNetworks.implied(name, root.line()));
        }
        List<ComposeProject.Service> ordered = new DependencyOrder(f).sort(list);
        long seed = 1;
        List<Step> steps = List.of();
        Topology.CaptureSpec capture = new Topology.CaptureSpec(true, null);
        List<Script.ImageDecl> images = List.of();
        YamlNode x = raw.map().get(EXTENSION);
        if (x != null && x.value() != null) {
            f.requireMap(x, EXTENSION);
            f.checkKeys(x.map(), EXTENSION_KEYS, EXTENSION);
            YamlNode s = x.map().get("seed");
            seed = s == null ? 1 : f.integer(s, EXTENSION + ".seed", 0, Integer.MAX_VALUE, "a seed");
            steps = new StepsLoader(f).steps(x.map().get("steps"), EXTENSION + ".steps",
                    list.stream().map(ComposeProject.Service::name).toList(), "service");
            capture = new RunExtras(f).capture(x.map().get("capture"), EXTENSION + ".capture");
            images = new RunExtras(f).images(x.map().get("images"), EXTENSION + ".images");
        }
        return new ComposeProject(f.file(), name, ordered, List.copyOf(networks.values()), volumes, seed, steps, capture, images,
                notes.sorted());
    }

    /**
     * Whether a service is in the project: one without {@code profiles:} always is, one with them
     * when one of them is active (compose-go's Project.WithProfiles).
     */
    private boolean enabled(String name, YamlNode service) {
        YamlNode p = service.isMap() ? service.map().get("profiles") : null;
        if (p == null || p.value() == null) {
            return true;
        }
        List<String> own = f.strings(p, "services." + name + ".profiles");
        return profiles.contains("*") || own.stream().anyMatch(profiles::contains);
    }

    /** The root with its services' {@code extends:} resolved ({@link ComposeExtends}). */
    private YamlNode extend(YamlNode root) {
        YamlNode services = root.map().get("services");
        if (services == null || !services.isMap()) {
            return root;
        }
        Map<String, YamlNode> top = new LinkedHashMap<>(root.map());
        top.put("services", new YamlNode(new ComposeExtends(f).resolve(services.map()), services.line(), services.column()));
        return new YamlNode(top, root.line(), root.column());
    }

    private String projectName(Map<String, YamlNode> top, String directory, String override, YamlNode root) {
        if (override != null) {
            if (!PROJECT.matcher(override).matches()) {
                throw f.error(root, "", "invalid project name \"" + override + "\": " + projectRule());
            }
            return override;
        }
        if (top.containsKey("name")) {
            String n = f.scalar(top.get("name"), "name");
            if (!PROJECT.matcher(n).matches()) {
                throw f.error(top.get("name"), "name", "invalid project name \"" + n + "\": " + projectRule());
            }
            return n;
        }
        String n = directory.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", "");
        if (n.isEmpty()) {
            throw f.error(root, "", "cannot derive a project name from the directory \"" + directory
                    + "\": set name: in the file or pass -p NAME");
        }
        return n;
    }

    private static String projectRule() {
        return "it must contain only lowercase letters, decimal digits, dashes, and underscores, "
                + "and must begin with a lowercase letter or decimal digit";
    }

    // ---- interpolation ------------------------------------------------------------------

    private YamlNode interpolate(YamlNode node, String path, Interpolation in) {
        if (node.isMap()) {
            Map<String, YamlNode> out = new LinkedHashMap<>();
            for (var e : node.map().entrySet()) {
                String p = YamlFields.at(path, e.getKey());
                out.put(e.getKey(), p.equals(EXTENSION) ? e.getValue() : interpolate(e.getValue(), p, in));
            }
            return new YamlNode(out, node.line(), node.column());
        }
        if (node.isList()) {
            List<YamlNode> out = new ArrayList<>();
            for (int i = 0; i < node.list().size(); i++) {
                out.add(interpolate(node.list().get(i), path + "[" + i + "]", in));
            }
            return new YamlNode(out, node.line(), node.column());
        }
        if (node.value() == null) {
            return node;
        }
        try {
            int before = in.warnings().size();
            String v = in.apply(node.text());
            if (in.warnings().size() > before) {
                List<String> w = List.copyOf(in.warnings());
                w.subList(before, w.size()).forEach(m -> notes.note(node, path, m));
            }
            return new YamlNode(v, node.line(), node.column());
        } catch (IllegalArgumentException e) {
            throw f.error(node, path, e.getMessage());
        }
    }
}
