package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nproc [--all] [--ignore=N]}: the CPUs the process may run on (sched_getaffinity; no
 * cpuset narrows a container's here, so all online ones, {@code /sys/devices/system/cpu/online}),
 * less N but at least one. GNU coreutils' (src/nproc.c: extra operands refused, {@code invalid
 * number: ‘X’}) or BusyBox's (coreutils/nproc.c: long options only, operands ignored, musl's getopt
 * words with bb_show_usage, {@code invalid number 'X'}).
 */
public final class Nproc implements Program {
    private final boolean busybox;

    Nproc(boolean busybox) {
        this.busybox = busybox;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        if (busybox && args.equals(List.of("--help"))) {
            Coreutils.busyboxUsage(ctx, "nproc", null, 0);
            return;
        }
        Map<String, String> longs = new LinkedHashMap<>();
        longs.put("all", "all");
        longs.put("ignore", "ignore:");
        if (!busybox) {
            longs.put("help", "help");
            longs.put("version", "version");
        }
        String[] ignore = {null};
        String[] info = {null};
        GetoptLong.Result r = new GetoptLong(busybox ? Getopt.MUSL : Getopt.GLIBC, "", longs).parse(args, (key, value) -> {
            switch (key) {
                case "ignore" -> ignore[0] = value;
                case "help", "version" -> info[0] = key;
                default -> { }
            }
            return info[0] == null;
        });
        if (info[0] != null) {
            Coreutils.text(ctx, "nproc", info[0]);
            return;
        }
        if (r.error() != null) {
            if (busybox) {
                Coreutils.busyboxUsage(ctx, "nproc", r.error(), 1);
            } else {
                Coreutils.usageError(ctx, "nproc", r.error());
            }
            return;
        }
        if (!busybox && !r.operands().isEmpty()) {
            Coreutils.usageError(ctx, "nproc", "extra operand " + Coreutils.quote(ctx, r.operands().get(0)));
            return;
        }
        long n = 0;
        if (ignore[0] != null) {
            try {
                n = Long.parseLong(ignore[0].strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                ctx.err(busybox ? "nproc: invalid number '" + ignore[0] + "'" : "nproc: invalid number: " + Coreutils.quote(ctx, ignore[0]));
                ctx.exit(1);
                return;
            }
        }
        ctx.out(String.valueOf(Math.max(1, online(ctx) - n)));
        ctx.exit(0);
    }

    /** The CPUs in {@code /sys/devices/system/cpu/online}'s cpulist ({@code 0-1,4}); one when it cannot be read. */
    private static int online(ProcessContext ctx) {
        String list = ctx.readFile("/sys/devices/system/cpu/online");
        if (list == null || list.isBlank()) {
            return 1;
        }
        int count = 0;
        for (String part : list.strip().split(",")) {
            String[] range = part.split("-");
            count += range.length == 2 ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
        }
        return count;
    }
}
