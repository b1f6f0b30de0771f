package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.libc.BusyboxUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mkdir [-p] [-v] [-m MODE] DIR...} and {@code rmdir [-p] [-v] DIR...} in a container, on its
 * writable layer ({@link Container#mkdir}), worded as the image's package words them: BusyBox's
 * (coreutils/mkdir.c over libbb's bb_make_directory: {@code mkdir: can't create directory 'x': File
 * exists}, {@code -p}'s parents named with their slash, {@code created directory: 'x'}; rmdir.c:
 * {@code rmdir: 'x': Directory not empty}) or GNU coreutils 9.1's in the place's locale (mkdir.c,
 * rmdir.c: {@code mkdir: cannot create directory 'x': File exists}, {@code rmdir: failed to remove
 * 'x': ...}). A directory is made by the process's user with mode 0755 (umask 022), or {@code -m}'s
 * octal mode. The errno comes as mkdir(2)/rmdir(2) give it: the parent's lookup first (ENOENT,
 * ENOTDIR), then EEXIST, then the permission to write the parent ({@link FileAccess}).
 */
public final class ContainerDirs {
    /** coreutils' mkdir (src/mkdir.c shortopts "pm:vZ", SELinux's -Z aside) and its long options. */
    private static final ToolCommandLine.Spec MKDIR = new ToolCommandLine.Spec("pm:v",
            Map.of("mode", "m:", "parents", "p", "verbose", "v"));
    /** BusyBox's mkdir (coreutils/mkdir.c getopt32long "m:pv"). */
    private static final ToolCommandLine.Spec BUSYBOX_MKDIR = new ToolCommandLine.Spec("m:pv",
            Map.of("mode", "m:", "parents", "p", "verbose", "v"));
    /** rmdir in both packages ("pv", and --ignore-fail-on-non-empty with no letter). */
    private static final ToolCommandLine.Spec RMDIR = new ToolCommandLine.Spec("pv",
            Map.of("parents", "p", "verbose", "v", "ignore-fail-on-non-empty", "ignore-fail-on-non-empty"));

    private final Container c;
    private final boolean busybox;
    private final Cred who;
    private final String cwd;
    private final boolean utf8;
    private final List<String> out = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ContainerDirs(Container c, boolean busybox, Cred who, String cwd, boolean utf8) {
        this.c = c;
        this.busybox = busybox;
        this.who = who;
        this.cwd = cwd;
        this.utf8 = utf8;
    }

    /** Whether {@code argv} is a {@code mkdir} or {@code rmdir} this class runs. */
    public static boolean handles(List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return base.equals("mkdir") || base.equals("rmdir");
    }

