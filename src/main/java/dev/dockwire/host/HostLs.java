package dev.dockwire.host;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.app.sh.LsColumns;
import dev.dockwire.app.sh.LsFormat;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * GNU coreutils 9.1's {@code ls [-a] [-A] [-l] [-1] [-C] [-d] [-h] [FILE...]} over the host's
 * {@link HostFileSystem} in the C locale (names in byte order, root's listing without colours as
 * Debian's /root/.bashrc leaves it): on a terminal in columns filled top to bottom as ls.c's
 * calculate_columns and print_many_per_line lay them out ({@link LsColumns}: 80 columns, tab stops every 8),
 * one a line otherwise; {@code -l} as print_long_format (owner root, six months for the year).
 */
final class HostLs {
    /** An entry as ls lists it: the name it prints and the path it stats. */
    private record Entry(String name, String path) {
    }

    static CommandResult run(List<String> args, HostFileSystem fs, boolean terminal, long nowMillis) {
        HostFileCommands.Options o = HostFileCommands.Options.parse("ls", args, "aAl1Cdh",
                Map.of("all", 'a', "almost-all", 'A', "directory", 'd', "human-readable", 'h'));
        if (o.refusal() != null) {
            return CommandResult.error(2, o.refusal());
        }
        HostLs ls = new HostLs(fs, o, terminal, nowMillis);
        return ls.list(o.operands().isEmpty() ? List.of(".") : o.operands());
    }

    private final HostFileSystem fs;
    private final HostFileCommands.Options o;
    private final boolean columns;
    private final long now;
    private final List<String> out = new ArrayList<>();

    private HostLs(HostFileSystem fs, HostFileCommands.Options o, boolean terminal, long now) {
        this.fs = fs;
        this.o = o;
        this.columns = !o.has('l') && !o.has('1') && (terminal || o.has('C'));
        this.now = now;
    }

    private CommandResult list(List<String> operands) {
        int status = 0;
        List<Entry> files = new ArrayList<>();
        TreeSet<String> dirs = new TreeSet<>();
        for (String op : new TreeSet<>(operands)) {
            HostFileSystem.Stat l = fs.lstat(op);
            if (l == null) {
                out.add("ls: cannot access '" + op + "': " + HostFileSystem.Errno.ENOENT.text);
                status = 2;
            } else if (fs.isDirectory(op) && !o.has('d') && !(l.symlink() && o.has('l'))) { // -l lists a link operand itself
                dirs.add(op);
            } else {
                files.add(new Entry(op, op));
            }
        }
        int errors = out.size();
        if (!files.isEmpty()) {
            print(files, false);
        }
        boolean headers = operands.size() > 1;
        for (String dir : dirs) {
            if (out.size() > errors) {
                out.add("");
            }
            if (headers) {
                out.add(dir + ":");
            }
            List<Entry> entries = new ArrayList<>();
            if (o.has('a')) {
                entries.add(new Entry(".", dir + "/."));
                entries.add(new Entry("..", dir + "/.."));
            }
            for (String name : fs.list(dir)) {
                if (!name.startsWith(".") || o.has('a') || o.has('A')) {
                    entries.add(new Entry(name, dir + "/" + name));
                }
            }
            print(entries, true);
        }
        return new CommandResult(status, out, List.copyOf(out.subList(0, errors)));
    }

    private void print(List<Entry> entries, boolean directory) {
        if (o.has('l')) {
            longFormat(entries, directory);
        } else if (columns) {
            out.addAll(LsColumns.gnu(entries.stream().map(Entry::name).toList(), LsColumns.DEFAULT_WIDTH, false));
        } else {
            entries.forEach(e -> out.add(e.name()));
        }
    }

    /** print_long_format: mode, links, owner, group, size, mtime, name; {@code total} in 1K blocks (ext4's 4K each). */
    private void longFormat(List<Entry> entries, boolean directory) {
        List<HostFileSystem.Stat> stats = entries.stream().map(e -> fs.lstat(e.path())).toList();
        long blocks = 0;
        int linkWidth = 1;
        int sizeWidth = 1;
        for (int i = 0; i < entries.size(); i++) {
            HostFileSystem.Stat s = stats.get(i);
            blocks += s.symlink() ? 0 : (s.size() + 4095) / 4096 * 4; // a short link's target lives in its inode (ext4's fast symlink)
            linkWidth = Math.max(linkWidth, Integer.toString(links(entries.get(i), s)).length());
            sizeWidth = Math.max(sizeWidth, size(s).length());
        }
        if (directory) {
            out.add("total " + (o.has('h') ? LsFormat.gnuHuman(blocks * 1024) : Long.toString(blocks)));
        }
        for (int i = 0; i < entries.size(); i++) {
            HostFileSystem.Stat s = stats.get(i);
            int type = s.directory() ? Commands.Stat.DIRECTORY : s.symlink() ? Commands.Stat.SYMLINK : 0;
            out.add(LsFormat.mode(type | s.mode()) + " "
                    + pad(Integer.toString(links(entries.get(i), s)), linkWidth) + " root root "
                    + pad(size(s), sizeWidth) + " " + LsFormat.gnuTime(s.mtimeMillis(), now) + " " + entries.get(i).name()
                    + (s.symlink() ? " -> " + s.link() : ""));
        }
    }

    /** A directory's link count: its own entry, its {@code .} and each subdirectory's {@code ..}. */
    private int links(Entry e, HostFileSystem.Stat s) {
        if (!s.directory()) {
            return 1;
        }
        int n = 2;
        for (String name : fs.list(e.path())) {
            n += fs.isDirectory(e.path() + "/" + name) ? 1 : 0;
        }
        return n;
    }

    private String size(HostFileSystem.Stat s) {
        return o.has('h') ? LsFormat.gnuHuman(s.size()) : Long.toString(s.size());
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
