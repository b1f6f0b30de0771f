package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountSpec;
import dev.dockwire.docker.engine.ContainerChanges;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.PublishedImages;
import dev.dockwire.docker.engine.Volume;
import dev.dockwire.text.Lines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker system df} as the docker 28.2 client prints it (cli/command/system/df.go,
 * cli/command/formatter/disk_usage.go) over the daemon's disk usage (moby daemon/disk_usage.go):
 * a row each for images (the layers' size, the images no container uses reclaimable), containers
 * (their writable layers, {@link ContainerChanges#sizeRw}; the stopped ones reclaimable), local
 * volumes (their files; those no container mounts reclaimable) and the build cache, whose records
 * dockwire does not keep (it shows none). Sizes are go-units HumanSize ({@code 7.797MB}).
 */
final class SystemDf {
    private static final String TABLE = "table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}";
    private final Engine engine;

    SystemDf(Engine engine) {
        this.engine = engine;
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("verbose", 'v', false), new Spec("format", (char) 0, true)), true);
        if (!f.positional().isEmpty()) {
            return CommandOutput.error(1, List.of("docker: 'docker system df' accepts no arguments", "", "Usage:  docker system df [OPTIONS]", "",
                    "Run 'docker system df --help' for more information"));
        }
        String format = f.has("format") ? f.get("format") : "";
        if (f.has("verbose")) {
            if (format.equals("raw") || format.equals("json")) {
                return CommandOutput.fail(1, "dockwire: docker system df -v --format " + format + " is not modelled: only tables and templates");
            }
            return format.isEmpty() || format.equals("table") ? CommandOutput.ok(verbose()) : verboseTemplate(format);
        }
        List<ListFormat.Row> rows = List.of(images(), containers(), volumes(), row("Build Cache", 0, 0, 0, 0, false));
        ListFormat.Row header = ListFormat.header("Type", "TYPE", "TotalCount", "TOTAL", "Active", "ACTIVE", "Size", "SIZE",
                "Reclaimable", "RECLAIMABLE");
        if (format.equals("raw")) { // NewDiskUsageFormat's raw format: the fields one per line, a blank line after each type
            List<String> out = new ArrayList<>();
            for (ListFormat.Row r : rows) {
                out.addAll(List.of("type: " + r.get("Type"), "total: " + r.get("TotalCount"), "active: " + r.get("Active"),
                        "size: " + r.get("Size"), "reclaimable: " + r.get("Reclaimable"), ""));
            }
            return CommandOutput.ok(out);
        }
        return CommandOutput.ok(ListFormat.write(format, TABLE, header, rows));
    }

    /**
     * {@code -v}: verboseWriteTable's four sections, the images with their containers and sizes
     * (no layer is shared: SHARED SIZE 0B), the containers with their writable layer's size, the
     * volumes with the containers mounting them ({@code LINKS}), and the build cache's (empty) table.
     */
    private List<String> verbose() {
        List<String> out = new ArrayList<>(List.of("Images space usage:", ""));
        out.addAll(ListFormat.write("", "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}"
                + "\t{{.UniqueSize}}\t{{.Containers}}", ImagesCommand.header(), imageRows(false)));
        out.addAll(List.of("", "Containers space usage:", ""));
        out.addAll(ListFormat.write("", "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}"
                + "\t{{.Status}}\t{{.Names}}", PsCommand.header(), containerRows(false)));
        out.addAll(List.of("", "Local Volumes space usage:", ""));
        out.addAll(ListFormat.write("", "table {{.Name}}\t{{.Links}}\t{{.Size}}", ListFormat.header("Name", "VOLUME NAME", "Links", "LINKS",
                "Size", "SIZE"), volumeRows()));
        out.addAll(List.of("", "Build cache usage: 0B", ""));
        out.addAll(ListFormat.write("", "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}"
                + "\t{{.Shared}}", ListFormat.header("ID", "CACHE ID", "CacheType", "CACHE TYPE", "Size", "SIZE", "CreatedSince", "CREATED",
                "LastUsedSince", "LAST USED", "UsageCount", "USAGE", "Shared", "SHARED"), List.of()));
        return out;
    }

    /**
     * {@code -v --format TEMPLATE} (disk_usage.go verboseWrite): the template run once over the
     * diskUsageContext, its Images, Containers, Volumes and BuildCache each a list of the rows
     * {@code image ls}, {@code ps} and {@code volume ls} would print, untruncated (not a table), the
     * containers' virtual sizes left out; written as Execute writes it, with no newline of its own.
     */
    private CommandOutput verboseTemplate(String format) {
        String template = GoTemplate.preFormat(format.strip());
        ListFormat.Row duc = new ListFormat.Row().typed("*formatter.diskUsageContext");
        duc.put("Images", imageRows(true));
        duc.put("Containers", containerRows(true));
        duc.put("Volumes", volumeRows());
        duc.put("BuildCache", List.of());
        String text;
        try {
            text = GoTemplate.render(template, duc);
        } catch (GoTemplate.ParseError | GoTemplate.ExecError e) {
            return CommandOutput.fail(1, e.getMessage());
        }
        return CommandOutput.ok(Lines.of(text)); // its last line open unless the template ends it
    }

    /** The images' rows (imageContext; IDs whole when {@code noTrunc}), each with the containers using it. */
    private List<ListFormat.Row> imageRows(boolean noTrunc) {
        ImagesCommand images = new ImagesCommand(engine, System.currentTimeMillis());
        Map<ImageService.Stored, List<String>> layers = new LinkedHashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ImageService.Stored s : engine.images().stored()) {
            if (s.image() != null && ids.add(s.image().id())) {
                layers.put(s, ImageLayers.diffIds(engine.images(), s));
            }
        }
        List<ListFormat.Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ImageService.Stored s : engine.images().stored()) {
            if (s.image() == null || !seen.add(s.image().id())) {
                continue;
            }
            ListFormat.Row r = images.row(s, noTrunc, false);
            long users = engine.containers().stream().filter(c -> s.image().id().equals(imageId(c))).count();
            r.put("Containers", Long.toString(users));
            long shared = sharedSize(s, layers);
            r.put("SharedSize", Units.humanSize(shared, 4));
            r.put("UniqueSize", Units.humanSize(s.image().size() - shared, 4));
            rows.add(r);
        }
        return rows;
    }

    /**
     * image.Summary's SharedSize (moby daemon/images image_list.go: the layers another image also has):
     * the layers {@code image} has in common with another image, bottom up, are a base's whole stack
     * (a built image's base, or the image itself under one built on it), so their size is that image's.
     */
    private static long sharedSize(ImageService.Stored image, Map<ImageService.Stored, List<String>> layers) {
        String id = image.image().id();
        List<String> mine = List.of();
        for (Map.Entry<ImageService.Stored, List<String>> e : layers.entrySet()) {
            mine = e.getKey().image().id().equals(id) ? e.getValue() : mine;
        }
        long shared = 0;
        for (Map.Entry<ImageService.Stored, List<String>> other : layers.entrySet()) {
            List<String> theirs = other.getValue();
            if (other.getKey().image().id().equals(id) || mine.isEmpty() || theirs.isEmpty()) {
                continue;
            }
            if (theirs.size() <= mine.size() && mine.subList(0, theirs.size()).equals(theirs)) {
                shared = Math.max(shared, other.getKey().image().size());
            } else if (mine.size() < theirs.size() && theirs.subList(0, mine.size()).equals(mine)) {
                shared = Math.max(shared, image.image().size());
            }
        }
        return Math.min(shared, image.image().size());
    }

    /** The containers' rows (ContainerContext, newest first; truncated in a table), the writable layer's size alone. */
    private List<ListFormat.Row> containerRows(boolean noTrunc) {
        PsCommand ps = new PsCommand(engine, engine.nanos());
        ContainerChanges changes = new ContainerChanges(engine);
        List<ListFormat.Row> rows = new ArrayList<>();
        List<Container> all = new ArrayList<>(engine.containers());
        all.sort(java.util.Comparator.comparingLong(Container::created).reversed());
        for (Container c : all) {
            ListFormat.Row r = ps.row(c, noTrunc);
            r.put("Size", Units.humanSize(changes.sizeRw(c.id()), 3));
            rows.add(r);
        }
        return rows;
    }

    /** The volumes' rows: name, the containers mounting each ({@code Links}), the size of its files. */
    private List<ListFormat.Row> volumeRows() {
        List<ListFormat.Row> rows = new ArrayList<>();
        for (Volume v : engine.volumes().all()) {
            ListFormat.Row r = new ListFormat.Row();
            r.put("Name", v.name());
            r.put("Links", Integer.toString(links(v)));
            r.put("Size", Units.humanSize(size(v), 4));
            rows.add(r);
        }
        return rows;
    }

    /** The containers that mount {@code v} (UsageData.RefCount). */
    private int links(Volume v) {
        return (int) engine.containers().stream().filter(c -> c.mounts().stream()
                .anyMatch(m -> m.type().equals(MountSpec.VOLUME) && m.name().equals(v.name()))).count();
    }

    /** UsageData.Size: the bytes of the volume's files. */
    private static long size(Volume v) {
        long size = 0;
        for (String p : v.files().paths()) {
            size += v.files().read(p).getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** diskUsageImagesContext: one image per ID, LayersSize their size, in use when a container has it. */
    private ListFormat.Row images() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ImageService.Stored s : engine.images().stored()) {
            if (s.image() != null) {
                sizes.putIfAbsent(s.image().id(), s.image().size());
            }
        }
        long total = 0;
        long used = 0;
        int active = 0;
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            total += e.getValue();
            boolean inUse = engine.containers().stream().anyMatch(c -> e.getKey().equals(imageId(c)));
            if (inUse) {
                active++;
                used += e.getValue();
            }
        }
        return row("Images", sizes.size(), active, total, total - used, true);
    }

    private String imageId(Container c) {
        PublishedImages.Published p = c.image() == null ? null : engine.images().published(c.image());
        return p == null ? null : p.id();
    }

    /** diskUsageContainersContext: SizeRw of each, running, paused or restarting ones active. */
    private ListFormat.Row containers() {
        ContainerChanges changes = new ContainerChanges(engine);
        long total = 0;
        long reclaimable = 0;
        int active = 0;
        for (Container c : engine.containers()) {
            long size = changes.sizeRw(c.id());
            total += size;
            if (c.running() || c.state() == Container.State.RESTARTING) {
                active++;
            } else {
                reclaimable += size;
            }
        }
        return row("Containers", engine.containers().size(), active, total, reclaimable, true);
    }

    /** diskUsageVolumesContext: each volume's files, those a container mounts (RefCount) active. */
    private ListFormat.Row volumes() {
        long total = 0;
        long reclaimable = 0;
        int active = 0;
        List<Volume> all = engine.volumes().all();
        for (Volume v : all) {
            long size = size(v);
            total += size;
            if (links(v) > 0) {
                active++;
            } else {
                reclaimable += size;
            }
        }
        return row("Local Volumes", all.size(), active, total, reclaimable, true);
    }

    /** A row; Reclaimable with its share of the total in whole percent when there is a total (and {@code percent}). */
    private static ListFormat.Row row(String type, int count, int active, long size, long reclaimable, boolean percent) {
        ListFormat.Row r = new ListFormat.Row();
        r.put("Type", type);
        r.put("TotalCount", Integer.toString(count));
        r.put("Active", Integer.toString(active));
        r.put("Size", Units.humanSize(size, 4));
        r.put("Reclaimable", Units.humanSize(reclaimable, 4) + (percent && size > 0 ? " (" + reclaimable * 100 / size + "%)" : ""));
        return r;
    }
}
