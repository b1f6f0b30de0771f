package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import java.util.List;

/**
 * {@code -it} and the terminal (docker/cli's cli/streams/in.go, CheckTty): attaching standard
 * input to a pseudo-TTY needs the client's input to be a terminal, else {@code the input device is
 * not a TTY}, status 1, whatever the command (a script's {@code docker exec -it CTR sh -c '...'}
 * fails as on a real host). At a terminal, an interactive shell ({@link #interactiveShell}) opens
 * a prompt inside the container; any other command runs as without {@code -t}.
 */
public final class TtyCheck {
    static final CommandOutput NOT_A_TTY = CommandOutput.fail(1, "the input device is not a TTY");

    private TtyCheck() {
    }

    /** Whether {@code argv} starts an interactive shell: {@code sh}, {@code ash}, {@code bash} or {@code dash} (by path too), with no command or script. */
    public static boolean interactiveShell(List<String> argv) {
        if (argv.isEmpty() || argv.stream().skip(1).anyMatch(a -> !a.startsWith("-") || a.contains("c"))) {
            return false;
        }
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return List.of("sh", "ash", "bash", "dash").contains(name);
    }
}
