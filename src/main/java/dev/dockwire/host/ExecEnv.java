package dev.dockwire.host;

import dev.dockwire.docker.engine.Exec;
import dev.dockwire.proc.JobControl;
import dev.dockwire.text.Flavour;
import dev.dockwire.tools.CommandResult;
import java.util.List;

/**
 * Where a program is exec'd: the host or a container, as the process sees it (its files, its
 * working directory, its environment, the programs on its PATH). {@link Execvp} runs an argv here.
 */
public interface ExecEnv extends Exec.Files {
    /** Runs a non-builtin command; {@code stdin} is the previous pipeline stage's output or null. */
    CommandResult exec(List<String> argv, List<String> stdin);

    /**
     * As {@link #exec(List, List)}, told whether the command's standard output is the terminal
     * (isatty(1): the last stage of a pipeline, not redirected, not inside {@code $( )}), which
     * {@code ls} lays out in columns.
     */
    default CommandResult exec(List<String> argv, List<String> stdin, boolean terminal) {
        return exec(argv, stdin);
    }

    /**
     * As {@link #exec(List, List, boolean)}, told too whether its standard error is the terminal
     * (isatty(2): not redirected to a file, nor by {@code 2>&1} where stdout is no terminal).
     */
    default CommandResult exec(List<String> argv, List<String> stdin, boolean terminal, boolean stderrTerminal) {
        return exec(argv, stdin, terminal);
    }

    /** Whether {@code path} is a directory here ({@code cat DIR}: {@code Is a directory}). */
    default boolean isDirectory(String path) {
        return false;
    }

    /** Why open(2) of {@code path} for reading fails for the process here ({@code Permission denied}), or null. */
    default String readError(String path) {
        return null;
    }

    /** The regular files under directory {@code path}, relative to it and sorted ({@code grep -r}); null when it is none. */
    default List<String> walk(String path) {
        return null;
    }

    /** The working directory ({@code pwd}). */
    default String currentDirectory() {
        return "/";
    }

    /** Whose texts the text tools print here: GNU's on the host, BusyBox's in a container by default. */
    default Flavour textFlavour() {
        return Flavour.BUSYBOX;
    }

    /** The terminal's job control when a command's output may stream to it; null where it never does. */
    default JobControl jobControl() {
        return null;
    }
}
