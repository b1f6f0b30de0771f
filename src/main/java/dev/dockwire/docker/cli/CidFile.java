package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.HostFiles;
import java.util.List;

/**
 * {@code docker run}/{@code create --cidfile FILE} as docker/cli's container/create.go newCIDFile: a
 * FILE already there is refused before anything is asked of the daemon, a FILE that cannot be made
 * too (its {@code open} error, status 127 as toStatusError makes of "no such file or directory"), and
 * the new container's id is written to it, without a newline, once the daemon created it. The client
 * makes the file empty first and removes it when no id was written; dockwire writes it once, after
 * the create, which leaves the same file behind.
 */
final class CidFile {
    /** The client's refusal: what it prints and its status. */
    static final class Refused extends RuntimeException {
        final transient CommandOutput output;

        Refused(CommandOutput output) {
            super(output.output().get(0));
            this.output = output;
        }
    }

    private final HostFiles files;
    private final String path;

    private CidFile(HostFiles files, String path) {
        this.files = files;
        this.path = path;
    }

    /** The file {@code given} names (relative to the client's directory), checked; null for none. */
    static CidFile open(CliEnv host, String given, String command) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        String path = host.workingDirectory().resolve(given).normalize().toString();
        HostFiles files = host.hostFiles();
        if (files.exists(path)) {
            throw refused(125, "container ID file found, make sure the other container isn't running or delete " + given, command);
        }
        String parent = java.nio.file.Path.of(path).getParent() == null ? "/" : java.nio.file.Path.of(path).getParent().toString();
        if (!files.isDirectory(parent)) {
            throw refused(127, "failed to create the container ID file: open " + given + ": "
                    + (files.exists(parent) ? "not a directory" : "no such file or directory"), command);
        }
        return new CidFile(files, path);
    }

    private static Refused refused(int status, String why, String command) {
        return new Refused(new CommandOutput(status, List.of("docker: " + why, "", "Run 'docker " + command + " --help' for more information")));
    }

    /** The created container's id, as cidFile.Write writes it. */
    void write(String id) {
        files.write(path, id, false);
    }
}
