package dev.dockwire.host;

import dev.dockwire.docker.Container;
import dev.dockwire.tools.CommandResult;

/**
 * A shell the host's terminal has open on top of its own prompt ({@link InteractiveShell}): one
 * inside a container ({@link ContainerShell}: {@code docker exec -it C sh}) or a nested one on the
 * host itself ({@link NestedHostShell}: {@code bash} or {@code sh} typed at the prompt).
 */
interface OpenShell {
    /** Its prompt (PS1 as it expands it). */
    String prompt();

    /** Runs a line typed at it. */
    CommandResult run(String line);

    /** Whether the last line ended the shell ({@code exit}, {@code exec CMD}, {@code set -e}). */
    boolean exited();

    /** Whether that was bash's {@code exit} builtin, which an interactive bash announces with {@code exit} on stderr (exit.def). */
    boolean saysExit();

    /** {@code $?}: what {@code exit} without a number and Ctrl-D end it with. */
    int lastStatus();

    /** Whether it is bash, which says {@code exit} when it leaves on Ctrl-D or a typed {@code exit}. */
    boolean bash();

    /** The container it runs in, or null for a shell on the host. */
    Container container();

    /** A shell it opened (a nested one's {@code docker exec -it}) ended with {@code status}: its {@code $?}. */
    default void status(int status) {
    }

    /** It has ended: what it changed of the host's terminal session is the shell's below again. */
    default void closed() {
    }
}