    /**
     * Runs {@code argv} in {@code c} as {@code who} with environment {@code env} (its PWD, else the
     * image's WorkingDir; its locale for coreutils' quotes) at {@code nanos} of the virtual clock.
     */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, Cred who, long nanos) {
        String provider = Images.provider(c, argv.get(0));
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        String wd = Images.workingDir(c);
        String cwd = env.get("PWD") != null ? env.get("PWD") : wd.isEmpty() ? "/" : wd;
        ContainerDirs d = new ContainerDirs(c, busybox, who, cwd, dev.dockwire.libc.Locale.utf8(env::get));
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        int status = d.run(base, argv.subList(1, argv.size()), nanos);
        List<String> lines = new ArrayList<>(d.out);
        return new CommandOutput(status, lines, d.errors);
    }

    private int run(String tool, List<String> args, long nanos) {
        ToolCommandLine line = ToolCommandLine.parse(busybox, tool.equals("mkdir") ? MKDIR : RMDIR,
                tool.equals("mkdir") ? BUSYBOX_MKDIR : RMDIR, args);
        if (line.error() != null) {
            return refused(tool, line.error());
        }
        List<String> operands = line.operands();
        String mode = line.given().get("m");
        if (operands.isEmpty()) {
            if (busybox) {
                errors.addAll(BusyboxUsage.withBanner(tool));
                out.addAll(errors);
                return 1;
            }
            return error(tool + ": missing operand", "Try '" + tool + " --help' for more information.");
        }
        int perm = 0755;
        if (mode != null) {
            perm = dev.dockwire.app.sh.FileModes.parse(mode, 0777); // both apply -m to 0777, past the umask
            if (perm < 0) {
                return error(tool + ": invalid mode '" + mode + "'");
            }
        }
        int status = 0;
        for (String o : operands) {
            boolean ok = tool.equals("mkdir") ? mkdir(o, line.has("p"), line.has("v"), perm, nanos)
                    : rmdir(o, line.has("p"), line.has("v"), line.has("ignore-fail-on-non-empty"));
            status |= ok ? 0 : 1;
        }
        return status;
    }

    /** mkdir of one operand (with {@code parents}, each missing directory above it first, 0755). */
    private boolean mkdir(String operand, boolean parents, boolean verbose, int perm, long nanos) {
        List<String> steps = new ArrayList<>();
        if (parents) {
            for (int slash = operand.indexOf('/', 1); slash > 0; slash = operand.indexOf('/', slash + 1)) {
                if (operand.charAt(slash - 1) != '/' && slash < operand.length() - 1) {
                    steps.add(busybox ? operand.substring(0, slash + 1) : operand.substring(0, slash)); // libbb names a parent with its slash
                }
            }
        }
        steps.add(operand);
        for (int s = 0; s < steps.size(); s++) {
            String step = steps.get(s);
            boolean last = s == steps.size() - 1;
            String abs = absolute(step);
            String why = null;
            if (directory(abs)) {
                if (parents) {
                    continue; // -p: an existing directory is no error
                }
                why = "File exists";
            } else if (c.file(abs) != null) {
                why = parents && !last ? "Not a directory" : "File exists";
            } else {
                why = parentError(abs);
            }
            if (why == null) {
                why = writeError(abs);
            }
            if (why == null && !c.mkdir(abs, who.uid(), who.gid(), last ? perm : 0755, nanos)) {
                why = "Read-only file system";
            }
            if (why != null) {
                error(busybox ? "mkdir: can't create directory '" + step + "': " + why
                        : "mkdir: cannot create directory " + quote(step) + ": " + why);
                return false;
            }
            if (verbose) {
                out.add(busybox ? "created directory: '" + step + "'" : "mkdir: created directory " + quote(step));
            }
        }
        return true;
    }

    /** rmdir of one operand (with {@code parents}, then each directory its path names above it). */
    private boolean rmdir(String operand, boolean parents, boolean verbose, boolean ignoreNonEmpty) {
        String path = operand;
        while (true) {
            String trimmed = path.length() > 1 ? path.replaceAll("/+$", "") : path;
            String abs = absolute(trimmed);
            String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (verbose) {
                out.add("rmdir: removing directory, " + (busybox ? "'" + path + "'" : quote(path)));
            }
            String why;
            if (base.equals(".")) {
                why = "Invalid argument";
            } else if (!directory(abs)) {
                why = c.file(abs) != null ? "Not a directory" : parentError(abs) != null ? parentError(abs) : "No such file or directory";
            } else if (!empty(abs) || base.equals("..")) {
                if (ignoreNonEmpty) {
                    return true;
                }
                why = "Directory not empty";
            } else {
                why = writeError(abs);
            }
            if (why == null && !c.removeDirectory(abs, !c.madeDirectory(abs))) { // not made here: the image's, whited out
                why = "Read-only file system";
            }
            if (why != null) {
                error(busybox ? "rmdir: '" + path + "': " + why : "rmdir: failed to remove " + quote(path) + ": " + why);
                return false;
            }
            int slash = trimmed.lastIndexOf('/');
            if (!parents || slash <= 0) {
                return true;
            }
            path = trimmed.substring(0, slash);
        }
    }

    /** Why the lookup of {@code abs}'s parent fails (ENOENT, ENOTDIR; EACCES under /root), or null. */
    private String parentError(String abs) {
        int slash = abs.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : abs.substring(0, slash);
        if (directory(parent)) {
            return FileAccess.readError(who, parent);
        }
        for (String p = parent; p.lastIndexOf('/') > 0; p = p.substring(0, p.lastIndexOf('/'))) {
            String up = p.substring(0, p.lastIndexOf('/'));
            if (c.file(p) != null || c.file(up) != null) {
                return "Not a directory";
            }
        }
        return c.file(parent) != null ? "Not a directory" : "No such file or directory";
    }

    /** Why {@code who} may not add or remove {@code abs} in its parent: a read-only mount's EROFS, else EACCES. */
    private String writeError(String abs) {
        String rofs = c.writeError(abs);
        return rofs != null ? rofs : FileAccess.writeError(who, abs);
    }

    private boolean empty(String abs) {
        List<String> names = ImageDirectories.names(c, abs);
        return names == null || names.isEmpty();
    }

    private boolean directory(String abs) {
        return ImageDirectories.isDirectory(c, abs);
    }

    private String absolute(String path) {
        String p = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        String n = java.nio.file.Path.of(p).normalize().toString();
        return n.isEmpty() ? "/" : n;
    }

    private String quote(String arg) {
        return dev.dockwire.libc.Locale.quote(utf8, arg); // gnulib's quote() in the place's locale
    }

    private int refused(String tool, String why) {
        if (busybox) {
            error(tool + ": " + why);
            BusyboxUsage.withBanner(tool).forEach(this::error);
            return 1;
        }
        return error(tool + ": " + why, "Try '" + tool + " --help' for more information.");
    }

    private int error(String... lines) {
        for (String l : lines) {
            out.add(l);
            errors.add(l);
        }
        return 1;
    }
}
