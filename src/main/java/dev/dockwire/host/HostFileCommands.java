package dev.dockwire.host;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GNU coreutils' {@code mkdir}, {@code rmdir} and {@code rm} over the host's {@link HostFileSystem},
 * with their messages as coreutils 9.1 prints them in the C locale (mkdir.c, rmdir.c, rm.c/remove.c),
 * and ncurses' {@code clear}; {@code ls} is {@link HostLs}.
 */
public final class HostFileCommands {
    /** What ncurses' clear writes on xterm: home, erase the display, erase the scrollback (E3); a terminal prints it without a newline. */
    public static final String CLEAR_SEQUENCE = "\u001b[H\u001b[2J\u001b[3J";

    private HostFileCommands() {
    }

    static boolean has(String name) {
        return Set.of("mkdir", "rmdir", "rm", "ls", "clear", "ln", "readlink").contains(name);
    }

    static CommandResult run(String name, List<String> args, HostFileSystem fs, boolean terminal, long nowMillis) {
        return switch (name) {
            case "mkdir" -> mkdir(args, fs);
            case "rmdir" -> rmdir(args, fs);
            case "rm" -> rm(args, fs);
            case "ls" -> HostLs.run(args, fs, terminal, nowMillis);
            case "ln" -> HostLn.ln(args, fs);
            case "readlink" -> HostLn.readlink(args, fs);
            default -> CommandResult.ok(List.of(CLEAR_SEQUENCE));
        };
    }

    /**
     * The options and operands of a coreutils command as getopt_long reads them: clustered short
     * options, {@code --} ending them; an unknown one is refused as getopt words it.
     */
    record Options(Set<Character> flags, List<String> operands, List<String> refusal) {
        static Options parse(String command, List<String> args, String shorts, java.util.Map<String, Character> longs) {
            Set<Character> flags = new java.util.HashSet<>();
            List<String> operands = new ArrayList<>();
            boolean options = true;
            for (String a : args) {
                if (options && a.equals("--")) {
                    options = false;
                } else if (options && a.startsWith("--")) {
                    Character c = longs.get(a.substring(2));
                    if (c == null) {
                        return refused(command, "unrecognized option '" + a + "'");
                    }
                    flags.add(c);
                } else if (options && a.startsWith("-") && a.length() > 1) {
                    for (char c : a.substring(1).toCharArray()) {
                        if (shorts.indexOf(c) < 0) {
                            return refused(command, "invalid option -- '" + c + "'");
                        }
                        flags.add(c);
                    }
                } else {
                    operands.add(a);
                }
            }
            return new Options(flags, operands, null);
        }

        private static Options refused(String command, String why) {
            return new Options(Set.of(), List.of(), List.of(command + ": " + why, "Try '" + command + " --help' for more information."));
        }

        boolean has(char c) {
            return flags.contains(c);
        }
    }

    private static CommandResult missingOperand(String command) {
        return CommandResult.error(1, List.of(command + ": missing operand", "Try '" + command + " --help' for more information."));
    }

    /** {@code mkdir [-p] [-v] DIR...}; with {@code -p} the parents too and an existing directory is no error (mkdir.c, mkancesdirs). */
    private static CommandResult mkdir(List<String> args, HostFileSystem fs) {
        Options o = Options.parse("mkdir", args, "pv", java.util.Map.of("parents", 'p', "verbose", 'v'));
        if (o.refusal() != null) {
            return CommandResult.error(1, o.refusal());
        }
        if (o.operands().isEmpty()) {
            return missingOperand("mkdir");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String dir : o.operands()) {
            List<String> steps = new ArrayList<>();
            if (o.has('p')) {
                String[] parts = dir.split("/");
                StringBuilder prefix = new StringBuilder(dir.startsWith("/") ? "/" : "");
                for (int i = 0; i < parts.length - 1; i++) {
                    if (!parts[i].isEmpty()) {
                        prefix.append(parts[i]);
                        steps.add(prefix.toString());
                        prefix.append('/');
                    }
                }
            }
            steps.add(dir);
            for (String step : steps) {
                HostFileSystem.Errno e = fs.mkdir(step);
                boolean last = step.equals(dir);
                if (e == HostFileSystem.Errno.EEXIST && o.has('p') && fs.isDirectory(step)) {
                    continue;
                }
                if (e == HostFileSystem.Errno.EEXIST && !last) {
                    e = HostFileSystem.Errno.ENOTDIR; // mkancesdirs cannot chdir into a file
                }
                if (e != null) {
                    error(out, errors, "mkdir: cannot create directory '" + step + "': " + e.text);
                    status = 1;
                    break;
                }
                if (o.has('v')) {
                    out.add("mkdir: created directory '" + step + "'");
                }
            }
        }
        return new CommandResult(status, out, errors);
    }

