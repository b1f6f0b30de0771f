package dev.dockwire.docker.engine;

import java.util.List;

/**
 * The command lines a container's {@code find -exec} asked for ({@link FindCommand#execs}) as the script of the
 * {@code sh -c} that runs them one after another once the walk is done: each argument single-quoted, so the names
 * reach the command as find's execvp(3) hands them over. findutils' and BusyBox's find keep their status through
 * {@code -exec ... ;} commands that fail, but exit 1 when an {@code -exec ... +} command does (find's ran already:
 * {@code status}).
 */
final class FindExec {
    private FindExec() {
    }

    /** The script running {@code find}'s commands and exiting with find's status. */
    static String script(FindCommand find, int status) {
        StringBuilder sb = new StringBuilder("s=" + status + "\n");
        for (List<String> argv : find.execs()) {
            StringBuilder line = new StringBuilder();
            for (String a : argv) {
                line.append(line.length() == 0 ? "" : " ").append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
            sb.append(line).append(find.plusFails() ? " || s=1\n" : "\n");
        }
        return sb.append("exit $s").toString();
    }
}
