package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker context ls|show|inspect|use|rm} as the docker 28.2 client answers them on a host
 * whose client has no context store of its own (cli/command/context: list.go, show.go,
 * inspect.go, use.go, remove.go): the one context is {@code default}, the client's view of
 * {@code DOCKER_HOST}, here the emulated daemon's {@code unix:///var/run/docker.sock}. Another name
 * is not found in root's store ({@code /root/.docker/contexts/meta/SHA256(NAME)/meta.json}, the
 * file store's path, cli/context/store/metadatastore.go); {@code create}, {@code update},
 * {@code export} and {@code import} are not modelled. Texts recorded from the 28.2.2 client.
 */
final class ContextCommand {
    private static final String ENDPOINT = "unix:///var/run/docker.sock";
    private static final String DESCRIPTION = "Current DOCKER_HOST based configuration";
    /** docker/cli's defaultContextListTableFormat (cli/command/context/list.go, formatter). */
    private static final String TABLE = "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}";

    private ContextCommand() {
    }

    static CommandOutput run(List<String> args) {
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "ls", "list" -> ls(rest);
            case "show" -> show(rest);
            case "inspect" -> inspect(rest);
            case "use" -> use(rest);
            case "rm", "remove" -> rm(rest);
            default -> CommandOutput.error(1, List.of("docker: unknown command: docker context " + sub, "", "Usage:  docker context",
                    "", "Run 'docker context --help' for more information"));
        };
    }

    private static CommandOutput ls(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("format", (char) 0, true), new CliFlags.Spec("quiet", 'q', false)), true);
        if (!f.positional().isEmpty()) {
            return noArguments("ls", "ls [OPTIONS]");
        }
        if (f.has("quiet")) {
            return CommandOutput.ok(List.of("default"));
        }
        ListFormat.Row row = new ListFormat.Row().typed("*formatter.clientContextContext");
        row.put("Name", "default");
        row.put("Current", true);
        row.put("Description", DESCRIPTION);
        row.put("DockerEndpoint", ENDPOINT);
        row.put("Error", "");
        ListFormat.Row header = new ListFormat.Row();
        header.put("Name", "NAME");
        header.put("Description", "DESCRIPTION");
        header.put("DockerEndpoint", "DOCKER ENDPOINT");
        header.put("Error", "ERROR");
        try {
            return CommandOutput.ok(ListFormat.write(f.get("format"), TABLE, header, List.of(row)));
        } catch (IllegalArgumentException e) {
            return CommandOutput.fail(1, "template parsing error: " + e.getMessage());
        }
    }

    private static CommandOutput show(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        return f.positional().isEmpty() ? CommandOutput.ok(List.of("default")) : noArguments("show", "show");
    }

    /** The default context as {@code docker context inspect} shows it (its metadata held in memory, not in the store). */
    private static Map<String, Object> defaultContext() {
        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("Host", ENDPOINT);
        docker.put("SkipTLSVerify", false);
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("MetadataPath", "<IN MEMORY>");
        storage.put("TLSPath", "<IN MEMORY>");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Name", "default");
        c.put("Metadata", Map.of());
        c.put("Endpoints", Map.of("docker", docker));
        c.put("TLSMaterial", Map.of());
        c.put("Storage", storage);
        return c;
    }

    private static CommandOutput inspect(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("format", 'f', true)), true);
        List<String> names = f.positional().isEmpty() ? List.of("default") : f.positional();
        List<Object> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            if (name.equals("default")) {
                found.add(defaultContext());
            } else {
                errors.add(notFound(name));
            }
        }
        String format = f.get("format");
        List<String> out = new ArrayList<>();
        if (format != null && !format.isEmpty() && !format.equals("json")) {
            try {
                for (Object o : found) {
                    out.addAll(List.of(GoTemplate.render(GoTemplate.preFormat(format), o).split("\n", -1)));
                }
            } catch (IllegalArgumentException e) {
                return CommandOutput.fail(1, "template parsing error: " + e.getMessage());
            }
        } else if ("json".equals(format)) {
            out.add(Json.escapeHtml(Json.compact(found)));
        } else {
            out.addAll(List.of(Json.escapeHtml(Json.pretty(found)).split("\n")));
        }
        out.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out, errors);
    }

    private static CommandOutput use(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().size() != 1) {
            return CommandOutput.fail(1, "accepts 1 arg(s), received " + f.positional().size());
        }
        String name = f.positional().get(0);
        if (!name.equals("default")) {
            return CommandOutput.fail(1, notFound(name));
        }
        String said = "Current context is now \"default\"";
        return new CommandOutput(0, List.of("default", said), List.of(said));
    }

    private static CommandOutput rm(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("force", 'f', false)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("context rm", "at least 1 argument", "CONTEXT [CONTEXT...]");
        }
        // remove.go: each name removed or its error kept; --force removes a missing one quietly; the errors joined last.
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : f.positional()) {
            if (name.equals("default")) {
                errors.add("context \"default\" cannot be removed");
            } else if (f.has("force")) {
                out.add(name);
            } else {
                errors.add("context \"" + name + "\" does not exist");
            }
        }
        out.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out, errors);
    }

    /** The file store's error for a context it does not hold (store.go's notFound over metadatastore's open). */
    private static String notFound(String name) {
        return "context \"" + name + "\": context not found: open /root/.docker/contexts/meta/" + sha256(name)
                + "/meta.json: no such file or directory";
    }

    private static CommandOutput noArguments(String sub, String usage) {
        return CommandOutput.error(1, List.of("docker: 'docker context " + sub + "' accepts no arguments", "",
                "Usage:  docker context " + usage, "", "Run 'docker context " + sub + " --help' for more information"));
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
