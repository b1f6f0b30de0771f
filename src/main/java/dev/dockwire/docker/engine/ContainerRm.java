package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm [-f] FILE...} in a container, on its files (an image's file removed is a whiteout in its
 * writable layer, which {@code docker diff} lists as {@code D}), worded as the image's package
 * words it: BusyBox's (coreutils/rm.c and libbb remove_file: {@code rm: can't remove 'X': ...}) or
 * GNU coreutils' ({@code rm: cannot remove 'X': ...}). {@code -f} is quiet about a missing file; a
 * directory is refused (BusyBox's {@code rm: 'X' is a directory}, coreutils' {@code Is a directory}): {@code -r} is not modelled, nor {@code rm} without operands
 * (the caller's, {@link #handles}).
 */
public final class ContainerRm {
    private ContainerRm() {
    }

    /** Whether {@code argv} is an {@code rm} this class runs: one naming a file. */
    public static boolean handles(List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return base.equals("rm") && argv.stream().skip(1).anyMatch(a -> !a.startsWith("-") || a.equals("-"));
    }

    /** Runs {@code argv} in {@code c} from directory {@code cwd} (null: the image's WorkingDir), as its image's {@code rm}. */
    public static CommandOutput run(Container c, List<String> argv, String cwd) {
        String provider = Images.provider(c, argv.get(0));
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        String wd = Images.workingDir(c);
        String dir = cwd != null ? cwd : wd.isEmpty() ? "/" : wd;
        List<String> errors = new ArrayList<>();
        boolean force = false;
        List<String> operands = new ArrayList<>();
        boolean options = true;
        for (String a : argv.subList(1, argv.size())) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                force |= a.indexOf('f') > 0;
            } else {
                operands.add(a);
            }
        }
        int status = 0;
        for (String o : operands) {
            String path = o.startsWith("/") ? o : (dir.endsWith("/") ? dir : dir + "/") + o;
            path = java.nio.file.Path.of(path).normalize().toString();
            String why = null;
            if (ImageDirectories.has(c, path) || c.isDirectory(path)) {
                if (busybox) { // libbb remove_file: its own words, -f or not
                    errors.add("rm: '" + o + "' is a directory");
                    status = 1;
                    continue;
                }
                why = "Is a directory";
            } else if (c.file(path) == null) {
                why = force ? null : "No such file or directory";
            } else if (c.writeError(path) != null) {
                why = c.writeError(path);
            } else if (!c.removeFile(path)) {
                why = "Permission denied";
            }
            if (why != null) {
                errors.add((busybox ? "rm: can't remove '" : "rm: cannot remove '") + o + "': " + why);
                status = 1;
            }
        }
        return new CommandOutput(status, errors, errors);
    }
}
