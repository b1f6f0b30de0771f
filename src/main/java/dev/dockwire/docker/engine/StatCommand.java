package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.libc.BusyboxUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code stat -c FORMAT FILE...} in a container over its files' stat(2) ({@link ContainerStat}), as
 * BusyBox's stat (coreutils/stat.c, print_stat) and coreutils 9.1's (stat.c, print_stat; also
 * {@code --format=}) expand the directives both have: {@code %a %A %b %B %f %F %g %G %h %n %N %o %s
 * %u %U %x %X %y %Y %z %Z %%}, a file's times its modification time (dockwire keeps no other, nor
 * more than milliseconds of it), printed in UTC; an unknown directive is BusyBox's letter and
 * coreutils' {@code ?}. A missing file is {@code stat: can't stat 'X': ...} (BusyBox) or
 * {@code stat: cannot statx 'X': ...} (coreutils). Without {@code -c}, the default block
 * ({@link StatBlock}), whose device and inode numbers {@code %d %D %i} print too.
 */
public final class StatCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z").withZone(ZoneOffset.UTC);

    private final Container c;
    private final boolean busybox;
    private final boolean utf8;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private StatCommand(Container c, boolean busybox, boolean utf8) {
        this.c = c;
        this.busybox = busybox;
        this.utf8 = utf8;
    }

    /** Whether {@code argv} is a {@code stat}. */
    public static boolean handles(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("stat");
    }

    /** Runs {@code argv} in {@code c} from {@code env}'s PWD; {@code stat} is the container's stat(2). */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, Function<String, Commands.Stat> stat) {
        String provider = Images.provider(c, argv.get(0));
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        String wd = Images.workingDir(c);
        String cwd = env.get("PWD") != null ? env.get("PWD") : wd.isEmpty() ? "/" : wd;
        StatCommand s = new StatCommand(c, busybox, dev.dockwire.libc.Locale.utf8(env::get));
        int status = s.run(argv.subList(1, argv.size()), cwd, stat);
        return new CommandOutput(status, s.lines, s.errors);
    }

    private int run(List<String> args, String cwd, Function<String, Commands.Stat> stat) {
        String format = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-c") || a.startsWith("-c") && a.length() > 2) {
                if (a.length() > 2) {
                    format = a.substring(2);
                } else if (i + 1 < args.size()) {
                    format = args.get(++i);
                } else {
                    return refused(busybox ? "stat: option requires an argument: c" : "stat: option requires an argument -- 'c'");
                }
            } else if (!busybox && a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.startsWith("-") && a.length() > 1) {
                return error(dev.dockwire.app.Program.notModelled("stat") + " (only -c FORMAT is)");
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            if (busybox) {
                BusyboxUsage.withBanner("stat").forEach(this::error);
                return 1;
            }
            return refused("stat: missing operand");
        }
        int status = 0;
        for (String f : files) {
            String p = f.startsWith("/") ? f : (cwd.endsWith("/") ? cwd : cwd + "/") + f;
            String abs = java.nio.file.Path.of(p).normalize().toString();
            Commands.Stat s = stat.apply(abs.isEmpty() ? "/" : abs);
            if (s == null) {
                error(busybox ? "stat: can't stat '" + f + "': No such file or directory"
                        : "stat: cannot statx " + quote(f) + ": No such file or directory");
                status = 1;
                continue;
            }
            StatBlock.Where where = StatBlock.of(c, abs.isEmpty() ? "/" : abs);
            String target = s.symlink() ? ContainerStat.readlink(c, abs.isEmpty() ? "/" : abs) : null;
            if (format == null) {
                String shown = target == null ? f : busybox ? "'" + f + "' -> '" + target + "'" : f + " -> " + target;
                lines.addAll(StatBlock.lines(busybox, shown, s, where, TIME.format(Instant.ofEpochMilli(s.mtimeMillis())),
                        ExecUser.name(c, s.uid()), groupName(c, s.gid())));
                continue;
            }
            String line = expand(format, f, s, where, target);
            if (line == null) {
                return 1;
            }
            lines.add(line);
        }
        return status;
    }

    /** print_stat over each directive of {@code format}; null when one is not modelled (said so). */
    private String expand(String format, String name, Commands.Stat s, StatBlock.Where where, String target) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                sb.append(ch);
                continue;
            }
            char d = format.charAt(++i);
            long mtime = s.mtimeMillis();
            String v = switch (d) {
                case '%' -> "%";
                case 'a' -> Integer.toOctalString(s.mode() & 07777);
                case 'A' -> dev.dockwire.app.sh.LsFormat.mode(s.mode());
                case 'b' -> Long.toString(s.blocks());
                case 'B' -> "512";
                case 'f' -> Integer.toHexString(s.mode());
                case 'F' -> StatBlock.type(s);
                case 'g' -> Integer.toString(s.gid());
                case 'G' -> groupName(c, s.gid());
                case 'h' -> Integer.toString(s.links());
                case 'n' -> name;
                case 'N' -> target != null ? "'" + name + "' -> '" + target + "'" : busybox ? name : quote(name);
                case 'o' -> "4096";
                case 's' -> Long.toString(s.size());
                case 'u' -> Integer.toString(s.uid());
                case 'U' -> ExecUser.name(c, s.uid());
                case 'x', 'y', 'z' -> TIME.format(Instant.ofEpochMilli(mtime));
                case 'X', 'Y', 'Z' -> Long.toString(Math.floorDiv(mtime, 1000));
                case 'd' -> Long.toString(where.dev());
                case 'D' -> Long.toHexString(where.dev());
                case 'i' -> Long.toString(where.inode());
                case 't' -> Integer.toHexString(s.major()); // st_rdev's major and minor in hex: 0 for all but a device
                case 'T' -> Integer.toHexString(s.minor());
                default -> busybox ? String.valueOf(d) : "?";
            };
            sb.append(v);
        }
        return sb.toString();
    }

    /** The name of group {@code gid} in {@code c}'s /etc/group, root for 0 where the file is not kept, else the number. */
    static String groupName(Container c, int gid) {
        String group = c.file("/etc/group");
        if (group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && f[2].equals(Integer.toString(gid))) {
                    return f[0];
                }
            }
        }
        return gid == 0 && group == null ? "root" : Integer.toString(gid);
    }

    private String quote(String arg) {
        return dev.dockwire.libc.Locale.quote(utf8, arg); // gnulib's quote() in the place's locale
    }

    private int refused(String why) {
        error(why);
        if (busybox) {
            BusyboxUsage.withBanner("stat").forEach(this::error);
        } else {
            error("Try 'stat --help' for more information.");
        }
        return 1;
    }

    private int error(String line) {
        lines.add(line);
        errors.add(line);
        return 1;
    }
}
