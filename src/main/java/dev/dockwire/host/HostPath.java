package dev.dockwire.host;

import dev.dockwire.text.TextContext;
import dev.dockwire.text.TextResult;
import java.util.List;
import java.util.Set;

/**
 * The host's PATH as execvp(3) searches it: which names a shell finds ({@link HostCommands#provider}:
 * the rest are its own {@code not found}), why exec of one fails (ENOENT, EACCES: xargs names it,
 * 127/126), and how xargs runs what it finds ({@code sh -c} a child {@link HostSh}).
 */
final class HostPath {
    /** The names the host's exec and {@link Execvp} run besides those {@link DockerHost#knows} lists. */
    private static final Set<String> OTHERS = Set.of("tar", "help", "jobs", "wait", "fg", "bg", "disown", "time",
            "echo", "printf", "true", "false", ":", "pwd", "cat", "yes", "grep", "egrep", "head", "tail", "wc", "sort", "seq");

    private HostPath() {
    }

    /** Whether a shell's execvp finds {@code name} on {@code host}; a path the table runs or refuses itself. */
    static boolean onPath(DockerHost host, String name) {
        return name.contains("/") || host.knows(name) || OTHERS.contains(name);
    }

    /**
     * Why execvp(3) of {@code name} fails on {@code host}, as strerror says it: ENOENT for a name off
     * the PATH or a path to nothing, EACCES for a directory or a file without an x bit; null when it runs.
     */
    static String execvpError(DockerHost host, String name) {
        if (!name.contains("/")) {
            return onPath(host, name) ? null : HostFileSystem.Errno.ENOENT.text;
        }
        HostFileSystem.Stat s = host.fileSystem().stat(name);
        if (s == null) {
            return HostFileSystem.Errno.ENOENT.text;
        }
        return s.directory() || (s.mode() & 0111) == 0 ? "Permission denied" : null;
    }

    /** How the host's xargs runs a command: {@code sh -c} a child process (its exit, cd and variables its own), else {@link Execvp}. */
    static TextContext.Commands commands(DockerHost host) {
        return new TextContext.Commands() {
            @Override
            public TextResult run(List<String> words, List<String> in) {
                var r = DockerHost.SHELLS.contains(words.get(0)) ? HostSh.exec(host, words.get(0), words.subList(1, words.size()), in) : null;
                r = r != null ? r : new Execvp(host).run(words, in);
                return new TextResult(r.status(), r.output(), r.errors());
            }

            @Override
            public String execError(String command) {
                return execvpError(host, command);
            }
        };
    }
}
