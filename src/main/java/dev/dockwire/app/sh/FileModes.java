package dev.dockwire.app.sh;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.text.Flavour;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code chmod MODE FILE...} and {@code chown OWNER[:GROUP] FILE...} as BusyBox (coreutils/chmod.c,
 * chown.c: {@code chmod: FILE: Operation not permitted}, {@code chown: unknown user NAME}) and
 * coreutils (chmod.c, chown-core.c in the C locale: {@code chmod: changing permissions of 'FILE':
 * Operation not permitted}, {@code chown: invalid user: 'NAME'}) word them, over the process's
 * chmod(2)/chown(2) ({@link ProcessContext#chmod}): the kernel decides who may. A mode is octal or
 * symbolic ({@code u+x,go-w}, {@code +x} under umask 022, as mode_compile/bb_parse_mode read it).
 * Owners and groups are names from the place's /etc/passwd and /etc/group, or numbers.
 */
public final class FileModes {
    /** The umask a container's process starts with (runc's default 0022). */
    private static final int UMASK = 022;

    private final ProcessContext ctx;
    private final Flavour flavour;
    private final Function<String, String> resolve;
    private final Function<String, Commands.Stat> stat;
    private final Io io;

    FileModes(ProcessContext ctx, Flavour flavour, Function<String, String> resolve, Function<String, Commands.Stat> stat, Io io) {
        this.ctx = ctx;
        this.flavour = flavour;
        this.resolve = resolve;
        this.stat = stat;
        this.io = io;
    }

    /** {@code chmod [-Rcfv] MODE FILE...}: its status. */
    int chmod(List<String> args) {
        List<String> operands = operands(args);
        if (operands.size() < 2) {
            return missing("chmod", operands);
        }
        String mode = operands.get(0);
        if (parse(mode, 0) < 0) {
            io.err.line(flavour == Flavour.BUSYBOX ? "chmod: invalid mode '" + mode + "'" : "chmod: invalid mode: '" + mode + "'");
            if (flavour == Flavour.GNU) {
                io.err.line("Try 'chmod --help' for more information.");
            }
            return 1;
        }
        int status = 0;
        for (String f : operands.subList(1, operands.size())) {
            String path = resolve.apply(f);
            Commands.Stat st = stat(path);
            // a directory too: the place keeps the modes of those its processes made, else says it does not
            String why = st == null ? "No such file or directory" : ctx.chmod(path, parse(mode, st.mode() & 07777));
            status |= report("chmod", f, why, "changing permissions of");
        }
        return status;
    }

    /** {@code chown [-Rhfv] OWNER[:GROUP] FILE...}: its status. */
    int chown(List<String> args) {
        List<String> operands = operands(args);
        if (operands.size() < 2) {
            return missing("chown", operands);
        }
        String spec = operands.get(0);
        int sep = spec.indexOf(':') >= 0 ? spec.indexOf(':') : flavour == Flavour.BUSYBOX ? spec.indexOf('.') : -1;
        String user = sep < 0 ? spec : spec.substring(0, sep);
        String group = sep < 0 ? "" : spec.substring(sep + 1);
        int uid = user.isEmpty() ? -1 : id("/etc/passwd", user);
        if (uid == -2) {
            io.err.line(flavour == Flavour.BUSYBOX ? "chown: unknown user " + user : "chown: invalid user: '" + spec + "'");
            return 1;
        }
        int gid = group.isEmpty() ? -1 : id("/etc/group", group);
        if (gid == -2) {
            io.err.line(flavour == Flavour.BUSYBOX ? "chown: unknown group " + group : "chown: invalid group: '" + spec + "'");
            return 1;
        }
        int status = 0;
        for (String f : operands.subList(1, operands.size())) {
            String path = resolve.apply(f);
            Commands.Stat st = stat(path);
            String why = st == null ? "No such file or directory" : ctx.chown(path, uid, gid);
            status |= report("chown", f, why, "changing ownership of");
        }
        return status;
    }

    /** stat(2) of {@code path} (null: none); a place that keeps no stats gives its files as 0644. */
    private Commands.Stat stat(String path) {
        Commands.Stat s = stat.apply(path);
        if (s == null && ctx.readFile(path) != null) {
            return new Commands.Stat(Commands.Stat.REGULAR | 0644, 1, 0, 0, 0, 0, 0);
        }
        return s;
    }

    /** One operand's outcome: nothing, the tool's words for the kernel's refusal, or dockwire's for what it does not keep. */
    private int report(String tool, String operand, String why, String gnuVerb) {
        if (why == null) {
            return 0;
        }
        if (why.equals(ProcessContext.NOT_KEPT)) {
            io.err.line("dockwire: " + tool + " of " + operand + " is not modelled (a directory's or a mount's mode and owner are not kept)");
            return Program.NOT_MODELLED;
        }
        if (why.startsWith("No such file")) {
            io.err.line(flavour == Flavour.BUSYBOX ? tool + ": " + operand + ": " + why : tool + ": cannot access '" + operand + "': " + why);
        } else {
            io.err.line(flavour == Flavour.BUSYBOX ? tool + ": " + operand + ": " + why : tool + ": " + gnuVerb + " '" + operand + "': " + why);
        }
        return 1;
    }

    private int missing(String tool, List<String> operands) {
        if (flavour == Flavour.GNU) {
            io.err.line(tool + ": missing operand" + (operands.isEmpty() ? "" : " after '" + operands.get(0) + "'"));
            io.err.line("Try '" + tool + " --help' for more information.");
        } else {
            dev.dockwire.libc.BusyboxUsage.withBanner(tool).forEach(io.err::line);
        }
        return 1;
    }

    /** The operands: the flags (-R, -c, -f, -v, -h) dropped; a {@code -rwx}-like word is chmod's mode. */
    private static List<String> operands(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && out.isEmpty() && a.length() > 1 && a.startsWith("-") && a.substring(1).matches("[RcfvhHLP]+")) {
                continue;
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code name}'s id in {@code file}: its entry's, a number as it is, -2 when neither. */
    private int id(String file, String name) {
        String text = ctx.readFile(file);
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] f = line.split(":", 4);
                if (f.length >= 3 && f[0].equals(name) && f[2].matches("\\d+")) {
                    return Integer.parseInt(f[2]);
                }
            }
        }
        return name.matches("\\d{1,9}") ? Integer.parseInt(name) : -2;
    }

    /** {@code mode} applied to {@code from}: octal, or symbolic clauses; -1 when it is neither. */
    public static int parse(String mode, int from) {
        if (mode.matches("[0-7]{1,4}")) {
            return Integer.parseInt(mode, 8);
        }
        int bits = from;
        for (String clause : mode.split(",", -1)) {
            int i = 0;
            int who = 0;
            for (; i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0; i++) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    default -> 07777;
                };
            }
            if (i == clause.length()) {
                return -1; // no operator
            }
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) {
                    return -1;
                }
                int perm = 0;
                for (; i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0; i++) {
                    perm |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> (bits & 0111) != 0 ? 0111 : 0; // a file already executable by someone
                        case 's' -> 06000;
                        default -> 01000;
                    };
                }
                int mask = who == 0 ? 07777 & ~UMASK : who; // no who: a, less what the umask keeps
                int affected = who == 0 ? 07777 : who;
                switch (op) {
                    case '+' -> bits |= perm & mask;
                    case '-' -> bits &= ~(perm & mask);
                    default -> bits = bits & ~(affected & 0777 | affected & 07000) | perm & mask;
                }
            }
        }
        return bits & 07777;
    }
}
