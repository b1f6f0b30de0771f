package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.FileTable;
import dev.dockwire.docker.LayerDir;
import dev.dockwire.docker.build.RunStep;
import dev.dockwire.docker.engine.BuiltLayers;
import dev.dockwire.docker.engine.ContainerChanges;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ExecConfig;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.RealPrograms;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build's RUN steps in containers of the engine, as moby's legacy builder runs them
 * (builder/dockerfile/containerbackend.go: create a container of the image so far, run the command,
 * commit its changes, remove it) and as BuildKit's executor does over a snapshot: a container with no
 * network of its own (it takes no address from IPAM), pinned to the stage's config, its read-only
 * layers the stage's files over its catalogue image's (with the stage's whiteouts), the command run
 * through the host's {@code docker exec} path (the container's own shell and programs); its diff
 * ({@link ContainerChanges}, what {@code docker diff} and {@code docker commit} read) is the layer.
 * The container is removed afterwards, and a program that serves is ended at the step limit as
 * the host's {@code docker exec} ends it.
 */
final class BuildContainers implements RunStep {
    private final CliEnv host;
    /** The build cache's namespace: BuildKit's and the legacy builder's are apart. */
    private final String cache;
    /** Whether a step may come from the cache ({@code --no-cache}: every step runs, and is kept for the next build). */
    private final boolean useCache;

    BuildContainers(CliEnv host, String cache, boolean useCache) {
        this.host = host;
        this.cache = cache;
        this.useCache = useCache;
    }

    /**
     * Runs {@code r}, or takes the layer a successful run of the same step left in the build cache: a
     * cached RUN does not run again (BuildKit's CACHED vertex, the legacy builder's {@code Using cache}),
     * and no container is made for it. A failed run is not kept.
     */
    @Override
    public Ran run(Request r) {
        ImageService.CachedLayer hit = useCache ? host.engine().images().cachedLayer(cache + "\0" + r.key()) : null;
        if (hit != null) {
            return new Ran(0, List.of(), 0, hit.written(), hit.deleted(), hit.made());
        }
        // Neither builder's step container is an event of its own here: BuildKit's make none, the legacy builder's its stream logs.
        Ran ran = host.engine().events().quiet(() -> runInContainer(r));
        if (ran.status() == 0) {
            host.engine().images().cacheLayer(cache + "\0" + r.key(), new ImageService.CachedLayer(ran.written(), ran.deleted(), ran.made()));
        }
        return ran;
    }

    private Ran runInContainer(Request r) {
        Engine engine = host.engine();
        String image = r.config().reference();
        if (image == null || image.equals("scratch")) {
            // runc's error for a root file system without the shell (BuildKit's executor wraps it)
            return new Ran(1, List.of("runc run failed: unable to start container process: exec: \"" + r.argv().get(0)
                    + "\": stat " + r.argv().get(0) + ": no such file or directory"), 0, Map.of(), Set.of());
        }
        boolean listed = !engine.images().pull(image);
        Container c = engine.create(ContainerCreate.of(null, image, "host"), Map.of());
        if (!listed) {
            engine.images().forget(image); // the create recorded the base as the daemon's image; BuildKit's load does not list it
        }
        try {
            c.pinnedImage(r.config());
            FileTable layers = BuiltLayers.of(c, c.imageFiles(), r.files(), r.dirs(), r.removed(), r.owners());
            c.imageFiles(layers);
            if (!r.workdir().isEmpty() && !r.workdir().equals("/")) {
                mkdirs(layers, r.workdir()); // BuildKit makes a WORKDIR that is missing (dispatchWorkdir's mkdir)
            }
            long start = host.loop().nanos();
            CommandOutput o = host.exec(c, new ExecConfig(r.argv(), r.env(), r.user(), r.workdir(), false, false), List.of());
            long took = host.loop().nanos() - start;
            Map<String, String> written = new LinkedHashMap<>();
            Set<String> deleted = new LinkedHashSet<>();
            Map<String, LayerDir> made = new LinkedHashMap<>();
            for (String line : new ContainerChanges(engine).changes(c.id())) {
                String path = line.substring(2);
                LayerDir dir = BuiltLayers.made(c, path);
                if (line.charAt(0) == 'D') {
                    deleted.add(path);
                } else if (dir != null) {
                    made.put(path, dir); // an added directory is the layer's too, empty or not
                } else if (!c.isDirectory(path) && c.file(path) != null) {
                    written.put(path, c.file(path));
                }
            }
            return new Ran(o.status(), o.output(), took, written, deleted, made, o.status() == 127 && notInImage(c, o.output()),
                    o.errors());
        } finally {
            engine.remove(c.id(), true, () -> { });
        }
    }

    /** The shell's {@code not found} line (ash's, dash's with its line number, bash's {@code command not found}). */
    private static final java.util.regex.Pattern NOT_FOUND =
            java.util.regex.Pattern.compile("^(?:/bin/|/usr/bin/)?(?:sh|ash|dash|bash): (?:line \\d+: |\\d+: )?(\\S+): (?:command )?not found$");

    /** Whether the program the shell did not find is missing from {@code c}'s real image as well ({@link RealPrograms}). */
    private static boolean notInImage(Container c, List<String> output) {
        for (String line : output) {
            java.util.regex.Matcher m = NOT_FOUND.matcher(line);
            if (m.matches()) {
                return !RealPrograms.has(c, m.group(1));
            }
        }
        return false;
    }

    private static void mkdirs(FileTable layers, String dir) {
        for (int slash = dir.indexOf('/', 1); ; slash = dir.indexOf('/', slash + 1)) {
            String d = slash < 0 ? dir : dir.substring(0, slash);
            if (!layers.isDirectory(d)) {
                layers.mkdir(d);
            }
            if (slash < 0) {
                return;
            }
        }
    }
}