    /** {@code rmdir [-p] DIR...}: an empty directory only; {@code .} is EINVAL as rmdir(2) says. */
    private static CommandResult rmdir(List<String> args, HostFileSystem fs) {
        Options o = Options.parse("rmdir", args, "pv", java.util.Map.of("parents", 'p', "verbose", 'v'));
        if (o.refusal() != null) {
            return CommandResult.error(1, o.refusal());
        }
        if (o.operands().isEmpty()) {
            return missingOperand("rmdir");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String dir : o.operands()) {
            String d = dir;
            while (true) {
                String trimmed = d.replaceAll("/+$", "");
                HostFileSystem.Errno e = trimmed.equals(".") || trimmed.endsWith("/.") ? HostFileSystem.Errno.EINVAL : fs.remove(d, true);
                if (e != null) {
                    error(out, errors, "rmdir: failed to remove '" + d + "': " + e.text);
                    status = 1;
                    break;
                }
                int slash = trimmed.lastIndexOf('/');
                if (!o.has('p') || slash <= 0) {
                    break;
                }
                d = trimmed.substring(0, slash);
            }
        }
        return new CommandResult(status, out, errors);
    }

    /** {@code rm [-r|-R] [-f] [-d] FILE...} (remove.c): a directory only with {@code -r} (or an empty one with {@code -d}). */
    private static CommandResult rm(List<String> args, HostFileSystem fs) {
        Options o = Options.parse("rm", args, "rRfdiIv", java.util.Map.of("recursive", 'r', "force", 'f', "dir", 'd',
                "verbose", 'v'));
        if (o.refusal() != null) {
            return CommandResult.error(1, o.refusal());
        }
        boolean force = o.has('f');
        if (o.operands().isEmpty()) {
            return force ? CommandResult.ok(List.of()) : missingOperand("rm");
        }
        boolean recursive = o.has('r') || o.has('R');
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String path : o.operands()) {
            String last = path.replaceAll("/+$", "");
            last = last.substring(last.lastIndexOf('/') + 1);
            if (recursive && (last.equals(".") || last.equals(".."))) {
                error(out, errors, "rm: refusing to remove '.' or '..' directory: skipping '" + path + "'");
                status = 1;
                continue;
            }
            HostFileSystem.Stat l = fs.lstat(path);
            if (l == null) {
                if (!force) {
                    error(out, errors, "rm: cannot remove '" + path + "': " + HostFileSystem.Errno.ENOENT.text);
                    status = 1;
                }
                continue;
            }
            HostFileSystem.Errno e;
            if (!l.directory() || l.symlink()) { // a link is unlinked, not what it leads to
                e = fs.remove(path, false);
            } else if (recursive) {
                e = removeTree(fs, path, o.has('v') ? out : null);
            } else {
                e = o.has('d') ? fs.remove(path, true) : HostFileSystem.Errno.EISDIR;
            }
            if (e != null) {
                error(out, errors, "rm: cannot remove '" + path + "': " + e.text);
                status = 1;
            } else if (o.has('v') && fs.lstat(path) == null && !recursive) {
                out.add("removed '" + path + "'");
            }
        }
        return new CommandResult(status, out, errors);
    }

    /** Removes {@code dir} and everything under it, depth first as fts(3) visits it for rm. */
    private static HostFileSystem.Errno removeTree(HostFileSystem fs, String dir, List<String> verbose) {
        for (String name : fs.list(dir)) {
            String child = dir.endsWith("/") ? dir + name : dir + "/" + name;
            HostFileSystem.Stat l = fs.lstat(child);
            boolean sub = l != null && l.directory() && !l.symlink();
            HostFileSystem.Errno e = sub ? removeTree(fs, child, verbose) : fs.remove(child, false);
            if (e != null) {
                return e;
            }
            if (verbose != null && !sub) {
                verbose.add("removed '" + child + "'");
            }
        }
        HostFileSystem.Errno e = fs.remove(dir, true);
        if (e == null && verbose != null) {
            verbose.add("removed directory '" + dir + "'");
        }
        return e;
    }

    /** A line on stderr, in order with the verbose lines on stdout. */
    private static void error(List<String> out, List<String> errors, String line) {
        out.add(line);
        errors.add(line);
    }
}
