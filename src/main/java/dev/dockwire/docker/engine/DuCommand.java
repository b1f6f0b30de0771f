package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.app.sh.LsFormat;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code du [-a|-s|-d N] [-c] [-h|-k|-m] [FILE]...} in a container, over its tree's lstat(2) and listings, links not
 * followed: each directory's total after what it holds, files too with {@code -a}, the operands alone with
 * {@code -s}, as coreutils' du.c and BusyBox's coreutils/du.c print them. The sizes are st_blocks' 512-byte units
 * as the container's stat gives them ({@link ContainerStat}: ext4's 4K blocks under overlayfs, a file's size rounded
 * up to 4096, a directory one block, a link or an empty file none), summed, and shown in KiB (coreutils rounds up,
 * BusyBox to nearest; whole blocks make them agree), MiB with {@code -m}, or {@code -h}'s human form: coreutils'
 * human_readable with human_ceiling ({@code 8.0K}, {@code 20K}, {@code 2.0M}), BusyBox's make_human_readable_str
 * ({@code 20.0K}, {@code 1.9M}). Entries come in name order, where the real ones follow readdir's.
 */
public final class DuCommand {
    private final boolean busybox;
    private final Function<String, Commands.Stat> lstat;
    private final Function<String, List<String>> list;
    private final List<String> out = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, String> given = new HashMap<>();
    private int maxDepth = Integer.MAX_VALUE;
    private boolean all;

    /** BusyBox's ({@code busybox}) or coreutils', over {@code lstat} (null: none) and {@code list} (a directory's names). */
    public DuCommand(boolean busybox, Function<String, Commands.Stat> lstat, Function<String, List<String>> list) {
        this.busybox = busybox;
        this.lstat = lstat;
        this.list = list;
    }

    /** Whether {@code argv} is a {@code du}. */
    public static boolean handles(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("du");
    }

    /** Runs {@code argv} from directory {@code cwd}. */
    public CommandOutput run(List<String> argv, String cwd) {
        Map<String, String> longs = busybox ? null : Map.of("all", "a", "summarize", "s", "human-readable", "h", "total", "c",
                "max-depth", "d:");
        GetoptLong.Result r = new GetoptLong(busybox ? Getopt.MUSL : Getopt.GLIBC, "ashkmcd:", longs).parse(argv.subList(1, argv.size()),
                (key, value) -> {
                    given.put(key, value == null ? "" : value);
                    return true;
                });
        if (r.error() != null) {
            List<String> lines = new ArrayList<>(List.of("du: " + r.error()));
            lines.addAll(busybox ? dev.dockwire.libc.BusyboxUsage.withBanner("du") : List.of("Try 'du --help' for more information."));
            return CommandOutput.error(1, lines);
        }
        all = given.containsKey("a");
        if (given.containsKey("s")) {
            maxDepth = 0;
        } else if (given.containsKey("d")) {
            maxDepth = Integer.parseInt(given.get("d"));
        }
        List<String> operands = r.operands().isEmpty() ? List.of(".") : r.operands();
        long total = 0;
        int status = 0;
        for (String o : operands) {
            String abs = o.startsWith("/") ? o : (cwd.endsWith("/") ? cwd : cwd + "/") + o;
            String path = java.nio.file.Path.of(abs).normalize().toString();
            Commands.Stat st = lstat.apply(path);
            if (st == null) {
                String line = busybox ? "du: " + o + ": No such file or directory" : "du: cannot access '" + o + "': No such file or directory";
                out.add(line);
                errors.add(line);
                status = 1;
                continue;
            }
            total += walk(o, path, st, 0);
        }
        if (given.containsKey("c")) {
            out.add(size(total) + "\ttotal");
        }
        return new CommandOutput(status, out, errors);
    }

    /** The 512-byte blocks under {@code path}, printing its entries deepest first. */
    private long walk(String shown, String path, Commands.Stat st, int depth) {
        long blocks = st.blocks();
        boolean dir = (st.mode() & 0170000) == Commands.Stat.DIRECTORY;
        if (dir) {
            List<String> names = list.apply(path);
            for (String n : names == null ? List.<String>of() : names) {
                String child = path.equals("/") ? "/" + n : path + "/" + n;
                Commands.Stat cs = lstat.apply(child);
                if (cs != null) {
                    blocks += walk(shown.endsWith("/") ? shown + n : shown + "/" + n, child, cs, depth + 1);
                }
            }
        }
        if (depth == 0 || depth <= maxDepth && (dir || all)) {
            out.add(size(blocks) + "\t" + shown);
        }
        return blocks;
    }

    /** {@code blocks} of 512 bytes as this du shows a size. */
    private String size(long blocks) {
        long bytes = blocks * 512;
        if (given.containsKey("h")) {
            return busybox ? LsFormat.busyboxHuman(bytes, true) : LsFormat.gnuHuman(bytes); // ls -h's make_human_readable_str and human_readable
        }
        long unit = given.containsKey("m") ? 1024 * 1024 : 1024;
        return Long.toString(busybox ? (bytes + unit / 2) / unit : (bytes + unit - 1) / unit);
    }
}
