package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.ClientEvents;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageDelete;
import dev.dockwire.docker.engine.ImageService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker network prune}, {@code docker container prune}, {@code docker volume prune} and {@code docker system prune}
 * as the docker 28.2 client runs them (cli/command/network/prune.go, container/prune.go,
 * system/prune.go): the warning and its {@code [y/N]} prompt unless {@code -f}, answered from
 * what was piped to the client (nothing, or anything but {@code y}, declines and prints nothing
 * more); then the daemon's report, {@code Deleted Networks:} and {@code Deleted Containers:}
 * followed by an empty line, and for {@code system prune} the space reclaimed.
 */
final class PruneCommands {
    private static final String QUESTION = "Are you sure you want to continue?";
    private static final List<Spec> FLAGS = List.of(new Spec("force", 'f', false), new Spec("filter", (char) 0, true));

    private final Engine engine;
    private final List<String> stdin;

    /** {@code stdin}: the lines piped to the client, or null when none were. */
    PruneCommands(Engine engine, List<String> stdin) {
        this.engine = engine;
        this.stdin = stdin;
    }

    CommandOutput network(List<String> args) {
        CliFlags f = CliFlags.parse(args, FLAGS, true);
        if (!f.positional().isEmpty()) {
            return noArgs("network prune");
        }
        PromptedLines out = new PromptedLines();
        if (!f.has("force") && !confirm(out, List.of("WARNING! This will remove all custom networks not used by at least one container."))) {
            return CommandOutput.ok(out);
        }
        return filtered(f, out, filters -> out.addAll(deletedNetworks(filters)));
    }

    /** The daemon's Unix time in nanoseconds, which {@code until} counts back from. */
    private long nowNanos() {
        return engine.events().now();
    }

