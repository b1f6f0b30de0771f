package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.FileTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ln [-sfnTv] TARGET... LINK|DIR} in a container: symlink(2) or link(2) in its writable layer
 * ({@link FileTable#symlink}, {@link FileTable#link}), which {@code docker diff} lists as {@code A}.
 * One operand links into the working directory under the target's last component; a last operand
 * that is a directory (its links followed unless {@code -n}) receives {@code DIR/TARGET's name}.
 * A hard link's target must exist (stat(2), or lstat(2) of a dangling link); {@code -f} unlinks the
 * destination first. Worded as the image's package words it: BusyBox's coreutils/ln.c
 * (bb_simple_perror_msg: {@code ln: PATH: strerror}, bb_show_usage without operands) or GNU
 * coreutils' src/ln.c ({@code failed to create symbolic link 'X': File exists},
 * {@code failed to access 'X'}, {@code X: hard link not allowed for directory},
 * {@code missing file operand}, {@code target 'X' is not a directory}).
 */
public final class ContainerLn {
    /** coreutils' ln (src/ln.c "Bbdfinrst:vFLPS:T") and its long options. */
    private static final ToolCommandLine.Spec LN = new ToolCommandLine.Spec("bdfinrst:vFLPS:T",
            Map.of("symbolic", "s", "force", "f", "no-dereference", "n", "verbose", "v", "target-directory", "t:",
                    "no-target-directory", "T", "relative", "r", "logical", "L", "physical", "P", "suffix", "S:"));
    /** BusyBox's ln (coreutils/ln.c getopt32 "sfnbS:vT"). */
    private static final ToolCommandLine.Spec BUSYBOX_LN = new ToolCommandLine.Spec("sfnbS:vT", Map.of());

    private final Container c;
    private final boolean busybox;
    private final Cred who;
    private final long nanos;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ContainerLn(Container c, boolean busybox, Cred who, long nanos) {
        this.c = c;
        this.busybox = busybox;
        this.who = who;
        this.nanos = nanos;
    }

    /** Whether {@code argv} is an {@code ln}. */
    public static boolean handles(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("ln");
    }

    /** Runs {@code argv} in {@code c} as {@code who} (its PWD the working directory) at {@code nanos} of the virtual clock. */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, Cred who, long nanos) {
        String provider = Images.provider(c, argv.get(0));
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        ContainerLn ln = new ContainerLn(c, busybox, who, nanos);
        String wd = Images.workingDir(c);
        String cwd = env.getOrDefault("PWD", wd.isEmpty() ? "/" : wd);
        ToolCommandLine line = ToolCommandLine.parse(busybox, LN, BUSYBOX_LN, argv.subList(1, argv.size()));
        List<String> operands = line.operands();
        if (line.error() != null || operands.isEmpty() && busybox) {
            if (line.error() != null) {
                ln.error("ln: " + line.error());
            }
            if (busybox) {
                dev.dockwire.libc.BusyboxUsage.withBanner("ln").forEach(ln::error);
            } else {
                ln.error("Try 'ln --help' for more information.");
            }
            return ln.done(1);
        }
        if (operands.isEmpty()) {
            ln.error("ln: missing file operand");
            ln.error("Try 'ln --help' for more information.");
            return ln.done(1);
        }
        return ln.done(ln.link(line, operands, cwd) ? 0 : 1);
    }

    /** Links every target; false when one failed. */
    private boolean link(ToolCommandLine line, List<String> operands, String cwd) {
        boolean symbolic = line.has("s");
        List<String> targets = new ArrayList<>(operands);
        String last;
        if (line.has("t")) {
            last = line.given().get("t");
        } else if (targets.size() == 1) {
            // ln TARGET: BusyBox links TARGET's name itself, coreutils ./NAME (the target directory ".")
            last = busybox ? lastComponent(targets.get(0)) : ".";
        } else {
            last = targets.remove(targets.size() - 1);
        }
        boolean into = !line.has("T") && isDirectory(abs(cwd, last), !line.has("n"));
        if (busybox && line.has("T") && isDirectory(abs(cwd, last), true)) {
            return error("ln: '" + last + "' is a directory"); // ln.c's OPT_T check, before any link
        }
        if (!busybox && !into && targets.size() > 1) {
            return error("ln: target '" + last + "'" + (exists(abs(cwd, last)) ? " is not a directory" : ": No such file or directory"));
        }
        boolean ok = true;
        for (String target : targets) {
            String link = into ? (last.endsWith("/") ? last : last + "/") + lastComponent(target) : last;
            ok &= one(target, abs(cwd, target), link, abs(cwd, link), symbolic, line.has("f"), line.has("v"));
        }
        return ok;
    }

    /** One link {@code link} (at {@code at}) to {@code target} (at {@code from}). */
    private boolean one(String target, String from, String link, String at, boolean symbolic, boolean force, boolean verbose) {
        FileTable layer = c.layer();
        if (!symbolic && c.file(from) == null && layer.symlinkTarget(from) == null) {
            boolean dir = isDirectory(from, true);
            if (!dir) {
                return error(busybox ? "ln: " + target + ": No such file or directory"
                        : "ln: failed to access '" + target + "': No such file or directory");
            }
            if (!busybox) {
                return error("ln: " + target + ": hard link not allowed for directory");
            }
        }
        if (force && !isDirectory(at, false) && exists(at)) {
            c.removeFile(at); // unlink(2) of what was there
        }
        String why = c.writeError(at);
        boolean made = why == null && (symbolic ? layer.symlink(at, target) : !isDirectory(from, true) && layer.link(from, at));
        if (!made) {
            if (why == null) {
                why = exists(at) ? "File exists" : !symbolic && isDirectory(from, true) ? "Operation not permitted"
                        : "No such file or directory";
            }
            return error(busybox ? "ln: " + link + ": " + why
                    : "ln: failed to create " + (symbolic ? "symbolic" : "hard") + " link '" + link + "': " + why);
        }
        layer.stamp(at, nanos);
        if (who.uid() != 0 || who.gid() != 0) {
            layer.own(at, who.uid(), who.gid());
        }
        if (verbose) {
            lines.add("'" + link + "' -> '" + target + "'");
        }
        return true;
    }

    private boolean exists(String abs) {
        return c.file(abs) != null || c.layer().symlinkTarget(abs) != null || isDirectory(abs, false);
    }

    /** Whether {@code abs} is a directory (a link made here to one counts when {@code follow}). */
    private boolean isDirectory(String abs, boolean follow) {
        if (!follow && c.layer().symlinkTarget(abs) != null) {
            return false;
        }
        return ImageDirectories.isDirectory(c, abs);
    }

    private static String abs(String cwd, String path) {
        String p = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        return dev.dockwire.libc.LexicalPath.clean(p);
    }

    /** bb_get_last_path_component_strip / coreutils' last_component: the name after the last slash, trailing slashes dropped. */
    private static String lastComponent(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private boolean error(String line) {
        lines.add(line);
        errors.add(line);
        return false;
    }

    private CommandOutput done(int status) {
        return new CommandOutput(status, lines, errors);
    }
}
