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

    /** Why a redirection cannot open {@code path} for writing, as this place's shell says it. */
    default String cannotCreate(String path) {
        return shellName() + ": can't create " + path + ": nonexistent directory";
    }

    /** The shell's name in error messages: {@code sh} in containers, {@code bash} on the host. */
    String shellName();

    /** {@code export NAME=value} (value null: {@code unset NAME}): the variable reaches the place's commands. */
    default void export(String name, String value) {
    }

    /**
     * {@code cd DIR}: the place's working directory becomes DIR (null: the home directory);
     * returns null, or why not as the shell words it after {@code cd: } ({@code X: No such file or directory}).
     */
    default String changeDirectory(String dir) {
        return dir == null || dir.equals("/") ? null : dir + ": No such file or directory";
    }

    /** {@code pwd}: the working directory. */
    default String currentDirectory() {
        return "/";
    }

    /**
     * {@code COMMAND &} where the shell has no job control of its own (a container's line run by
     * this shell): by default it runs in the foreground, which keeps the transcript in order.
     */
    default CommandResult spawn(List<String> argv) {
        return exec(argv, null);
    }

    /** Whose texts the text tools print here: GNU's on the host, BusyBox's in a container by default. */
    default Flavour textFlavour() {
        return Flavour.BUSYBOX;
    }

    /** The clock's time in nanoseconds, which {@code time PIPELINE} reads before and after (0: none here). */
    default long nanos() {
        return 0;
    }

    /** The terminal's job control when a command's output may stream to it; null where it never does. */
    default JobControl jobControl() {
        return null;
    }
}
