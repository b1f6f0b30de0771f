package dev.dockwire.host;

import dev.dockwire.libc.LexicalPath;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GNU coreutils 9.1's {@code ln -s [-f] [-n] [-T] [-v] [-r] TARGET... LINK|DIR} and {@code readlink FILE}
 * on the host's {@link HostFileSystem} (src/ln.c, src/readlink.c): one operand links into the working
 * directory under the target's last component, a last operand that is a directory (its link followed
 * unless {@code -n}) receives {@code DIR/TARGET's name}; {@code -f} removes the destination first (never
 * a directory: {@code ln: X: cannot overwrite directory}); {@code -r} makes the target relative to the
 * link's directory (relpath of both, lexically); {@code -v} prints {@code 'LINK' -> 'TARGET'}. The
 * texts are GNU's, checked beside /usr/bin/ln. Hard links are not kept by the host's view: {@code ln}
 * without {@code -s} is refused as not modelled.
 */
final class HostLn {
    private HostLn() {
    }

    static CommandResult ln(List<String> args, HostFileSystem fs) {
        HostFileCommands.Options o = HostFileCommands.Options.parse("ln", args, "sfnvTr", Map.of("symbolic", 's', "force", 'f',
                "no-dereference", 'n', "verbose", 'v', "no-target-directory", 'T', "relative", 'r'));
        if (o.refusal() != null) {
            return CommandResult.error(1, o.refusal());
        }
        List<String> ops = o.operands();
        if (ops.isEmpty()) {
            return usage("ln: missing file operand");
        }
        if (!o.has('s')) {
            return CommandResult.error(1, List.of(dev.dockwire.app.Program.notModelled("ln") + " (only symbolic links on the host)"));
        }
        if (o.has('T') && ops.size() > 2) {
            return usage("ln: extra operand '" + ops.get(2) + "'");
        }
        List<String[]> pairs = new ArrayList<>(); // target, link
        String last = ops.get(ops.size() - 1);
        boolean lastIsDir = !o.has('T') && fs.isDirectory(last) && !(o.has('n') && linkOrNull(fs, last) != null);
        if (ops.size() == 1) {
            pairs.add(new String[] {ops.get(0), base(ops.get(0))});
        } else if (ops.size() == 2 && !lastIsDir) {
            pairs.add(new String[] {ops.get(0), last});
        } else {
            if (!lastIsDir) {
                return CommandResult.error(1, List.of("ln: target '" + last + "'" + (fs.exists(last) ? " is not a directory"
                        : ": " + HostFileSystem.Errno.ENOENT.text)));
            }
            for (String t : ops.subList(0, ops.size() - 1)) {
                pairs.add(new String[] {t, (last.endsWith("/") ? last : last + "/") + base(t)});
            }
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String[] p : pairs) {
            String target = o.has('r') ? relative(fs, p[0], p[1]) : p[0];
            String link = p[1];
            HostFileSystem.Errno e = fs.symlink(target, link);
            if (e == HostFileSystem.Errno.EEXIST && o.has('f')) {
                HostFileSystem.Stat l = fs.lstat(link);
                if (l != null && l.directory() && !l.symlink()) {
                    errors.add("ln: " + link + ": cannot overwrite directory");
                    out.add(errors.get(errors.size() - 1));
                    status = 1;
                    continue;
                }
                fs.remove(link, false);
                e = fs.symlink(target, link);
            }
            if (e != null) {
                errors.add("ln: failed to create symbolic link '" + link + "': " + e.text);
                out.add(errors.get(errors.size() - 1));
                status = 1;
            } else if (o.has('v')) {
                out.add("'" + link + "' -> '" + target + "'");
            }
        }
        return new CommandResult(status, out, errors);
    }

    /** {@code readlink FILE...}: each link's target; status 1 (and nothing printed) for one that is no link. */
    static CommandResult readlink(List<String> args, HostFileSystem fs) {
        HostFileCommands.Options o = HostFileCommands.Options.parse("readlink", args, "n", Map.of("no-newline", 'n'));
        if (o.refusal() != null) {
            return CommandResult.error(1, o.refusal());
        }
        if (o.operands().isEmpty()) {
            return usage("readlink: missing operand");
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String f : o.operands()) {
            String target = fs.readlink(f);
            if (target == null) {
                status = 1;
            } else {
                out.add(target);
            }
        }
        return new CommandResult(status, out, List.of());
    }

    private static String linkOrNull(HostFileSystem fs, String path) {
        return fs.readlink(path.replaceAll("(.)/+$", "$1"));
    }

    /** ln.c's convert_abs_rel: the target as a path from the link's directory (both made absolute, lexically). */
    private static String relative(HostFileSystem fs, String target, String link) {
        String to = LexicalPath.clean(fs.cwd(), target);
        String from = LexicalPath.clean(fs.cwd(), link);
        from = from.substring(0, Math.max(1, from.lastIndexOf('/')));
        String[] a = from.equals("/") ? new String[0] : from.substring(1).split("/");
        String[] b = to.equals("/") ? new String[0] : to.substring(1).split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder rel = new StringBuilder();
        for (int i = common; i < a.length; i++) {
            rel.append(rel.length() == 0 ? "" : "/").append("..");
        }
        for (int i = common; i < b.length; i++) {
            rel.append(rel.length() == 0 ? "" : "/").append(b[i]);
        }
        return rel.length() == 0 ? "." : rel.toString();
    }

    private static String base(String path) {
        String p = path.replaceAll("(.)/+$", "$1");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static CommandResult usage(String line) {
        String command = line.substring(0, line.indexOf(':'));
        return CommandResult.error(1, List.of(line, "Try '" + command + " --help' for more information."));
    }
}
