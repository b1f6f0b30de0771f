package dev.dockwire.app.sh;

import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import dev.dockwire.text.Flavour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code ls [-1CxaAdhilLnR] [-w N] [FILE]...} (-i the place's inode numbers, -L links followed) as a container's package prints it: one name a line into
 * a pipe or a file, in columns on a terminal or with {@code -C}/{@code -x} ({@link LsColumns}, the
 * last of -l, -n, -1, -C, -x winning as in both tools), or with {@code -l} in the long format: BusyBox 1.36's coreutils/ls.c where the image's is BusyBox
 * (display_single's fixed columns {@code %-10s %4lu %-8.8s %-8.8s %9llu}, ctime's date cut as
 * {@code "%.12s"} within six months of 365/2 days and no more than 15 minutes ahead, else
 * {@code "%.7s%6s"} with the year; -h as make_human_readable_str, one decimal), GNU coreutils 9.x's
 * ls.c elsewhere (print_long_format with each column as wide as its widest entry, owner and group
 * names left-aligned and numbers right-aligned, the C locale's {@code "%b %e %H:%M"} within
 * 31556952/2 s in the past, else {@code "%b %e  %Y"}; -h as human_readable, rounding up). Both
 * print {@code total N} in 1K blocks for a directory, sort names in byte order (the C/POSIX
 * locale's strcmp) and list file operands before directory operands. Owner and group names come
 * from the place's /etc/passwd and /etc/group; the rest from {@link Commands#stat}. The command line is
 * getopt_long's over each tool's own options: one it lacks is BusyBox's bb_show_usage (the libc's error,
 * the banner and ls's usage, status 1) or coreutils' {@code Try 'ls --help'} hint with LS_FAILURE's 2.
 */
final class Ls {

    /** The files ls looks at: a directory's names (null: not a directory) and a path's stat (null: none). */
    interface Tree {
        List<String> list(String dir);

        Commands.Stat stat(String path);

        /** The target of link {@code path}, or null. */
        default String readlink(String path) {
            return null;
        }

        /** The inode number of {@code path} ({@code ls -i}), or 0 when the place keeps none. */
        default long inode(String path) {
            return 0;
        }

        /** Why opendir(3) of {@code dir} fails for the process ({@code Permission denied}), or null. */
        default String openError(String dir) {
            return null;
        }
    }

    /** An entry as ls prints it: its name, the path it stats and what the stat found. */
    private record Entry(String name, String path, Commands.Stat stat) {
    }

    /** BusyBox 1.36's ls.c ls_options with alpine's FEATURE_LS_* (getopt32's string, as busybox-static 1.35 accepts it). */
    private static final String BUSYBOX_OPTIONS = "1AaCxdLHRFplinshrSXvctugkIQTw:";
    /** Its long options (ls_longopts): {@code --color} takes an optional WHEN. */
    private static final Map<String, String> BUSYBOX_LONGS = Map.of("full-time", "full-time",
            "group-directories-first", "group-directories-first", "color", "color::");
    /** coreutils 9.1's ls.c: decode_switches' short options. */
    private static final String GNU_OPTIONS = "abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1";
    /** coreutils 9.1's ls.c long_options (name -> short letter or itself; {@code :} a required, {@code ::} an optional argument). */
    private static final Map<String, String> GNU_LONGS = gnuLongs();

    private final Flavour flavour;
    private final Tree tree;
    private final IntFunction<String> user;
    private final IntFunction<String> group;
    private final long now;
    private final Consumer<String> out;
    private final Consumer<String> err;
    private boolean longFormat;
    /** The last of {@code -l}/{@code -n}, {@code -1}, {@code -C}, {@code -x} given (both tools keep the last), or 0: none. */
    private char format;
    /** {@code -w N}, or null. */
    private Integer width;
    /** What the process's descriptors are ({@link #screen}): isatty(1), TIOCGWINSZ's columns of stdin and stdout, $COLUMNS. */
    private boolean stdoutTty;
    private int stdinColumns;
    private int stdoutColumns;
    private String columnsEnv;
    private boolean all;
    private boolean almostAll;
    private boolean directoryItself;
    /** {@code -L}: every link's stat is its target's (a dangling one stays the link). */
    private boolean dereference;
    /** {@code -i}: each name after its inode number. */
    private boolean inodes;
    private boolean human;
    private boolean numeric;
    private boolean recursive;
    /** Whether something (a line of output) went before: the next directory's header gets a blank line. */
    private boolean printed;
    /** Whether a directory could not be opened (EACCES): ls ends with its failure status. */
    private boolean refused;

    Ls(Flavour flavour, Tree tree, IntFunction<String> user, IntFunction<String> group, long nowMillis, Consumer<String> out,
            Consumer<String> err) {
        this.flavour = flavour;
        this.tree = tree;
        this.user = user;
        this.group = group;
        this.now = nowMillis;
        this.out = out;
        this.err = err;
    }

    /**
     * The terminal the process writes to: {@code stdoutTty} isatty(1) (then names go in columns
     * unless an option says otherwise), the columns TIOCGWINSZ gives for stdin and stdout (0: no
     * terminal, or none set), the environment's COLUMNS (null: unset). Without it, stdout is a pipe.
     */
    Ls screen(boolean stdoutTty, int stdinColumns, int stdoutColumns, String columnsEnv) {
        this.stdoutTty = stdoutTty;
        this.stdinColumns = stdinColumns;
        this.stdoutColumns = stdoutColumns;
        this.columnsEnv = columnsEnv;
        return this;
    }

    /** Runs {@code ls args} with relative operands resolved by {@code resolve}; its exit status. */
    int run(List<String> args, Function<String, String> resolve) {
        boolean busybox = flavour == Flavour.BUSYBOX;
        if (busybox && !args.isEmpty() && args.get(0).equals("--help")) {
            // appletlib's "APPLET --help": the usage on stderr, exit 0.
            BusyboxUsage.withBanner("ls").forEach(err);
            return 0;
        }
        GetoptLong.Result r = new GetoptLong(busybox ? Getopt.MUSL : Getopt.GLIBC, busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS,
                busybox ? BUSYBOX_LONGS : GNU_LONGS).parse(args, (key, value) -> {
                    if (key.equals("w")) {
                        width = lineWidth(value);
                        return width != null;
                    }
                    if (key.length() == 1) {
                        flag(key.charAt(0));
                    }
                    return true;
                });
        if (r.error() == null && width == null && badWidth != null) {
            // getopt32's xatoi_positive, coreutils' decode_line_length: the number is refused
            err.accept(busybox ? "ls: invalid number '" + badWidth + "'" : "ls: invalid line width: '" + badWidth + "'");
            return busybox ? 1 : 2;
        }
        if (r.error() != null) {
            err.accept("ls: " + r.error());
            if (busybox) {
                // bb_show_usage: the banner and the applet's usage, xfunc_die's status 1.
                BusyboxUsage.withBanner("ls").forEach(err);
                return 1;
            }
            // coreutils' usage(LS_FAILURE): the hint, status 2.
            err.accept("Try 'ls --help' for more information.");
            return 2;
        }
        List<String> operands = new ArrayList<>(r.operands());
        longFormat = format == 'l';
        boolean headers = operands.size() > 1 || recursive;
        if (operands.isEmpty()) {
            operands.add(".");
        }
        int status = 0;
        List<Entry> files = new ArrayList<>();
        List<Entry> dirs = new ArrayList<>();
        for (String o : operands) {
            String path = resolve.apply(o);
            String denied = path.equals("/") ? null : tree.openError(parent(path)); // stat(2) needs search permission above
            Commands.Stat s = denied == null ? stat(path) : null;
            if (denied != null) {
                err.accept(flavour == Flavour.BUSYBOX ? "ls: " + o + ": " + denied : "ls: cannot access '" + o + "': " + denied);
                status = flavour == Flavour.BUSYBOX ? 1 : 2;
            } else if (s == null) {
                err.accept(flavour == Flavour.BUSYBOX ? "ls: " + o + ": No such file or directory"
                        : "ls: cannot access '" + o + "': No such file or directory");
                status = flavour == Flavour.BUSYBOX ? 1 : 2;
            } else {
                if (s.symlink() && !directoryItself && !longFormat) {
                    // a link named on the command line is followed (coreutils' dereference-command-line-symlink-to-dir,
                    // BusyBox's the same without -l, -d)
                    Commands.Stat target = tree.stat(path + "/");
                    s = target != null && target.directory() ? target : s;
                }
                (s.directory() && !directoryItself ? dirs : files).add(new Entry(o, path, s));
            }
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        dirs.sort((a, b) -> a.name().compareTo(b.name()));
        if (!files.isEmpty()) {
            // GNU gobbles every operand before it sets the directories aside: their stats widen the files' columns.
            List<Entry> widths = new ArrayList<>(files);
            widths.addAll(dirs);
            print(files, widths, false);
        }
        for (Entry d : dirs) {
            directory(d.name(), d.path(), headers);
        }
        return refused ? (flavour == Flavour.BUSYBOX ? 1 : 2) : status;
    }

    private void flag(char f) {
        switch (f) {
            case 'l', '1', 'C', 'x' -> format = f;
            case 'a' -> all = true;
            case 'A' -> almostAll = true;
            case 'd' -> directoryItself = true;
            case 'h' -> human = true;
            case 'n' -> {
                numeric = true;
                format = 'l'; // -n is -l with numbers (BusyBox's "nl", GNU's format = long_format)
            }
            case 'R' -> recursive = true;
            case 'L' -> dereference = true;
            case 'i' -> inodes = true;
            default -> {
                // the other options the tool knows change nothing modelled here
            }
        }
    }

    private static Map<String, String> gnuLongs() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] table = {{"all", "a"}, {"escape", "b"}, {"directory", "d"}, {"dired", "D"}, {"full-time", "full-time"},
            {"group-directories-first", "group-directories-first"}, {"human-readable", "h"}, {"inode", "i"}, {"kibibytes", "k"},
            {"numeric-uid-gid", "n"}, {"no-group", "G"}, {"hide-control-chars", "q"}, {"reverse", "r"}, {"size", "s"},
            {"width", "w:"}, {"almost-all", "A"}, {"ignore-backups", "B"}, {"classify", "classify::"}, {"file-type", "file-type"},
            {"si", "si"}, {"dereference-command-line", "H"}, {"dereference-command-line-symlink-to-dir", "dcl"},
            {"hide", "hide:"}, {"ignore", "I:"}, {"dereference", "L"}, {"literal", "N"}, {"quote-name", "Q"},
            {"quoting-style", "quoting-style:"}, {"recursive", "R"}, {"format", "format:"}, {"show-control-chars", "show"},
            {"sort", "sort:"}, {"tabsize", "T:"}, {"time", "time:"}, {"time-style", "time-style:"}, {"zero", "zero"},
            {"color", "color::"}, {"hyperlink", "hyperlink::"}, {"block-size", "block-size:"}, {"context", "Z"},
            {"author", "author"}, {"help", "help"}, {"version", "version"}};
        for (String[] e : table) {
            m.put(e[0], e[1]);
        }
        return m;
    }

    /** Lists directory {@code path} (shown as {@code name}), then with -R its subdirectories. */
    private void directory(String name, String path, boolean header) {
        String denied = tree.openError(path);
        if (denied != null) { // BusyBox's xopendir-less opendir failure, coreutils' print_dir
            err.accept(flavour == Flavour.BUSYBOX ? "ls: can't open '" + name + "': " + denied
                    : "ls: cannot open directory '" + name + "': " + denied);
            refused = true;
            return;
        }
        if (header) {
            if (printed) {
                out.accept("");
            }
            out.accept(name + ":");
            printed = true;
        }
        List<Entry> entries = new ArrayList<>();
        if (all) {
            entries.add(new Entry(".", path, stat(path)));
            String parent = parent(path);
            entries.add(new Entry("..", parent, stat(parent)));
        }
        List<String> names = tree.list(path);
        for (String n : new TreeSet<>(names == null ? List.of() : names)) {
            if (!n.startsWith(".") || all || almostAll) {
                String p = path.equals("/") ? "/" + n : path + "/" + n;
                Commands.Stat s = stat(p);
                if (s != null) {
                    entries.add(new Entry(n, p, s));
                }
            }
        }
        print(entries, entries, true);
        if (recursive) {
            for (Entry e : entries) {
                if (e.stat().directory() && !e.name().equals(".") && !e.name().equals("..")) {
                    directory(name.endsWith("/") ? name + e.name() : name + "/" + e.name(), e.path(), true);
                }
            }
        }
    }

    /** lstat(2) of {@code path}, or with {@code -L} stat(2) where the link leads somewhere. */
    private Commands.Stat stat(String path) {
        return Commands.Stat.of(tree::stat, path, dereference);
    }

    /**
     * {@code -i}'s inode column before each line: BusyBox's display_single {@code "%7llu "}, GNU's as wide as the
     * widest number among {@code widths}; empty without {@code -i}.
     */
    private String inode(Entry e, List<Entry> widths) {
        if (!inodes) {
            return "";
        }
        int w = 7;
        if (flavour != Flavour.BUSYBOX) {
            w = 1;
            for (Entry x : widths) {
                w = Math.max(w, Long.toString(tree.inode(x.path())).length());
            }
        }
        return String.format("%" + w + "d ", tree.inode(e.path()));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Prints {@code entries}, GNU's columns as wide as the widest of {@code widths}. */
    private void print(List<Entry> entries, List<Entry> widths, boolean directory) {
        if (!longFormat) {
            List<String> names = entries.stream().map(e -> inode(e, widths) + e.name()).toList();
            columns(names).forEach(out);
            printed |= !entries.isEmpty();
            return;
        }
        if (directory) {
            long blocks = 0;
            for (Entry e : entries) {
                blocks += e.stat().blocks();
            }
            long kib = (blocks + 1) / 2;
            out.accept("total " + (!human ? Long.toString(kib)
                    : flavour == Flavour.BUSYBOX ? String.format("%-7s", LsFormat.busyboxHuman(kib * 1024, false)) : LsFormat.gnuHuman(kib * 1024)));
        }
        if (flavour == Flavour.BUSYBOX) {
            entries.forEach(e -> out.accept(inode(e, widths) + busyboxLine(e)));
        } else {
            gnuLines(entries, widths);
        }
        printed = true;
    }

    /**
     * The names one a line ({@code -1}, or no option and stdout no terminal), else in columns
     * ({@code -C}, {@code -x}, or a terminal) as wide as {@code -w}, or the terminal's, says.
     */
    private List<String> columns(List<String> names) {
        char f = format != 0 ? format : stdoutTty ? 'C' : '1';
        if (f == '1' || names.isEmpty()) {
            return names;
        }
        if (flavour == Flavour.BUSYBOX) {
            int w = width != null ? width : LsColumns.busyboxWidth(columnsEnv, stdinColumns);
            return LsColumns.busybox(names, w, f == 'x');
        }
        int w = width != null ? width : LsColumns.gnuWidth(columnsEnv, stdoutColumns);
        return LsColumns.gnu(names, w, f == 'x');
    }

    /** The text of a {@code -w} value that is no width, or null. */
    private String badWidth;

    /** {@code -w N}'s width, or null (kept in {@link #badWidth}) when N is not a number either tool takes. */
    private Integer lineWidth(String value) {
        if (value != null && value.matches("[0-9]{1,9}")) {
            return Integer.parseInt(value);
        }
        badWidth = value;
        return null;
    }

    /** BusyBox display_single with -l. */
    private String busyboxLine(Entry e) {
        Commands.Stat s = e.stat();
        String owners = numeric ? String.format("%-8d %-8d ", s.uid(), s.gid())
                : String.format("%-8.8s %-8.8s ", user.apply(s.uid()), group.apply(s.gid()));
        // a device's major and minor where the size goes, "%4u,%4u " (ls.c display_single), -h or not
        String size = s.device() ? String.format("%4d,%4d ", s.major(), s.minor())
                : human ? String.format("%7s ", LsFormat.busyboxHuman(s.size(), true)) : String.format("%9d ", s.size());
        return String.format("%-10s %4d ", LsFormat.mode(s.mode()), s.links()) + owners + size
                + LsFormat.busyboxTime(s.mtimeMillis(), now) + " " + e.name() + arrow(e);
    }

    /** GNU print_long_format, each column as wide as its widest entry (gobble_file's width bookkeeping). */
    private void gnuLines(List<Entry> entries, List<Entry> widths) {
        int links = 0;
        int owner = 0;
        int grp = 0;
        int size = 0;
        int major = 0;
        int minor = 0;
        for (Entry e : widths) {
            Commands.Stat s = e.stat();
            links = Math.max(links, Integer.toString(s.links()).length());
            owner = Math.max(owner, owner(s.uid(), user).length());
            grp = Math.max(grp, owner(s.gid(), group).length());
            if (s.device()) {
                // gobble_file: a device's "MAJOR, MINOR" widens the size column as a size would
                major = Math.max(major, Integer.toString(s.major()).length());
                minor = Math.max(minor, Integer.toString(s.minor()).length());
                size = Math.max(size, major + 2 + minor);
            } else {
                size = Math.max(size, gnuSize(s.size()).length());
            }
        }
        for (Entry e : entries) {
            Commands.Stat s = e.stat();
            String sizeColumn = s.device()
                    ? right(Integer.toString(s.major()), major + Math.max(0, size - (major + 2 + minor))) + ", "
                            + right(Integer.toString(s.minor()), minor)
                    : right(gnuSize(s.size()), size);
            out.accept(inode(e, widths) + LsFormat.mode(s.mode()) + " " + right(Integer.toString(s.links()), links) + " "
                    + column(s.uid(), user, owner) + " " + column(s.gid(), group, grp) + " "
                    + sizeColumn + " " + LsFormat.gnuTime(s.mtimeMillis(), now) + " " + e.name() + arrow(e));
        }
    }

    /** A link's {@code  -> TARGET} after its name in the long format. */
    private String arrow(Entry e) {
        String target = e.stat().symlink() ? tree.readlink(e.path()) : null;
        return target == null ? "" : " -> " + target;
    }

    private String owner(int id, IntFunction<String> names) {
        return numeric ? Integer.toString(id) : names.apply(id);
    }

    /** format_user_or_group: a name left-aligned, a number (-n) right-aligned. */
    private String column(int id, IntFunction<String> names, int width) {
        String text = owner(id, names);
        return numeric ? right(text, width) : text + " ".repeat(width - text.length());
    }

    private String gnuSize(long bytes) {
        return human ? LsFormat.gnuHuman(bytes) : Long.toString(bytes);
    }

    private static String right(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }



}
