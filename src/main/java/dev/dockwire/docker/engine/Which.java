package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code which [-a] NAME...} in a container: where the PATH has each program (BusyBox's debianutils/which.c,
 * Debian's debianutils which script), nothing for a name it lacks (a shell builtin such as {@code cd}
 * included), status 1 when one was missing. A name with a slash is printed when it is there.
 */
public final class Which {
    private Which() {
    }

    /** Whether {@code argv} is a {@code which}. */
    public static boolean handles(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("which");
    }

    /** Runs {@code argv}; {@code path} is where the container's PATH finds a name (null: nowhere). */
    public static CommandOutput run(List<String> argv, Function<String, String> path) {
        List<String> out = new ArrayList<>();
        int status = 0;
        boolean any = false;
        for (String a : argv.subList(1, argv.size())) {
            if (a.equals("-a")) {
                continue; // each program lies in one place here: -a finds the same one
            }
            any = true;
            String p = path.apply(a);
            if (p == null) {
                status = 1;
            } else {
                out.add(p);
            }
        }
        return new CommandOutput(any ? status : 1, out);
    }
}
