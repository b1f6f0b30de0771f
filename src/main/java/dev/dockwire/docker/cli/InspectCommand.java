package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker inspect [--type T]}, {@code docker container|image|network inspect}: the objects as
 * the engine API returns them ({@link Inspect}, {@link ImageInspect}), as indented JSON or through
 * {@code --format}.
 */
final class InspectCommand {
    /** inspect.go allTypes: what {@code --type} takes. */
    private static final List<String> TYPES = List.of("config", "container", "image", "network", "node", "plugin", "secret", "service",
            "task", "volume");
    private final Engine engine;

    InspectCommand(Engine engine) {
        this.engine = engine;
    }

    private Engine engine() {
        return engine;
    }

    CommandOutput run(List<String> args, String type) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("format", 'f', true), new Spec("type", (char) 0, true),
                new Spec("size", 's', false), new Spec("verbose", 'v', false)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage(type == null ? "inspect" : type + " inspect", "at least 1 argument", type == null ? "[OPTIONS] NAME|ID [NAME|ID...]"
                    : "[OPTIONS] " + type.toUpperCase(java.util.Locale.ROOT) + " [" + type.toUpperCase(java.util.Locale.ROOT) + "...]");
        }
        String wanted = type != null ? type : f.get("type");
        if (type == null && wanted != null && !TYPES.contains(wanted)) {
            // cli/command/system/inspect.go runInspect: the type is judged before the template
            return CommandOutput.fail(1, "unknown type: \"" + wanted + "\": must be one of \"" + String.join("\", \"", TYPES) + "\"");
        }
        boolean format = f.has("format");
        if (format) {
            try {
                GoTemplate.check(f.get("format")); // cli/command/inspect: parsed before any lookup, a StatusError of 64
            } catch (GoTemplate.ParseError e) {
                return CommandOutput.fail(64, "template parsing error: " + e.getMessage());
            }
        }
        List<Object> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Object> order = new ArrayList<>(); // each reference's object or error, in the order given
        List<String> warnings = new ArrayList<>();
        for (String ref : f.positional()) {
            // cli/command/system/inspect.go inspectAll: a container, then an image, a network, a volume of that name.
            Object o = null;
            if (wanted == null || wanted.equals("container")) {
                Container c = engine().findContainer(ref);
                if (c != null) {
                    o = Inspect.container(c, engine(), f.has("size"));
                }
            }
            if (o == null && (wanted == null || wanted.equals("image"))) {
                ImageService.Stored image = engine().images().find(ref);
                if (image != null) {
                    o = format ? ImageInspect.typed(engine().images(), image) : ImageInspect.raw(engine().images(), image);
                }
            }
            if (o == null && (wanted == null || wanted.equals("network"))) {
                Network n = engine().findNetwork(ref);
                if (n != null) {
                    o = Inspect.network(n, engine());
                }
            }
            if (o == null && (wanted == null || wanted.equals("volume"))) {
                try {
                    o = VolumeCommand.inspect(engine().volumes().get(ref), engine().epochMillis());
                } catch (dev.dockwire.docker.EngineException e) {
                    // not a volume either: Error: No such object, or the daemon's 404 with --type volume
                }
            }
            if (o != null && f.has("size") && !has(o, "HostConfig")) {
                // inspectAll: only a container's lookup takes the size; the others say so on stderr as they are found
                warnings.add("WARNING: --size ignored for " + (has(o, "IPAM") ? "network" : has(o, "Mountpoint") ? "volume" : "image"));
            }
            if (o == null) {
                errors.add(notFound(wanted, ref));
                order.add(errors.get(errors.size() - 1));
            } else {
                objects.add(o);
                order.add(o);
            }
        }
        List<String> out = new ArrayList<>(warnings);
        if (format) {
            CommandOutput r = formatted(f.get("format"), order, errors, true);
            out.addAll(r.output());
            List<String> stderr = new ArrayList<>(warnings);
            stderr.addAll(r.errors());
            return new CommandOutput(r.status(), out, stderr);
        } else if (!objects.isEmpty() || errors.isEmpty()) {
            out.addAll(List.of(Json.pretty(objects).split("\n")));
        } else {
            out.add("[]");
        }
        out.addAll(errors);
        List<String> stderr = new ArrayList<>(warnings);
        stderr.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out, stderr);
    }

    private static boolean has(Object o, String field) {
        return o instanceof Map<?, ?> m && m.containsKey(field);
    }

    /**
     * inspect.Inspect with a template (cli/command/inspect/inspector.go): each object's text into
     * the buffer, each failure (a lookup's, a template's as {@code template parsing error: ...})
     * into the errors in the references' order; Flush writes an empty line when nothing rendered. Without
     * {@code rawFallback} (a volume: its getRef returns no raw JSON) the typed run's error is the one reported.
     */
    static CommandOutput formatted(String template, List<Object> order, List<String> lookupErrors, boolean rawFallback) {
        StringBuilder buffer = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof String error && lookupErrors.contains(error)) {
                errors.add(error);
                continue;
            }
            try {
                buffer.append(rawFallback ? GoTemplate.renderInspect(template, o) : GoTemplate.render(template, o)).append('\n');
            } catch (GoTemplate.ExecError e) {
                errors.add("template parsing error: " + e.getMessage());
            }
        }
        List<String> out = new ArrayList<>(List.of((buffer.length() == 0 ? "\n" : buffer.toString()).split("\n", -1)));
        out.remove(out.size() - 1);
        out.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out, errors);
    }

    /**
     * What the 28.2 client prints for {@code ref} not found: without a type, its own {@code Error: No
     * such object}; a container's, an image's or a network's lookup is the daemon's 404 (moby daemon/errors.go,
     * daemon/images/image.go ErrImageDoesNotExist: the reference with its tag; libnetwork/error.go ErrNoSuchNetwork).
     */
    private static String notFound(String wanted, String ref) {
        if (wanted == null) {
            return "Error: No such object: " + ref;
        }
        return switch (wanted) {
            case "container" -> "Error response from daemon: No such container: " + ref;
            case "image" -> "Error response from daemon: No such image: " + ImageService.familiar(ref);
            case "network" -> "Error response from daemon: network " + ref + " not found"; // libnetwork ErrNoSuchNetwork
            case "volume" -> "Error response from daemon: get " + ref + ": no such volume"; // volume/service/store.go Get
            default -> "Error: No such " + wanted + ": " + ref;
        };
    }
}
