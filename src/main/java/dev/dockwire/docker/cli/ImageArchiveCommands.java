package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.HostFiles;
import dev.dockwire.docker.TarFormat;
import dev.dockwire.docker.engine.ImageArchive;
import dev.dockwire.docker.engine.ImageService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker save}, {@code load}, {@code export} and {@code import} as the docker 28.2 client
 * runs them (cli/command/image/save.go, load.go, import.go, cli/command/container/export.go) over
 * the daemon's {@link ImageArchive}. An archive is written to, or read from, the host's files (the
 * host shell's overlay, never the disk: {@link CliEnv#hostFiles}), a byte a character, or to
 * standard output and from standard input ({@code > FILE}, {@code < FILE}, a pipe); to a terminal
 * the client refuses ({@code cowardly refusing to save to a terminal...}).
 */
final class ImageArchiveCommands {
    private static final String COWARDLY = "cowardly refusing to save to a terminal. Use the -o flag or redirect";
    private final CliEnv host;
    private final ImageArchive daemon;
    private final List<String> stdin;
    private final long wallMillis;

    /** {@code stdin}: what was piped to the client, or null. */
    ImageArchiveCommands(CliEnv host, List<String> stdin, long wallMillis) {
        this.host = host;
        this.daemon = new ImageArchive(host.engine());
        this.stdin = stdin;
        this.wallMillis = wallMillis;
    }

    /** {@code docker PATH ARGS...}: {@code path} is {@code save}, {@code image load}, {@code container export}, ... */
    CommandOutput run(String path, List<String> args) {
        return switch (path.substring(path.lastIndexOf(' ') + 1)) {
            case "save" -> save(path, args);
            case "load" -> load(path, args);
            case "export" -> export(path, args);
            default -> importImage(path, args);
        };
    }

    /**
     * Why {@code -o output} (null or empty: stdout) cannot take an archive: stdout is the terminal
     * (the client's "cowardly refusing"), or the file cannot be written; null when it can.
     */
    private CommandOutput refused(String output, String failed) {
        if (output == null || output.isEmpty()) {
            return host.stdoutIsTerminal() ? CommandOutput.fail(1, COWARDLY) : null;
        }
        String invalid = invalidOutput(output);
        return invalid == null ? null : CommandOutput.fail(1, failed + invalid);
    }

    /** {@code docker [image] save [-o FILE] IMAGE...}. */
    CommandOutput save(String path, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("output", 'o', true), new Spec("platform", (char) 0, true)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage(path, "at least 1 argument", "[OPTIONS] IMAGE [IMAGE...]");
        }
        String output = f.get("output");
        CommandOutput refused = refused(output, "failed to save image: ");
        if (refused != null) {
            return refused;
        }
        try {
            return written(output, daemon.save(f.positional(), wallMillis / 1000));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    /** {@code docker [container] export [-o FILE] CONTAINER}. */
    CommandOutput export(String path, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("output", 'o', true)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage(path, "exactly 1 argument", "[OPTIONS] CONTAINER");
        }
        String output = f.get("output");
        CommandOutput refused = refused(output, "failed to export container: ");
        if (refused != null) {
            return refused;
        }
        try {
            return written(output, daemon.export(f.positional().get(0), wallMillis / 1000));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    /** {@code docker [image] load [-i FILE] [-q]}: {@code Loaded image: NAME:TAG} for each name. */
    CommandOutput load(String path, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("input", 'i', true), new Spec("platform", (char) 0, true),
                new Spec("quiet", 'q', false)), true);
        if (!f.positional().isEmpty()) {
            return CommandOutput.error(1, List.of("docker: 'docker " + path + "' accepts no arguments", "", DockerHelp.usageLine(path), "",
                    "Run 'docker " + path + " --help' for more information"));
        }
        byte[] archive;
        String input = f.get("input");
        if (input != null && !input.isEmpty()) {
            archive = read(input);
            if (archive == null) {
                return CommandOutput.fail(1, "open " + input + ": no such file or directory");
            }
        } else if (stdin == null && host.stdinIsTerminal()) {
            return CommandOutput.fail(1, "requested load from stdin, but stdin is empty");
        } else {
            archive = TarFormat.fromText(stdin == null ? "" : String.join("\n", stdin));
        }
        try {
            // load.go: off a terminal the client asks the daemon to be quiet; at one it renders the layers' progress.
            List<ImageArchive.LoadedLayer> layers = f.has("quiet") || !host.stdoutIsTerminal() ? null : new ArrayList<>();
            List<String> loaded = daemon.load(archive, layers);
            if (layers == null || layers.isEmpty()) {
                return CommandOutput.ok(loaded);
            }
            List<String> out = new ArrayList<>();
            for (ImageArchive.LoadedLayer l : layers) {
                out.add(l.shortId() + ": Loading layer " + progress(l.size(), l.size(), host.terminalSize()[1]));
            }
            out.addAll(loaded);
            return CommandOutput.ok(out);
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        } catch (ImageArchive.StreamError e) {
            return CommandOutput.fail(1, e.getMessage());
        }
    }

    /**
     * jsonmessage's JSONProgress.String for a byte count: the bar only on a terminal wider than 110
     * columns, then {@code %8v/%v} of go-units HumanSize (four significant digits).
     */
    static String progress(long current, long total, int width) {
        int percentage = Math.min(50, (int) (current * 100.0 / total) / 2);
        String bar = width > 110 ? "[" + "=".repeat(percentage) + ">" + " ".repeat(50 - percentage) + "] " : "";
        return bar + String.format("%8s/%s", Units.humanSize(current, 4), Units.humanSize(total, 4));
    }

    /** {@code docker [image] import [-c CHANGE]... [-m MESSAGE] file|URL|- [REPOSITORY[:TAG]]}: prints the image's ID. */
    CommandOutput importImage(String path, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("change", 'c', true), new Spec("message", 'm', true),
                new Spec("platform", (char) 0, true)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage(path, "at least 1 argument", "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]");
        }
        String source = f.positional().get(0);
        byte[] archive;
        if (source.equals("-")) {
            archive = TarFormat.fromText(stdin == null ? "" : String.join("\n", stdin));
        } else if (source.matches("https?://.*")) {
            return CommandOutput.fail(1, "dockwire: docker import from a URL is not modelled: the emulated host reaches no web server for it");
        } else {
            archive = read(source);
            if (archive == null) {
                return CommandOutput.fail(1, "open " + source + ": no such file or directory");
            }
        }
        String name = f.positional().size() > 1 && !f.positional().get(1).isEmpty() ? f.positional().get(1) : null;
        if (name != null && ImageService.referenceError(name) != null) {
            return CommandOutput.fail(1, ImageService.referenceError(name));
        }
        List<String> changes = new ArrayList<>(f.all("change"));
        try {
            return CommandOutput.ok(List.of(daemon.importImage(archive, name, f.get("message"), c -> CommitChanges.apply(c, changes),
                    Instant.ofEpochMilli(wallMillis))));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    /** The archive written to {@code output} (null: to standard output, as one line the shell's redirection ends with a newline). */
    private CommandOutput written(String output, byte[] archive) {
        if (output == null || output.isEmpty()) {
            return CommandOutput.ok(List.of(TarFormat.asText(archive)));
        }
        host.hostFiles().write(local(output), TarFormat.asText(archive), false);
        return CommandOutput.ok(List.of());
    }

    /** The file's bytes from the host's files, or null when there is none. */
    private byte[] read(String path) {
        String abs = local(path);
        HostFiles files = host.hostFiles();
        String text = files.exists(abs) && !files.isDirectory(abs) ? files.read(abs) : null;
        return text == null ? null : TarFormat.fromText(text);
    }

    /**
     * command.ValidateOutputPath as 28.2 words it: the directory must exist ({@code invalid output
     * path: stat DIR: no such file or directory}) and the path must be no directory.
     */
    private String invalidOutput(String output) {
        String abs = local(output);
        HostFiles files = host.hostFiles();
        int slash = output.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : output.substring(0, slash);
        String absDir = ArchiveCopy.dir(ArchiveCopy.clean(abs));
        if (!files.exists(absDir)) {
            return "invalid output path: stat " + dir + ": no such file or directory";
        }
        if (files.isDirectory(abs)) {
            return "cannot write to a directory";
        }
        return null;
    }

    /** A path as the client names it: absolute against its working directory. */
    private String local(String path) {
        return ArchiveCopy.clean(path.startsWith("/") ? path : host.workingDirectory() + "/" + path);
    }
}
