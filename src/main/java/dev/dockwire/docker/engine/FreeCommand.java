package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.libc.BusyboxUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code free} over the container's {@code /proc/meminfo} (the machine's: memory is not
 * namespaced), as BusyBox's procps/free.c and procps-ng 4's free.c print it. Both read the same
 * fields: buff/cache is Buffers + Cached + SReclaimable; BusyBox's used is what is neither free nor
 * cache, procps 4's is total minus MemAvailable. Units: {@code -b}, {@code -k} (the default),
 * {@code -m}, {@code -g}, and {@code -h} (BusyBox's make_human_readable_str, procps' scale_size:
 * the shortest of {@code %ld}, {@code %.1f}, {@code %ld} per unit that fits four characters, then
 * {@code i}).
 */
final class FreeCommand {
    private FreeCommand() {
    }

    static CommandOutput run(boolean busybox, List<String> args, String meminfo) {
        char unit = 'k';
        for (String a : args) {
            if (a.startsWith("--") && !busybox) {
                return usage(false, "free: unrecognized option '" + a + "'");
            }
            for (char o : a.length() > 1 && a.charAt(0) == '-' ? a.substring(1).toCharArray() : new char[0]) {
                if ("bkmgh".indexOf(o) < 0) {
                    return usage(busybox, busybox ? "free: unrecognized option: " + o : "free: invalid option -- '" + o + "'");
                }
                unit = o;
            }
        }
        Map<String, Long> kb = fields(meminfo);
        long total = kb.getOrDefault("MemTotal", 0L);
        long free = kb.getOrDefault("MemFree", 0L);
        long shared = kb.getOrDefault("Shmem", 0L);
        long cache = kb.getOrDefault("Buffers", 0L) + kb.getOrDefault("Cached", 0L) + kb.getOrDefault("SReclaimable", 0L);
        long available = kb.getOrDefault("MemAvailable", 0L);
        long used = busybox ? total - free - cache : total - available;
        long swapTotal = kb.getOrDefault("SwapTotal", 0L);
        long swapFree = kb.getOrDefault("SwapFree", 0L);
        long[] mem = {total, used, free, shared, cache, available};
        long[] swap = {swapTotal, swapTotal - swapFree, swapFree};
        String[] header = {"total", "used", "free", "shared", "buff/cache", "available"};
        StringBuilder h = new StringBuilder(busybox ? "       " : String.format(Locale.ROOT, "%-9s", ""));
        StringBuilder m = new StringBuilder(busybox ? "Mem:   " : String.format(Locale.ROOT, "%-9s", "Mem:"));
        StringBuilder s = new StringBuilder(busybox ? "Swap:  " : String.format(Locale.ROOT, "%-9s", "Swap:"));
        for (int i = 0; i < header.length; i++) {
            String fmt = busybox ? "%12s" : i == 0 ? "%11s" : " %11s";
            h.append(String.format(Locale.ROOT, fmt, header[i]));
            m.append(String.format(Locale.ROOT, fmt, value(busybox, unit, mem[i])));
            if (i < swap.length) {
                s.append(String.format(Locale.ROOT, fmt, busybox && unit == 'h' ? Long.toString(swap[i]) : value(busybox, unit, swap[i])));
            }
        }
        return CommandOutput.ok(List.of(h.toString(), m.toString(), s.toString()));
    }

    /** A bad option: BusyBox's bb_show_usage, procps' usage(stderr); both exit 1. */
    private static CommandOutput usage(boolean busybox, String error) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(error);
        lines.addAll(busybox ? BusyboxUsage.withBanner("free") : USAGE);
        return CommandOutput.error(1, lines);
    }

    /** procps' usage text (resource free-procps.usage, its {@code # } notes dropped): a blank line, then the text. */
    private static final List<String> USAGE = usageText();

    private static List<String> usageText() {
        try (java.io.InputStream in = FreeCommand.class.getResourceAsStream("free-procps.usage")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().dropWhile(l -> l.startsWith("# ")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code kb} in the unit asked for. */
    private static String value(boolean busybox, char unit, long kb) {
        return switch (unit) {
            case 'b' -> Long.toString(kb * 1024);
            case 'm' -> Long.toString(kb >> 10);
            case 'g' -> Long.toString(kb >> 20);
            case 'h' -> busybox ? busyboxHuman(kb) : procpsHuman(kb);
            default -> Long.toString(kb);
        };
    }

    /** libbb's make_human_readable_str(kb, 1024, 0): {@code ls -h}'s of the bytes. */
    static String busyboxHuman(long kb) {
        return dev.dockwire.app.sh.LsFormat.busyboxHuman(kb * 1024, true);
    }

    /** procps-ng 4's scale_size with -h: bytes, then K, M, G, T, P in the shortest form of at most four characters, then {@code i}. */
    static String procpsHuman(long kb) {
        if (Long.toString(kb * 1024).length() + 1 <= 4) {
            return kb * 1024 + "B";
        }
        if (Long.toString(kb).length() + 1 <= 4) {
            return kb + "Ki";
        }
        String units = "MGTPE";
        for (int i = 0; i < units.length(); i++) {
            double v = kb * 1024.0 / Math.pow(1024, i + 2);
            String one = String.format(Locale.ROOT, "%.1f", v);
            if (one.length() + 1 <= 4) {
                return one + units.charAt(i) + "i";
            }
            String whole = Long.toString((long) v);
            if (whole.length() + 1 <= 4) {
                return whole + units.charAt(i) + "i";
            }
        }
        return kb + "Ki";
    }

    /** /proc/meminfo's fields in kB. */
    private static Map<String, Long> fields(String meminfo) {
        Map<String, Long> out = new HashMap<>();
        if (meminfo == null) {
            return out;
        }
        for (String line : meminfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String[] words = line.substring(colon + 1).trim().split("\\s+");
                try {
                    out.put(line.substring(0, colon), Long.parseLong(words[0]));
                } catch (NumberFormatException ignored) {
                    // not a number: not a field free reads
                }
            }
        }
        return out;
    }
}
