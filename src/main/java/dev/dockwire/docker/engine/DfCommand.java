package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.libc.BusyboxUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code df} over the container's mount table ({@link ProcFiles#mounts}) and each file system's
 * statfs(2) ({@link StatFs}), as BusyBox's coreutils/df.c and GNU coreutils' df print it.
 * <ul>
 * <li>BusyBox: every mount with blocks (all with {@code -a}), in the table's order, the masks and the
 *     three bound files included; columns {@code %-20s} then {@code %9s}s, sizes rounded to the unit,
 *     Use% rounded; a source wider than 20 on a line of its own.</li>
 * <li>GNU: dummy file systems (proc, sysfs, devpts, mqueue, cgroup2) and empty ones left out, one
 *     line per device (filter_mount_list: the mount nearest the root wins, in the place of the
 *     device's first), columns as wide as their widest cell (the source at least 14, numbers 5),
 *     sizes and Use% rounded up.</li>
 * </ul>
 * Options: {@code -h}, {@code -k}, {@code -m}, {@code -P}, {@code -T}, {@code -a}, {@code -i},
 * {@code -t TYPE}, GNU's {@code -x TYPE}; operands name the mount holding each file.
 */
final class DfCommand {
    /** One line of the mount table with its statfs numbers. */
    private record Row(String source, String target, String type, StatFs.Numbers fs) {
    }

    private DfCommand() {
    }

    /** statfs(2) of one line of the mount table: source, target, type, options. */
    interface StatFsOf {
        StatFs.Numbers of(String source, String target, String type, String options);
    }

    static CommandOutput run(boolean busybox, List<String> args, String mounts, StatFsOf statfs, Predicate<String> exists) {
        Map<Character, String> opts = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        String spec = busybox ? "PkmhTaitB" : "PkmhTaitxB";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                operands.add(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char o = a.charAt(k);
                if (spec.indexOf(o) < 0 || a.startsWith("--")) {
                    return usage(busybox, a.startsWith("--") ? a : String.valueOf(o), a.startsWith("--"));
                }
                if (o == 't' || o == 'x' || o == 'B') {
                    String value = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null) {
                        return busybox ? CommandOutput.error(1, withUsage("df: option requires an argument: " + o))
                                : CommandOutput.error(1, List.of("df: option requires an argument -- '" + o + "'",
                                        "Try 'df --help' for more information."));
                    }
                    opts.put(o, value);
                    break;
                }
                opts.put(o, "");
            }
        }
        BlockSize blocks = null;
        if (opts.containsKey('B')) {
            blocks = BlockSize.parse(busybox, opts.get('B'));
            if (blocks == null) {
                return CommandOutput.error(1, List.of(busybox ? "df: invalid number '" + opts.get('B') + "'"
                        : "df: invalid -B argument '" + opts.get('B') + "'"));
            }
        }
        List<Row> table = new ArrayList<>();
        for (String line : mounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 4) {
                table.add(new Row(f[0], f[1], f[2], statfs.of(f[0], f[1], f[2], f[3])));
            }
        }
        List<String> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (operands.isEmpty()) {
            for (Row r : table) {
                if ((opts.containsKey('a') || r.fs.blocks() > 0 && (busybox || !StatFs.dummy(r.type)))
                        && (!opts.containsKey('t') || opts.get('t').equals(r.type))
                        && (!opts.containsKey('x') || !opts.get('x').equals(r.type))) {
                    rows.add(r);
                }
            }
            if (!busybox && !opts.containsKey('a')) {
                rows = oneLinePerDevice(rows);
            }
        } else {
            for (String path : operands) {
                Row holder = null;
                for (Row r : table) {
                    if (exists.test(path) && (path.equals(r.target) || r.target.equals("/") || path.startsWith(r.target + "/"))) {
                        holder = r; // the last mount over the path is the one it sees
                    }
                }
                if (holder == null) {
                    errors.add(busybox ? "df: " + path + ": can't find mount point" : "df: " + path + ": No such file or directory");
                } else {
                    rows.add(holder);
                }
            }
        }
        List<String> out = busybox ? busybox(rows, opts, blocks) : gnu(rows, opts, blocks);
        if (!busybox && rows.isEmpty() && errors.isEmpty()) {
            return CommandOutput.error(1, List.of("df: no file systems processed"));
        }
        // GNU df stats every operand before its header and prints no table when none was found (df.c main)
        List<String> all = new ArrayList<>(busybox ? out : errors);
        all.addAll(busybox ? errors : rows.isEmpty() ? List.of() : out);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, all, errors);
    }

    /** GNU df's filter_mount_list: one row per device, the mount whose target is nearest the root, where the device first showed. */
    private static List<Row> oneLinePerDevice(List<Row> rows) {
        Map<String, Row> byDevice = new LinkedHashMap<>();
        for (Row r : rows) {
            byDevice.merge(r.fs.device(), r, (kept, next) -> next.target.length() < kept.target.length() ? next : kept);
        }
        return new ArrayList<>(byDevice.values());
    }

    private static List<String> busybox(List<Row> rows, Map<Character, String> opts, BlockSize blocks) {
        boolean human = opts.containsKey('h') && blocks == null;
        boolean inodes = opts.containsKey('i');
        long unit = blocks != null ? blocks.bytes() : opts.containsKey('m') ? 1024 * 1024 : 1024;
        String units = inodes ? "   Inodes" : human ? "     Size" : blocks != null ? blocks.header() : opts.containsKey('P') ? "1024-blocks"
                : opts.containsKey('m') ? "1M-blocks" : "1K-blocks";
        List<String> out = new ArrayList<>();
        out.add("Filesystem           " + (opts.containsKey('T') ? "Type       " : "")
                + String.format(Locale.ROOT, "%-15s", units) + "Used Available " + (opts.containsKey('P') ? "Capacity" : "Use%") + " Mounted on");
        for (Row r : rows) {
            StatFs.Numbers n = r.fs;
            long total = inodes ? n.files() : n.blocks();
            long used = inodes ? n.files() - n.ffree() : n.blocks() - n.bfree();
            long avail = inodes ? n.ffree() : n.bavail();
            long bsize = inodes ? 1 : n.bsize();
            long pct = used + avail == 0 ? 0 : (used * 100 + (used + avail) / 2) / (used + avail);
            StringBuilder line = new StringBuilder();
            String source = String.format(Locale.ROOT, "%-20s", r.source);
            line.append(source);
            if (source.length() > 20 && !opts.containsKey('P')) {
                out.add(line.toString());
                line.setLength(0);
                line.append(" ".repeat(20));
            }
            if (opts.containsKey('T')) {
                line.append(String.format(Locale.ROOT, " %-10s", r.type));
            }
            line.append(String.format(Locale.ROOT, " %9s %9s %9s %3d%% %s", busyboxSize(total, bsize, human, inodes ? 1 : unit),
                    busyboxSize(used, bsize, human, inodes ? 1 : unit), busyboxSize(avail, bsize, human, inodes ? 1 : unit), pct, r.target));
            out.add(line.toString());
        }
        return out;
    }

    /** make_human_readable_str(blocks, bsize, unit): rounded to the unit, or with -h scaled with one decimal. */
    private static String busyboxSize(long blocks, long bsize, boolean human, long unit) {
        if (human) {
            return blocks == 0 ? "0" : FreeCommand.busyboxHuman(blocks * bsize / 1024);
        }
        return Long.toString((blocks * bsize + unit / 2) / unit);
    }

    private static List<String> gnu(List<Row> rows, Map<Character, String> opts, BlockSize blocks) {
        boolean human = opts.containsKey('h') && blocks == null;
        boolean inodes = opts.containsKey('i');
        boolean type = opts.containsKey('T');
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Filesystem", "Type", inodes ? "Inodes" : human ? "Size" : blocks != null ? blocks.header() : opts.containsKey('P') ? "1024-blocks"
                : opts.containsKey('m') ? "1M-blocks" : "1K-blocks", inodes ? "IUsed" : "Used",
                inodes ? "IFree" : human ? "Avail" : "Available", inodes ? "IUse%" : opts.containsKey('P') ? "Capacity" : "Use%", "Mounted on"});
        long unit = blocks != null ? blocks.bytes() : opts.containsKey('m') ? 1024 * 1024 : 1024;
        String suffix = blocks != null && !inodes ? blocks.suffix() : "";
        for (Row r : rows) {
            StatFs.Numbers n = r.fs;
            long total = inodes ? n.files() : n.blocks() * n.bsize();
            long used = inodes ? n.files() - n.ffree() : (n.blocks() - n.bfree()) * n.bsize();
            long avail = inodes ? n.ffree() : n.bavail() * n.bsize();
            String pct = used + avail == 0 ? "-" : ((used * 100 + used + avail - 1) / (used + avail)) + "%";
            cells.add(new String[] {r.source, r.type, gnuSize(total, human, inodes, unit) + suffix, gnuSize(used, human, inodes, unit) + suffix,
                    gnuSize(avail, human, inodes, unit) + suffix, pct, r.target});
        }
        int[] width = {14, 4, 5, 5, 5, 4, 0}; // df.c field_data's widths
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width[0] + "s", row[0]));
            if (type) {
                line.append(' ').append(String.format(Locale.ROOT, "%-" + width[1] + "s", row[1]));
            }
            for (int i = 2; i < 6; i++) {
                line.append(' ').append(String.format(Locale.ROOT, "%" + width[i] + "s", row[i]));
            }
            out.add(line.append(' ').append(row[6]).toString());
        }
        return out;
    }

    /** GNU's human_readable for df: rounded up; with -h in powers of 1024, one decimal below 10. */
    private static String gnuSize(long value, boolean human, boolean inodes, long unit) {
        if (!human) {
            return Long.toString(inodes ? value : (value + unit - 1) / unit);
        }
        if (value < 1024 && inodes || value == 0) {
            return Long.toString(value);
        }
        String units = "KMGTPE";
        double v = value;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (u < 0) {
            return Long.toString(value);
        }
        double tenths = Math.ceil(v * 10 - 1e-9) / 10;
        if (tenths < 10) {
            return String.format(Locale.ROOT, "%.1f%c", tenths, units.charAt(u));
        }
        long whole = (long) Math.ceil(v - 1e-9);
        if (whole >= 1024 && u < units.length() - 1) {
            return "1.0" + units.charAt(u + 1);
        }
        return whole + String.valueOf(units.charAt(u));
    }

    private static CommandOutput usage(boolean busybox, String option, boolean longOption) {
        if (busybox) {
            return CommandOutput.error(1, withUsage("df: unrecognized option: " + option.replaceFirst("^--", "")));
        }
        return CommandOutput.error(1, List.of(longOption ? "df: unrecognized option '" + option + "'" : "df: invalid option -- '" + option + "'",
                "Try 'df --help' for more information."));
    }

    private static List<String> withUsage(String error) {
        List<String> lines = new ArrayList<>();
        lines.add(error);
        lines.addAll(BusyboxUsage.withBanner("df"));
        return lines;
    }
}
