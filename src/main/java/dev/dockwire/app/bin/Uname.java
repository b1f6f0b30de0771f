package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code uname [-asnrvmpio]}: the kernel's identity from uname(2), which the container shares with
 * its host — its release and version as {@code /proc/sys/kernel/osrelease} and {@code version} hold
 * them, the node name its UTS namespace's hostname. GNU coreutils' (src/uname.c: fields in the order
 * s n r v m p i o whatever the options' order, {@code -a} leaving out an unknown processor and
 * platform, glibc's getopt_long words) or BusyBox's (coreutils/uname.c: the same order, musl's words,
 * any operand is bb_show_usage, and alpine's CONFIG_UNAME_OSNAME {@code Linux} where GNU says
 * {@code GNU/Linux}).
 */
public final class Uname implements Program {
    /** The options in the order uname prints their fields. */
    private static final String FIELDS = "snrvmpio";
    private static final String UNKNOWN = "unknown";

    private final boolean busybox;

    Uname(boolean busybox) {
        this.busybox = busybox;
    }

    private static Map<String, String> longs(boolean busybox) {
        Map<String, String> longs = new LinkedHashMap<>();
        longs.put("all", "a");
        longs.put("kernel-name", "s");
        longs.put("sysname", "s");
        longs.put("nodename", "n");
        longs.put("kernel-release", "r");
        longs.put("release", "r");
        longs.put("kernel-version", "v");
        longs.put("machine", "m");
        longs.put("processor", "p");
        longs.put("hardware-platform", "i");
        longs.put("operating-system", "o");
        if (!busybox) {
            longs.put("help", "help");
            longs.put("version", "version");
        }
        return longs;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        if (busybox && args.equals(List.of("--help"))) {
            Coreutils.busyboxUsage(ctx, "uname", null, 0);
            return;
        }
        StringBuilder chosen = new StringBuilder();
        String[] info = {null};
        GetoptLong.Result r = new GetoptLong(busybox ? Getopt.MUSL : Getopt.GLIBC, "asnrvmpio", longs(busybox)).parse(args, (key, value) -> {
            if (key.length() > 1) {
                info[0] = key;
                return false;
            }
            chosen.append(key);
            return true;
        });
        if (info[0] != null) {
            Coreutils.text(ctx, "uname", info[0]);
            return;
        }
        if (r.error() != null || !r.operands().isEmpty()) {
            if (busybox) {
                Coreutils.busyboxUsage(ctx, "uname", r.error(), 1);
            } else {
                Coreutils.usageError(ctx, "uname", r.error() != null ? r.error() : "extra operand " + Coreutils.quote(ctx, r.operands().get(0)));
            }
            return;
        }
        boolean all = chosen.indexOf("a") >= 0;
        String[] values = {line(ctx, "ostype"), ctx.hostname(), line(ctx, "osrelease"), line(ctx, "version"), "x86_64",
            UNKNOWN, UNKNOWN, busybox ? "Linux" : "GNU/Linux"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < FIELDS.length(); i++) {
            boolean asked = chosen.indexOf(String.valueOf(FIELDS.charAt(i))) >= 0 || chosen.isEmpty() && i == 0;
            if (all ? !values[i].equals(UNKNOWN) : asked) {
                out.add(values[i]);
            }
        }
        ctx.out(String.join(" ", out));
        ctx.exit(0);
    }

    /** {@code /proc/sys/kernel/NAME} without its newline. */
    private static String line(ProcessContext ctx, String name) {
        String v = ctx.readFile("/proc/sys/kernel/" + name);
        return v == null ? UNKNOWN : v.strip();
    }
}
