package dev.dockwire.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.hash.Hashing;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.PortSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images dockwire knows, as Docker Hub publishes them: the catalogue in {@code images.yaml}
 * (each image's config as {@code docker image inspect} shows it, and the programs on its PATH),
 * read once. A reference resolves as the daemon would name it (distribution/reference's
 * ParseNormalizedNamed): {@code nginx} is {@code docker.io/library/nginx:latest}, a tag names a
 * variant when it carries one ({@code nginx:1.27-alpine} is {@code nginx:alpine}), and a digest
 * pins the image its repository publishes.
 */
public final class Images {
    private static final String RESOURCE = "/dev/dockwire/docker/images.yaml";
    private static final Map<String, ImageConfig> CATALOGUE = load();
    /** Each catalogue image's LABELs (Config.Labels) and the TCP ports its main process accepts on, by catalogue name. */
    private static final Map<String, Map<String, String>> LABELS = new LinkedHashMap<>();
    /** {@link #config} by image name, as far as asked. */
    private static final Map<String, java.util.Optional<ImageConfig>> CONFIGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, List<Integer>> LISTENS = new LinkedHashMap<>();
    /** Each catalogue image's VOLUMEs (Config.Volumes), from its Dockerfile, by catalogue name. */
    private static final Map<String, List<String>> VOLUMES = new LinkedHashMap<>();
    /** What each distribution's packages put on the PATH: family → package → program → provider (images.yaml's {@code packages}). */
    private static final Map<String, Map<String, Map<String, String>>> PACKAGES = packages();

    static {
        JsonNode images = tree().path("images");
        images.fields().forEachRemaining(e -> {
            Map<String, String> labels = new java.util.TreeMap<>();
            e.getValue().path("labels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
            LABELS.put(e.getKey(), Map.copyOf(labels));
            List<Integer> ports = new ArrayList<>();
            e.getValue().path("listens").forEach(p -> ports.add(p.asInt()));
            LISTENS.put(e.getKey(), List.copyOf(ports));
            VOLUMES.put(e.getKey(), strings(e.getValue().path("volumes")));
        });
    }

    private Images() {
    }

    /** The image's config as Docker Hub publishes it, or null for an image dockwire does not know. */
    public static ImageConfig config(String image) {
        // A pure function of the name, asked for several times by every container's create and
        // start: remembered per name (a few names at most in a run; bounded all the same).
        if (image == null) {
            return lookupConfig(null);
        }
        java.util.Optional<ImageConfig> known = CONFIGS.get(image);
        if (known == null) {
            if (CONFIGS.size() >= 4096) {
                CONFIGS.clear();
            }
            known = java.util.Optional.ofNullable(lookupConfig(image));
            CONFIGS.put(image, known);
        }
        return known.orElse(null);
    }

    private static ImageConfig lookupConfig(String image) {
        Reference ref = Reference.parse(image);
        if (ref == null) {
            return null;
        }
        // Docker Hub's images go by their path (nginx, traefik/whoami); another registry's by domain and path.
        String repo = ref.domain().equals(Reference.DOCKER_HUB) ? ref.path() : ref.domain() + "/" + ref.path();
        ImageConfig exact = CATALOGUE.get(repo + ":" + ref.tagOrLatest());
        if (exact != null) {
            return exact;
        }
        // Variant tags name their base after the version: 1.27-alpine, 1-alpine3.24, mainline-alpine-slim;
        // a major version with an entry of its own (mariadb:10, before the mysql names went) is one too.
        for (String part : ref.tagOrLatest().split("-")) {
            ImageConfig v = CATALOGUE.get(repo + ":" + part.replaceAll("[0-9.]+$", ""));
            if (v == null && part.matches("[0-9]+(\\.[0-9.]*)?")) {
                v = CATALOGUE.get(repo + ":" + part.split("\\.")[0]);
            }
            if (v != null) {
                return v;
            }
        }
        return CATALOGUE.get(repo);
    }

    /** The image's LABELs (Config.Labels), sorted by key; empty for an image outside the catalogue. */
    public static Map<String, String> labels(String image) {
        ImageConfig c = config(image);
        return c == null ? Map.of() : LABELS.getOrDefault(c.reference(), Map.of());
    }

    /** The TCP ports the image's main process accepts connections on ({@code listens}); empty when none or unknown. */
    static List<Integer> listens(String image) {
        ImageConfig c = config(image);
        return c == null ? List.of() : LISTENS.getOrDefault(c.reference(), List.of());
    }

    /** The image's VOLUMEs (Config.Volumes), each an anonymous volume of its containers; empty when none or unknown. */
    public static List<String> volumes(String image) {
        ImageConfig c = config(image);
        return c == null ? List.of() : VOLUMES.getOrDefault(c.reference(), List.of());
    }

    /** The config of {@code c}'s image: the built one it was created from, or the catalogue's, with the programs it installed since. */
    public static ImageConfig config(Container c) {
        ImageConfig image = c.pinnedImage() != null ? c.pinnedImage() : config(c.image());
        return image == null ? null : InstalledPackages.over(c, image); // what its apk or apt-get installed
    }

    /** The names the catalogue holds ({@code nginx}, {@code nginx:alpine}, {@code traefik/whoami}, ...). */
    public static Set<String> names() {
        return CATALOGUE.keySet();
    }

    /** The image name without registry, tag or digest: {@code docker.io/library/nginx:1.27} → {@code nginx}. */
    static String baseName(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > slash) {
            s = s.substring(0, colon);
        }
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** EXPOSEd ports of an image whose config is {@code c} (null: none); a declared image exposes the port it serves. */
    static List<PortSpec> exposed(ImageConfig c, ImageDaemons.Declared declared) {
        if (declared != null) {
            return PortSpec.exposed(declared.port() + "/tcp");
        }
        List<PortSpec> out = new ArrayList<>();
        for (String p : c == null ? List.<String>of() : c.exposedPorts()) {
            out.addAll(PortSpec.exposed(p));
        }
        return out;
    }

    /** The image's default command line (ENTRYPOINT + CMD); empty for an image dockwire does not know. */
    public static List<String> defaultCmd(String image) {
        ImageConfig c = config(image);
        return c == null ? List.of() : c.argv(List.of());
    }

    /**
     * The command line a container of {@code image} runs: the image's ENTRYPOINT followed by
     * {@code cmd}, or by its CMD when {@code cmd} is empty; {@code cmd} alone for an image not in
     * the catalogue.
     */
    public static List<String> argv(String image, List<String> cmd) {
        ImageConfig c = config(image);
        return c == null ? cmd : c.argv(cmd);
    }

    /**
     * What the runtime finds for {@code argv0} in a container of {@code image} (runc's
     * libcontainer/standard_init_linux.go: exec.LookPath, then the exec): the program and its
     * provider, or runc's error. An image outside the catalogue has every name, BusyBox's.
     */
    public static ProgramLookup lookup(String image, String argv0) {
        return lookup(image, argv0, path -> false);
    }

    /** As {@link #lookup(String, String)}, {@code file} saying which paths are the container's (non-executable) files. */
    public static ProgramLookup lookup(String image, String argv0, java.util.function.Predicate<String> file) {
        ImageConfig c = config(image);
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        if (c == null) {
            return new ProgramLookup.Found(base, BUSYBOX);
        }
        return ProgramLookup.in(c, argv0, file);
    }

    /** The command line a container {@code c} runs with {@code cmd}, as {@link #argv(String, List)} for its image's config. */
    public static List<String> argv(Container c, List<String> cmd) {
        ImageConfig config = config(c);
        return config == null ? cmd : config.argv(cmd);
    }

    /** Config.WorkingDir of {@code c}: {@code -w}'s, else its image's; empty when neither names one ({@code /} then). */
    public static String workingDir(Container c) {
        String wd = c.options().workingDir();
        if (!wd.isEmpty()) {
            return wd;
        }
        ImageConfig config = config(c);
        return config == null || config.workingDir() == null ? "" : config.workingDir();
    }

    /**
     * Config.StopSignal of {@code c} as daemon/commit.go merge leaves it: {@code --stop-signal}'s,
     * else its image's STOPSIGNAL ({@code SIGTERM} when neither names one).
     */
    public static String stopSignal(Container c) {
        if (!c.options().stopSignal().isEmpty()) {
            return c.options().stopSignal();
        }
        ImageConfig config = config(c);
        return config == null ? "SIGTERM" : config.stopSignal();
    }

    /** {@link #lookup(String, String)} in container {@code c}'s image (a built one's programs are its base's and its RUN's). */
    public static ProgramLookup lookup(Container c, String argv0) {
        return lookup(c, argv0, path -> false);
    }

    /** {@link #lookup(String, String, java.util.function.Predicate)} in container {@code c}'s image. */
    public static ProgramLookup lookup(Container c, String argv0, java.util.function.Predicate<String> file) {
        ImageConfig config = config(c);
        return config == null ? lookup(c.image(), argv0, file) : ProgramLookup.in(config, argv0, file);
    }

    /** {@link #provider(String, String)} in container {@code c}'s image. */
    public static String provider(Container c, String argv0) {
        return lookup(c, argv0) instanceof ProgramLookup.Found f ? f.provider() : null;
    }

    /** The base name of the catalogue image whose programs {@code c} runs: a built image's is its base's ({@link ImageConfig#reference}). */
    static String baseName(Container c) {
        return baseName(c.pinnedImage() != null ? c.pinnedImage().reference() : c.image());
    }

    /** Whose {@code argv0} is in a container of {@code image} ({@link #lookup}'s provider), or null when the image lacks it. */
    public static String provider(String image, String argv0) {
        return lookup(image, argv0) instanceof ProgramLookup.Found f ? f.provider() : null;
    }

    /**
     * The programs package {@code pkg} of distribution {@code family} ({@code alpine}: apk,
     * {@code debian}: apt, {@code fedora}: dnf and yum) ships, name to provider, as the catalogue's
     * {@code packages} lists them; null for a package it does not know.
     */
    public static Map<String, String> packagePrograms(String family, String pkg) {
        return PACKAGES.getOrDefault(family, Map.of()).get(pkg);
    }

    private static Map<String, Map<String, Map<String, String>>> packages() {
        JsonNode root = tree();
        Map<String, ProgramSet> sets = new LinkedHashMap<>();
        root.path("programSets").fields().forEachRemaining(e -> sets.put(e.getKey(),
                new ProgramSet(e.getValue().path("provider").asText(e.getKey()), strings(e.getValue().path("programs")))));
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        root.path("packages").fields().forEachRemaining(family -> {
            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            family.getValue().fields().forEachRemaining(p -> byName.put(p.getKey(),
                    java.util.Collections.unmodifiableMap(programs(strings(p.getValue()), null, sets, new LinkedHashMap<>()))));
            out.put(family.getKey(), Map.copyOf(byName));
        });
        return Map.copyOf(out);
    }

    /** The provider of every program of an image the catalogue does not hold. */
    public static final String BUSYBOX = "busybox";

    /** A made-up but stable image id: sha256 of the name. */
    public static String digest(String image) {
        return Hashing.sha256().hashString(image, StandardCharsets.UTF_8).toString();
    }

    private static JsonNode tree() {
        try (InputStream in = Images.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ImageConfig> load() {
        JsonNode root = tree();
        Map<String, ProgramSet> sets = new LinkedHashMap<>();
        root.path("programSets").fields().forEachRemaining(e -> sets.put(e.getKey(),
                new ProgramSet(e.getValue().path("provider").asText(e.getKey()), strings(e.getValue().path("programs")))));
        Map<String, ImageConfig> out = new LinkedHashMap<>();
        root.path("images").fields().forEachRemaining(e -> out.put(e.getKey(), image(e.getKey(), e.getValue(), sets)));
        return Map.copyOf(out);
    }

    /** A named set of programs and the package family they come from. */
    private record ProgramSet(String provider, List<String> programs) {
    }

    private static ImageConfig image(String name, JsonNode n, Map<String, ProgramSet> sets) {
        return new ImageConfig(name, strings(n.path("entrypoint")), strings(n.path("cmd")), strings(n.path("env")),
                n.path("workingDir").asText(""), n.path("user").asText(""), strings(n.path("exposedPorts")),
                n.path("stopSignal").asText("SIGTERM"), null, programs(strings(n.path("programs")), null, sets, new LinkedHashMap<>()));
    }

    /**
     * The programs as name -> provider: each {@code @set} replaced by that set's programs under its
     * provider (sets may name sets), {@code name=provider} under that provider, any other name
     * under {@code provider} (null: the name's own package, as nginx's {@code curl}); a later
     * entry overrides an earlier one.
     */
    private static Map<String, String> programs(List<String> names, String provider, Map<String, ProgramSet> sets,
                                                Map<String, String> out) {
        for (String p : names) {
            if (p.startsWith("@")) {
                ProgramSet set = sets.get(p.substring(1));
                if (set == null) {
                    throw new IllegalStateException(RESOURCE + ": unknown program set " + p);
                }
                programs(set.programs(), set.provider(), sets, out);
            } else {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                out.remove(name);
                out.put(name, eq >= 0 ? p.substring(eq + 1) : provider != null ? provider : name);
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The first process of {@code c}: ENTRYPOINT + (command or CMD); {@code --entrypoint} + command when one was given. */
    static List<String> argv(Container c) {
        if (c.entrypoint() != null) {
            List<String> argv = new ArrayList<>(c.entrypoint());
            argv.addAll(c.cmd());
            return argv;
        }
        ImageConfig config = config(c);
        return config == null ? c.cmd() : config.argv(c.cmd());
    }
}