    /**
     * {@code docker volume prune [-a]} (cli/command/volume/prune.go): the unused anonymous volumes,
     * or with {@code -a} every unused one (API 1.42's {@code all} filter).
     */
    CommandOutput volume(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false), new Spec("filter", (char) 0, true),
                new Spec("all", 'a', false)), true);
        if (!f.positional().isEmpty()) {
            return noArgs("volume prune");
        }
        PromptedLines out = new PromptedLines();
        String which = f.has("all") ? "all" : "anonymous";
        if (!f.has("force") && !confirm(out, List.of("WARNING! This will remove " + which + " local volumes not used by at least one container."))) {
            return CommandOutput.ok(out);
        }
        PruneFilters filters;
        try {
            filters = PruneFilters.volumes(f.all("filter"));
        } catch (EngineException e) {
            return failed(out, e);
        }
        out.addAll(deletedVolumes(f.has("all") || filters.all().contains("true") || filters.all().contains("1"), filters));
        out.add("Total reclaimed space: 0B");
        return CommandOutput.ok(out);
    }

    /** The daemon's volume prune report: {@code Deleted Volumes:}, the names, an empty line; nothing when none went. */
    private List<String> deletedVolumes(boolean all, PruneFilters filters) {
        List<String> removed = engine.volumes().prune(all, v -> filters.matches(v.labels()));
        List<String> out = new ArrayList<>();
        if (!removed.isEmpty()) {
            out.add("Deleted Volumes:");
            out.addAll(removed);
            out.add("");
        }
        return out;
    }

    CommandOutput container(List<String> args) {
        CliFlags f = CliFlags.parse(args, FLAGS, true);
        if (!f.positional().isEmpty()) {
            return noArgs("container prune");
        }
        PromptedLines out = new PromptedLines();
        if (!f.has("force") && !confirm(out, List.of("WARNING! This will remove all stopped containers."))) {
            return CommandOutput.ok(out);
        }
        return filtered(f, out, filters -> {
            out.addAll(deletedContainers(filters));
            out.add("Total reclaimed space: 0B");
        });
    }

    CommandOutput system(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false), new Spec("filter", (char) 0, true),
                new Spec("all", 'a', false), new Spec("volumes", (char) 0, false)), true);
        if (!f.positional().isEmpty()) {
            return noArgs("system prune");
        }
        List<String> warning = new ArrayList<>(List.of("WARNING! This will remove:", "  - all stopped containers",
                "  - all networks not used by at least one container"));
        if (f.has("volumes")) {
            warning.add("  - all anonymous volumes not used by at least one container");
        }
        warning.add(f.has("all") ? "  - all images without at least one container associated to them" : "  - all dangling images");
        warning.add(f.has("all") ? "  - all build cache" : "  - unused build cache");
        warning.add("");
        // system/prune.go confirmationMessage: the label, label! and until filters, in natural order, under the list
        List<String> shown = new ArrayList<>();
        for (String filter : f.all("filter")) {
            int eq = filter.indexOf('=');
            if (eq > 0 && List.of("label", "label!", "until").contains(filter.substring(0, eq).toLowerCase(java.util.Locale.ROOT))) {
                shown.add(filter.substring(0, eq).toLowerCase(java.util.Locale.ROOT) + filter.substring(eq));
            }
        }
        if (!shown.isEmpty()) {
            shown.sort(PsColumns::naturalCompare);
            warning.add("  Items to be pruned will be filtered with:");
            shown.forEach(s -> warning.add("  - " + s));
            warning.add("");
        }
        PromptedLines out = new PromptedLines();
        if (!f.has("force") && !confirm(out, warning)) {
            return CommandOutput.ok(out);
        }
        // system/prune.go: containers, networks, (volumes,) images and build cache in turn, each report
        // printed when it deleted something; the writable layers dockwire's containers have hold nothing.
        // (dockwire keeps no build cache records to list.)
        return filtered(f, out, filters -> {
            out.addAll(deletedContainers(filters));
            out.addAll(deletedNetworks(filters));
            if (f.has("volumes")) {
                out.addAll(deletedVolumes(false, PruneFilters.volumes(List.of())));
            }
            long[] reclaimed = {0};
            out.addAll(deletedImages(f.has("all"), filters, reclaimed)); // system/prune.go: image.RunPrune after them
            out.add("Total reclaimed space: " + Units.humanSize(reclaimed[0]));
        });
    }

    /**
     * {@code docker image prune [-a]} (cli/command/image/prune.go; moby daemon/images/image_prune.go):
     * the dangling images, or with {@code -a} every image no container uses, less a dangling one
     * another image is built on; each deleted as {@code rmi} deletes it (every name of a tagged one,
     * a dangling one by its ID), the API's records as {@code untagged:}/{@code deleted:} lines, then
     * the space the deleted layers held (a built image's own files; the catalogue's images have no
     * layers here).
     */
    CommandOutput image(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false), new Spec("all", 'a', false),
                new Spec("filter", (char) 0, true)), true);
        if (!f.positional().isEmpty()) {
            return noArgs("image prune");
        }
        boolean all = f.has("all");
        PromptedLines out = new PromptedLines();
        if (!f.has("force") && !confirm(out, List.of(all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images."))) {
            return CommandOutput.ok(out);
        }
        PruneFilters filters;
        try {
            filters = PruneFilters.images(f.all("filter"), nowNanos(), all);
        } catch (EngineException e) {
            return failed(out, e);
        }
        long[] reclaimed = {0};
        out.addAll(deletedImages(!filters.danglingOnly(), filters, reclaimed));
        out.add("Total reclaimed space: " + Units.humanSize(reclaimed[0]));
        return CommandOutput.ok(out);
    }

    /** The images pruned under {@code Deleted Images:} and an empty line, none when none was; their space added to {@code reclaimed}. */
    private List<String> deletedImages(boolean all, PruneFilters filters, long[] reclaimed) {
        List<String> deleted = deleteImages(all, filters, reclaimed);
        if (!deleted.isEmpty()) {
            deleted.add(0, "Deleted Images:");
            deleted.add("");
        }
        return deleted;
    }

    private List<String> deleteImages(boolean all, PruneFilters filters, long[] reclaimed) {
        ImageService images = engine.images();
        Map<String, List<ImageService.Stored>> byId = new LinkedHashMap<>();
        images.stored().forEach(s -> byId.computeIfAbsent(s.image().id(), k -> new ArrayList<>()).add(s));
        List<String> out = new ArrayList<>();
        ImageDelete delete = new ImageDelete(images, engine.containers());
        for (var e : byId.entrySet()) {
            String id = e.getKey();
            boolean dangling = e.getValue().stream().allMatch(s -> s.tag().equals("<none>"));
            boolean used = engine.containers().stream().anyMatch(c -> id.equals(images.published(c.image()).id()));
            boolean parent = byId.keySet().stream().anyMatch(other -> id.equals(images.parent(other)));
            ImageService.BuiltImage built = images.byId(id);
            Map<String, String> labels = built != null ? built.labels() : images.labels(e.getValue().get(0).name());
            // image_prune.go: an image without a creation date is spared by until
            long created = e.getValue().get(0).image().created() == null ? Long.MAX_VALUE
                    : e.getValue().get(0).image().created().toEpochMilli() * 1_000_000L;
            if (used || !all && !dangling || dangling && parent || !filters.matches(labels, created)) {
                continue;
            }
            try {
                for (ImageService.Stored s : dangling ? e.getValue().subList(0, 1) : e.getValue()) {
                    for (String record : delete.delete(dangling ? id.replaceFirst("^sha256:", "") : s.name(), false)) {
                        out.add(record.replaceFirst("^Untagged: ", "untagged: ").replaceFirst("^Deleted: ", "deleted: "));
                    }
                }
            } catch (EngineException refused) {
                continue; // image_prune.go: an image it cannot delete is left, and the rest go on
            }
            if (built != null) {
                built.files().values().forEach(text -> reclaimed[0] += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            }
        }
        return out;
    }

    /** The prompt after {@code warning}; true when the first line piped to the client is {@code y} or {@code Y}. */
    private boolean confirm(PromptedLines out, List<String> warning) {
        out.addAll(warning);
        return out.confirm(QUESTION, stdin);
    }

    /** {@code report} over the command's {@code --filter}s after what the client printed, or the daemon's refusal of them. */
    private CommandOutput filtered(CliFlags f, List<String> out, java.util.function.Consumer<PruneFilters> report) {
        PruneFilters filters;
        try {
            filters = PruneFilters.parse(f.all("filter"), nowNanos());
        } catch (EngineException e) {
            return failed(out, e);
        }
        report.accept(filters);
        return CommandOutput.ok(out);
    }

    /** The daemon's refusal of the filters, after what the client printed. */
    private static CommandOutput failed(List<String> out, EngineException e) {
        out.addAll(CliErrors.daemonError(e).output());
        return new CommandOutput(1, out);
    }

    private List<String> deletedNetworks(PruneFilters filters) {
        long epoch = engine.epochMillis() * 1_000_000L;
        List<String> removed = engine.pruneNetworks(n -> filters.matches(n.labels(), epoch + n.created()));
        List<String> out = new ArrayList<>();
        if (!removed.isEmpty()) {
            out.add("Deleted Networks:");
            out.addAll(removed);
            out.add("");
        }
        return out;
    }

    private List<String> deletedContainers(PruneFilters filters) {
        List<String> out = new ArrayList<>();
        for (Container c : new ArrayList<>(engine.containers())) {
            if (!c.running() && c.state() != Container.State.RESTARTING && filters.matches(c.labels(), engine.epochMillis() * 1_000_000L + c.created())) {
                engine.remove(c.id(), false, () -> { });
                out.add(c.id());
            }
        }
        ClientEvents.containersPruned(engine);
        if (!out.isEmpty()) {
            out.add(0, "Deleted Containers:");
            out.add("");
        }
        return out;
    }

    /** cli.NoArgs. */
    private static CommandOutput noArgs(String cmd) {
        return new CommandOutput(1, List.of("docker: 'docker " + cmd + "' accepts no arguments", "", "Usage:  docker " + cmd + " [OPTIONS]", "",
                "Run 'docker " + cmd + " --help' for more information"));
    }
}
