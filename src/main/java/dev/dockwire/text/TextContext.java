package dev.dockwire.text;

import java.util.List;

/**
 * Where a tool runs: the files it may read and write, whose texts it prints, how it runs
 * other commands ({@code xargs}), and the pipe its output goes into ({@code seq} stops when it breaks).
 */
public record TextContext(TextFiles files, Flavour flavour, Commands commands, Pipe out) {
    /** A tool whose output is read to the end. */
    public TextContext(TextFiles files, Flavour flavour, Commands commands) {
        this(files, flavour, commands, Pipe.open());
    }

    /** Runs a command line given as words, as the calling shell would; stdin may be null. */
    @FunctionalInterface
    public interface Commands {
        TextResult run(List<String> argv, List<String> stdin);
    }

    /**
     * A usage error as the flavour prints it: GNU adds {@code Try 'TOOL --help' for more information.}
     * (coreutils' usage(EXIT_FAILURE)); BusyBox prints the message alone.
     */
    public TextResult usage(String tool, int status, String message) {
        return flavour == Flavour.GNU
                ? TextResult.fail(status, tool + ": " + message, "Try '" + tool + " --help' for more information.")
                : TextResult.fail(status, tool + ": " + message);
    }

    /** A file operand that does not exist: {@code TOOL: FILE: No such file or directory} (BusyBox: can't open 'FILE'). */
    public String missing(String tool, String path) {
        return flavour == Flavour.GNU ? tool + ": " + path + ": No such file or directory"
                : tool + ": can't open '" + path + "': No such file or directory";
    }
}
