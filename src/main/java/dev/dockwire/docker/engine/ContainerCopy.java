package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.libc.BusyboxUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cp [-r] [-v] SOURCE... DEST} and {@code mv [-v] SOURCE... DEST} in a container, on its
 * files and the directories it made ({@link Container#mkdir}), worded as the image's package words
 * them: BusyBox's (coreutils/cp.c over libbb's copy_file, which reports a directory after what it
 * holds; mv.c: {@code mv: can't rename 'X': ...}) or GNU coreutils 9.1's in the C locale (copy.c:
 * {@code cp: cannot stat 'X': ...}, {@code -r not specified; omitting directory 'X'}, a directory
 * before what it holds; mv's {@code renamed 'A' -> 'B'}). A copy is the copier's (its owner; the
 * source's chmod'ed mode less the umask 022). Moving the image's own directory copies it up and
 * whites it out, as mv does when overlayfs refuses rename(2) of a lower directory (EXDEV). A symbolic
 * link is followed by cp, but copied as a link by mv and by cp's -P, -d, -a and -R (without -L).
 */
public final class ContainerCopy {
    /** cp's option letters both packages take (coreutils' src/cp.c, BusyBox's coreutils/cp.c) and its long options. */
    private static final ToolCommandLine.Spec CP = new ToolCommandLine.Spec("arRPLHpfinlsuvdT",
            Map.of("archive", "a", "recursive", "r", "force", "f", "verbose", "v", "interactive", "i", "no-clobber", "n"));
    /** mv's (coreutils' src/mv.c, BusyBox's coreutils/mv.c). */
    private static final ToolCommandLine.Spec MV = new ToolCommandLine.Spec("finvT",
            Map.of("force", "f", "verbose", "v", "interactive", "i", "no-clobber", "n"));

    private final Container c;
    private final boolean busybox;
    private final Cred who;
    private final String cwd;
    private final String tool;
    private final boolean verbose;
    /** Whether a link is copied as a link (mv; cp's -P, -d, -a, and -r/-R without -L), else followed. */
    private boolean noDereference;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ContainerCopy(Container c, boolean busybox, Cred who, String cwd, String tool, boolean verbose) {
        this.c = c;
        this.busybox = busybox;
        this.who = who;
        this.cwd = cwd;
        this.tool = tool;
        this.verbose = verbose;
    }

    /** Whether {@code argv} is a {@code cp} or {@code mv}. */
    public static boolean handles(List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return base.equals("cp") || base.equals("mv");
    }

    /** Runs {@code argv} in {@code c} as {@code who} from {@code env}'s PWD (else the image's WorkingDir). */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, Cred who) {
        String provider = Images.provider(c, argv.get(0));
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        String wd = Images.workingDir(c);
        String cwd = env.get("PWD") != null ? env.get("PWD") : wd.isEmpty() ? "/" : wd;
        String tool = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        boolean copy = tool.equals("cp");
        ToolCommandLine line = ToolCommandLine.parse(busybox, copy ? CP : MV, copy ? CP : MV, argv.subList(1, argv.size()));
        if (line.error() != null) {
            return new ContainerCopy(c, busybox, who, cwd, tool, false).refused(line.error(), null);
        }
        List<String> operands = line.operands();
        ContainerCopy cp = new ContainerCopy(c, busybox, who, cwd, tool, line.has("v"));
        if (operands.size() < 2) {
            return cp.refused(null, operands.isEmpty() ? null : operands.get(0));
        }
        boolean recursive = !copy || line.has("r") || line.has("R") || line.has("a");
        // coreutils' copy.c and libbb's copy_file: -R copies links as links unless -L ("-d: preserve symlinks (default if -R)")
        cp.noDereference = !copy || !line.has("L") && (recursive || line.has("P") || line.has("d"));
        String dest = operands.get(operands.size() - 1);
        String destAbs = cp.absolute(dest);
        boolean intoDir = ImageDirectories.isDirectory(c, destAbs);
        int status = 0;
        for (String src : operands.subList(0, operands.size() - 1)) {
            String srcAbs = cp.absolute(src);
            String base = srcAbs.substring(srcAbs.lastIndexOf('/') + 1);
            String shown = intoDir ? (dest.endsWith("/") ? dest : dest + "/") + base : dest;
            status |= cp.one(src, srcAbs, shown, intoDir ? cp.absolute(shown) : destAbs, recursive) ? 0 : 1;
        }
        return new CommandOutput(status, cp.lines, cp.errors);
    }

    /** Copies or moves operand {@code src} to {@code dst} (shown as {@code shown}); false when it printed an error. */
    private boolean one(String src, String srcAbs, String shown, String dstAbs, boolean recursive) {
        boolean link = noDereference && ContainerStat.readlink(c, srcAbs) != null;
        boolean dir = !link && ImageDirectories.isDirectory(c, srcAbs);
        if (!dir && !link && c.file(srcAbs) == null) {
            return error(busybox ? tool + ": " + (tool.equals("mv") ? "can't rename '" : "can't stat '") + src + "': No such file or directory"
                    : tool + ": cannot stat '" + src + "': No such file or directory");
        }
        if (dir && !recursive) {
            return error(busybox ? "cp: omitting directory '" + src + "'" : "cp: -r not specified; omitting directory '" + src + "'");
        }
        if (!copy(src, srcAbs, shown, dstAbs)) {
            return false;
        }
        if (tool.equals("mv")) {
            remove(srcAbs);
            if (verbose) {
                lines.add((busybox ? "'" : "renamed '") + src + "' -> '" + shown + "'");
            }
        }
        return true;
    }

    /** copy_file of {@code srcAbs} to {@code dstAbs}: a file's text, a directory made and what it holds copied. */
    private boolean copy(String src, String srcAbs, String shown, String dstAbs) {
        String arrow = "'" + src + "' -> '" + shown + "'";
        boolean say = verbose && tool.equals("cp");
        String target = noDereference ? ContainerStat.readlink(c, srcAbs) : null;
        if (target != null) { // symlink(2) of the same target where the copy goes, over what was there
            if (!ImageDirectories.isDirectory(c, dstAbs) && (c.file(dstAbs) != null || ContainerStat.readlink(c, dstAbs) != null)) {
                c.removeFile(dstAbs);
            }
            if (!c.layer().symlink(dstAbs, target)) {
                return error(busybox ? tool + ": can't create symlink '" + shown + "' to '" + target + "': File exists"
                        : tool + ": cannot create symbolic link '" + shown + "': File exists");
            }
            if (say) {
                lines.add(arrow);
            }
            return true;
        }
        if (ImageDirectories.isDirectory(c, srcAbs)) {
            if (!ImageDirectories.isDirectory(c, dstAbs) && !c.mkdir(dstAbs, who.uid(), who.gid(), 0755, -1)) {
                return error((busybox ? tool + ": can't create directory '" : tool + ": cannot create directory '") + shown + "': File exists");
            }
            if (say && !busybox) {
                lines.add(arrow); // copy.c names the directory first
            }
            boolean ok = true;
            List<String> names = ImageDirectories.names(c, srcAbs);
            for (String n : names == null ? List.<String>of() : names) {
                ok &= copy(src + "/" + n, child(srcAbs, n), shown + "/" + n, child(dstAbs, n));
            }
            if (say && busybox) {
                lines.add(arrow); // libbb's copy_file names it once what it holds is copied
            }
            return ok;
        }
        String parent = dstAbs.substring(0, Math.max(1, dstAbs.lastIndexOf('/')));
        String why = !ImageDirectories.isDirectory(c, parent) ? "No such file or directory" : c.writeError(dstAbs);
        if (why == null) {
            why = FileAccess.writeError(who, dstAbs);
        }
        if (why != null) {
            return error(busybox ? tool + ": can't create '" + shown + "': " + why : tool + ": cannot create regular file '" + shown + "': " + why);
        }
        boolean fresh = c.file(dstAbs) == null;
        c.writeFile(dstAbs, c.file(srcAbs), false);
        if (fresh && !who.root()) {
            c.own(dstAbs, who.uid(), who.gid());
        }
        if (fresh && c.mode(srcAbs) >= 0) {
            c.chmod(dstAbs, c.mode(srcAbs) & ~022);
        }
        if (say) {
            lines.add(arrow);
        }
        return true;
    }

    /** unlink(2)/rmdir(2) of what was moved: a directory's contents first, then the directory (an image's whited out). */
    private void remove(String abs) {
        if (ContainerStat.readlink(c, abs) == null && ImageDirectories.isDirectory(c, abs)) {
            List<String> names = ImageDirectories.names(c, abs);
            for (String n : names == null ? List.<String>of() : names) {
                remove(child(abs, n));
            }
            c.removeDirectory(abs, !c.madeDirectory(abs));
        } else {
            c.removeFile(abs);
        }
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    private String absolute(String path) {
        String p = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        String n = java.nio.file.Path.of(p).normalize().toString();
        return n.isEmpty() ? "/" : n;
    }

    /** A bad option ({@code why}) or too few operands ({@code only}: the one given, or null): usage as each package words it. */
    private CommandOutput refused(String why, String only) {
        if (why != null) {
            error(tool + ": " + why);
        }
        if (busybox) {
            BusyboxUsage.withBanner(tool).forEach(this::error);
        } else {
            if (why == null) {
                error(only == null ? tool + ": missing file operand" : tool + ": missing destination file operand after '" + only + "'");
            }
            error("Try '" + tool + " --help' for more information.");
        }
        return new CommandOutput(1, lines, errors);
    }

    private boolean error(String line) {
        lines.add(line);
        errors.add(line);
        return false;
    }
}
