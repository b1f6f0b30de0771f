package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageDelete;
import dev.dockwire.docker.engine.ImageService;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker images} / {@code docker image ls} and {@code docker rmi} / {@code docker image rm}:
 * the daemon's image list (moby 28 daemon/images/image_list.go: newest first; {@code reference},
 * {@code dangling}, {@code before}/{@code since}, {@code until} and {@code label} filters) printed by docker/cli 28's image formatter
 * (cli/command/formatter/image.go: REPOSITORY TAG IMAGE ID CREATED SIZE, a DIGEST column only
 * with {@code --digests}); CREATED is go-units' HumanDuration from {@code wallMillis}, the
 * client's clock, SIZE HumanSizeWithPrecision(size, 3).
 */
final class ImagesCommand {
    /** formatter.defaultImageTableFormat. */
    static final String DEFAULT_TABLE = "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}";
    private static final String DIGEST_TABLE = "table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}";
    private static final List<Spec> FLAGS = List.of(new Spec("all", 'a', false), new Spec("digests", (char) 0, false),
            new Spec("filter", 'f', true), new Spec("format", (char) 0, true), new Spec("no-trunc", (char) 0, false),
            new Spec("quiet", 'q', false), new Spec("tree", (char) 0, false));
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final long wallMillis;

    ImagesCommand(Engine engine, long wallMillis) {
        this.engine = engine;
        this.wallMillis = wallMillis;
    }

