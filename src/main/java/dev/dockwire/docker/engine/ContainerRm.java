package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm [-f] [-r] [-v] FILE...} in a container, on its files (an image's file removed is a whiteout in its
 * writable layer, which {@code docker diff} lists as {@code D}), worded as the image's package
 * words it: BusyBox's (coreutils/rm.c and libbb remove_file: {@code rm: can't remove 'X': ...},
 * {@code removed directory: 'X'}) or GNU coreutils' ({@code rm: cannot remove 'X': ...},
 * remove.c's {@code removed directory 'X'}). {@code -f} is quiet about a missing file; a directory
 * is refused without {@code -r} (BusyBox's {@code rm: 'X' is a directory}, coreutils'
 * {@code Is a directory}; coreutils' {@code -d} removes an empty one), with it removed after what
 * it holds, in name order; an image's own directory is whited out ({@link Container#removeDirectory}).
 * {@code rm} without operands is the caller's ({@link #handles}).
 */
public final class ContainerRm {
    /** coreutils' rm (src/rm.c "dfirvIR") and the long options it shares with BusyBox's. */
    private static final ToolCommandLine.Spec RM = new ToolCommandLine.Spec("dfirvIR",
            java.util.Map.of("force", "f", "recursive", "r", "dir", "d", "verbose", "v", "interactive", "interactive::"));
    /** BusyBox's rm (coreutils/rm.c getopt32 "fiRrv"; dockwire reads its long names as coreutils' too). */
    private static final ToolCommandLine.Spec BUSYBOX_RM = new ToolCommandLine.Spec("fiRrvd",
            java.util.Map.of("force", "f", "recursive", "r", "dir", "d", "verbose", "v"));

    private final Container c;
    private final boolean busybox;
    private final boolean force;
    private final boolean verbose;
    private final List<String> errors = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private ContainerRm(Container c, boolean busybox, boolean force, boolean verbose) {
        this.c = c;
        this.busybox = busybox;
        this.force = force;
        this.verbose = verbose;
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
        ToolCommandLine line = ToolCommandLine.parse(busybox, RM, BUSYBOX_RM, argv.subList(1, argv.size()));
        ContainerRm rm = new ContainerRm(c, busybox, line.has("f"), line.has("v"));
        if (line.error() != null) {
            rm.error("rm: " + line.error());
            if (busybox) {
                dev.dockwire.libc.BusyboxUsage.withBanner("rm").forEach(rm::error);
            } else {
                rm.error("Try 'rm --help' for more information.");
            }
            return new CommandOutput(1, rm.lines, rm.errors);
        }
        List<String> operands = line.operands();
        boolean recursive = line.has("r") || line.has("R");
        int status = 0;
        for (String o : operands) {
            String path = o.startsWith("/") ? o : (dir.endsWith("/") ? dir : dir + "/") + o;
            path = java.nio.file.Path.of(path).normalize().toString();
            status |= rm.remove(o, path, recursive, !busybox && line.has("d")) ? 0 : 1;
        }
        return new CommandOutput(status, rm.lines, rm.errors);
    }

    /**
     * unlink(2) of {@code path} in {@code c}, or rmdir(2) of an empty directory (an image's whited out), as
     * {@code find -delete} removes: null when it worked, else the errno's text.
     */
    static String unlink(Container c, String path) {
        String abs = dev.dockwire.libc.LexicalPath.clean(path);
        if (c.layer().symlinkTarget(abs) == null && ImageDirectories.isDirectory(c, abs)) {
            List<String> names = ImageDirectories.names(c, abs);
            if (names != null && !names.isEmpty()) {
                return "Directory not empty";
            }
            return c.removeDirectory(abs, !c.madeDirectory(abs)) ? null : "Read-only file system";
        }
        if (c.writeError(abs) != null) {
            return c.writeError(abs);
        }
        return c.removeFile(abs) ? null : "No such file or directory";
    }

    /** Removes operand {@code o} at {@code path}; false when it printed an error. */
    private boolean remove(String o, String path, boolean recursive, boolean emptyDir) {
        if (c.layer().symlinkTarget(path) != null) { // unlink(2) of the link, not what it leads to
            c.removeFile(path);
            if (verbose) {
                lines.add("removed '" + o + "'");
            }
            return true;
        }
        if (ImageDirectories.isDirectory(c, path)) {
            if (recursive) {
                return removeTree(o, path);
            }
            if (busybox) { // libbb remove_file: its own words, -f or not
                return error("rm: '" + o + "' is a directory");
            }
            List<String> names = ImageDirectories.names(c, path);
            if (!emptyDir) {
                return error("rm: cannot remove '" + o + "': Is a directory");
            }
            return names != null && !names.isEmpty() ? error("rm: cannot remove '" + o + "': Directory not empty") : removeDirectory(o, path);
        }
        String why = null;
        if (c.file(path) == null) {
            why = force ? null : "No such file or directory";
        } else if (c.writeError(path) != null) {
            why = c.writeError(path);
        } else if (!c.removeFile(path)) {
            why = "Permission denied";
        } else if (verbose) {
            lines.add("removed '" + o + "'");
        }
        return why == null || error((busybox ? "rm: can't remove '" : "rm: cannot remove '") + o + "': " + why);
    }

    /** rm -r of directory {@code o} at {@code path}: what it holds in name order, then itself. */
    private boolean removeTree(String o, String path) {
        boolean ok = true;
        List<String> names = ImageDirectories.names(c, path);
        for (String n : names == null ? List.<String>of() : names) {
            String child = path.equals("/") ? "/" + n : path + "/" + n;
            ok &= remove(o.endsWith("/") ? o + n : o + "/" + n, child, true, false);
        }
        return ok && removeDirectory(o, path);
    }

    private boolean removeDirectory(String o, String path) {
        if (!c.removeDirectory(path, !c.madeDirectory(path))) { // not made here: the image's (its root file system, its layers), whited out
            return error((busybox ? "rm: can't remove '" : "rm: cannot remove '") + o + "': Read-only file system");
        }
        if (verbose) {
            lines.add(busybox ? "removed directory: '" + o + "'" : "removed directory '" + o + "'");
        }
        return true;
    }

    private boolean error(String line) {
        lines.add(line);
        errors.add(line);
        return false;
    }
}