    CommandOutput list(List<String> args) {
        CliFlags f = CliFlags.parse(args, FLAGS, true);
        if (f.positional().size() > 1) {
            return new CommandOutput(1, List.of("docker: 'docker images' requires at most 1 argument", "",
                    "Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]", "", "See 'docker images --help' for more information"));
        }
        List<String> references = new ArrayList<>();
        java.util.Set<String> danglingValues = new java.util.LinkedHashSet<>();
        List<java.util.function.Predicate<ImageService.Stored>> bounds = new ArrayList<>();
        for (String filter : f.all("filter")) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            String value = eq < 0 ? "" : filter.substring(eq + 1);
            switch (key) {
                case "reference" -> references.add(value);
                case "dangling" -> danglingValues.add(value);
                case "before", "since" -> {
                    ImageService.Stored anchor = engine.images().find(value);
                    if (anchor == null) {
                        return CommandOutput.fail(1, "Error response from daemon: No such image: " + ImageService.familiar(value));
                    }
                    Instant at = created(anchor);
                    // image_list.go: an image without a creation date passes neither bound
                    bounds.add(s -> s.image().created() != null && (key.equals("before") ? created(s).isBefore(at) : created(s).isAfter(at)));
                }
                case "until" -> {
                    Instant at = timestamp(value);
                    if (at == null) {
                        return CommandOutput.fail(1, "Error response from daemon: failed to parse value as time or duration: \"" + value + "\"");
                    }
                    bounds.add(s -> s.image().created() != null && s.image().created().isBefore(at));
                }
                case "label" -> {
                    int kv = value.indexOf('=');
                    String label = kv < 0 ? value : value.substring(0, kv);
                    // filters.MatchKVList: the label is set, and to the value when one is given
                    bounds.add(s -> {
                        String v = engine.images().labels(s.name()).get(label);
                        return v != null && (kv < 0 || v.equals(value.substring(kv + 1)));
                    });
                }
                default -> {
                    return CommandOutput.fail(1, "Error response from daemon: invalid filter '" + key + "'");
                }
            }
        }
        Boolean dangling = null;
        if (!danglingValues.isEmpty()) {
            try { // image_list.go: GetBoolOrDefault("dangling", false), checked after every key is known
                dangling = PruneFilters.getBool("dangling", danglingValues, false);
            } catch (dev.dockwire.docker.EngineException e) {
                return CommandOutput.fail(1, "Error response from daemon: " + e.getMessage());
            }
        }
        if (!f.positional().isEmpty()) {
            references.add(f.positional().get(0)); // images.go: the argument is a reference filter
        }
        List<ImageService.Stored> images = new ArrayList<>(engine.images().stored());
        if (f.has("all")) {
            images.addAll(engine.images().intermediates()); // image_list.go: a nameless image with a child only with -a
        }
        // dangling: the images no name points at (<none>:<none>, a commit or import without one, an image whose name went to another)
        Boolean danglingOnly = dangling;
        images.removeIf(s -> danglingOnly != null && danglingOnly != s.tag().equals("<none>") || !references.isEmpty() && references.stream().noneMatch(r -> matches(r, s))
                || bounds.stream().anyMatch(b -> !b.test(s)));
        images.sort(Comparator.comparing(ImagesCommand::created).reversed());
        boolean noTrunc = f.has("no-trunc");
        List<String> out = new ArrayList<>();
        if (f.has("quiet")) {
            images.stream().map(s -> id(s, noTrunc)).forEach(out::add); // one line per tag, as 28.2 prints it
            return CommandOutput.ok(out);
        }
        List<ListFormat.Row> rows = new ArrayList<>();
        for (ImageService.Stored s : images) {
            rows.add(row(s, noTrunc, f.has("digests")));
        }
        return CommandOutput.ok(ListFormat.write(f.get("format"), f.has("digests") ? DIGEST_TABLE : DEFAULT_TABLE, header(), rows));
    }

    /** {@code docker rmi [-f] IMAGE...}: each image's records, or the daemon's error for it; status 1 when any failed. */
    CommandOutput remove(String cmd, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false), new Spec("no-prune", (char) 0, false),
                new Spec("platform", (char) 0, true)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage(cmd, "at least 1 argument", "[OPTIONS] IMAGE [IMAGE...]");
        }
        ImageDelete delete = new ImageDelete(engine.images(), engine.containers());
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String image : f.positional()) {
            try {
                out.addAll(delete.delete(image, f.has("force")));
            } catch (EngineException e) {
                out.add("Error response from daemon: " + e.getMessage());
                status = 1;
            }
        }
        return new CommandOutput(status, out);
    }

    /**
     * {@code docker tag SOURCE TARGET}: the client parses both references (client/image_tag.go:
     * ParseAnyReference, ParseNormalizedNamed, no digest in the target), the daemon names the image.
     */
    CommandOutput tag(String cmd, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().size() != 2) {
            return CliErrors.usage(cmd, "exactly 2 arguments", "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]");
        }
        String source = f.positional().get(0);
        String target = f.positional().get(1);
        for (String ref : List.of(source, target)) {
            String invalid = ref == source && ref.matches("(sha256:)?[0-9a-f]{64}") ? null : ImageService.referenceError(ref);
            if (invalid != null) {
                return CommandOutput.fail(1, "Error parsing reference: \"" + ref + "\" is not a valid repository/tag: " + invalid);
            }
        }
        if (target.contains("@")) {
            return CommandOutput.fail(1, "refusing to create a tag with a digest reference");
        }
        String error = engine.images().tag(source, target, Instant.ofEpochMilli(wallMillis));
        return error == null ? CommandOutput.ok(List.of()) : CommandOutput.fail(1, "Error response from daemon: " + error);
    }

    /** moby's reference filter: the pattern matched (path.Match) against the familiar name, with and without its tag. */
    private static boolean matches(String pattern, ImageService.Stored s) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return matcher.matches(Path.of(s.repository())) || matcher.matches(Path.of(s.name()));
    }

    /**
     * An {@code until} value as the daemon reads it (api/types/time.GetTimestamp against its clock):
     * a Go duration before now, an RFC 3339 time or date (UTC), or Unix seconds; null when none.
     */
    private Instant timestamp(String value) {
        if (!value.equals("0")) {
            try {
                return Instant.ofEpochMilli(wallMillis).minusNanos(dev.dockwire.sim.GoDuration.parse(value));
            } catch (IllegalArgumentException notADuration) {
                // a time, below
            }
        }
        try {
            if (value.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return value.matches(".*([zZ]|[+-]\\d{2}:\\d{2})$") ? java.time.OffsetDateTime.parse(value).toInstant()
                    : java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The image's creation time; the zero time for one without a date. */
    private static Instant created(ImageService.Stored s) {
        return s.image().created() == null ? Instant.EPOCH : s.image().created();
    }

    private static String id(ImageService.Stored s, boolean noTrunc) {
        return noTrunc ? s.image().id() : s.image().id().substring("sha256:".length(), "sha256:".length() + 12);
    }

    /** formatter.imageContext's fields. */
    ListFormat.Row row(ImageService.Stored s, boolean noTrunc, boolean digests) {
        ListFormat.Row row = new ListFormat.Row().typed("*formatter.imageContext");
        Instant created = s.image().created();
        row.put("Containers", "N/A");
        row.put("CreatedAt", created == null ? "N/A" : CREATED_AT.format(created));
        row.put("CreatedSince", created == null ? "N/A" : HumanTime.ago((wallMillis - created.toEpochMilli()) * 1_000_000L));
        // imageFormatTaggedAndDigest: a tag's repository digest only with --digests, else <none>
        String digest = digests ? engine.images().repoDigest(s.name()) : null;
        row.put("Digest", digest == null ? "<none>" : digest.substring(digest.indexOf('@') + 1));
        row.put("ID", id(s, noTrunc));
        row.put("Repository", s.repository());
        row.put("SharedSize", "N/A");
        row.put("Size", Units.humanSize(s.image().size()));
        row.put("Tag", s.tag());
        row.put("UniqueSize", "N/A");
        row.put("VirtualSize", Units.humanSize(s.image().size(), 4)); // imageContext.VirtualSize: units.HumanSize
        return row;
    }

    static ListFormat.Row header() {
        return ListFormat.header("Repository", "REPOSITORY", "Tag", "TAG", "Digest", "DIGEST", "ID", "IMAGE ID", "CreatedSince", "CREATED",
                "CreatedAt", "CREATED AT", "Size", "SIZE", "Containers", "CONTAINERS", "SharedSize", "SHARED SIZE",
                "UniqueSize", "UNIQUE SIZE", "VirtualSize", "VIRTUAL SIZE");
    }
}
