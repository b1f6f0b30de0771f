package dev.dockwire.docker.engine;

import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container file tool's command line ({@code mkdir}, {@code rmdir}, {@code rm}, {@code cp},
 * {@code mv}) read as its C library's getopt_long reads it ({@link GetoptLong}: permutation,
 * bundles, {@code --}, unambiguous prefixes of long options), with its package's option letters:
 * coreutils' on glibc, BusyBox's getopt32 strings on musl — as the text tools read theirs
 * ({@code text.ToolOptions}). What comes back is the options given (each key's last value), the
 * operands, or getopt's error line without the tool's name (null when there was none).
 */
record ToolCommandLine(Map<String, String> given, List<String> operands, String error) {
    /** One package's getopt string and long options (long name to key, {@code :} when it takes an argument). */
    record Spec(String shorts, Map<String, String> longs) {
    }

    /** {@code args} read with {@code busybox}'s spec on musl, else {@code gnu}'s on glibc. */
    static ToolCommandLine parse(boolean busybox, Spec gnu, Spec bb, List<String> args) {
        Spec spec = busybox ? bb : gnu;
        Map<String, String> given = new HashMap<>();
        GetoptLong.Result r = new GetoptLong(busybox ? Getopt.MUSL : Getopt.GLIBC, spec.shorts(), spec.longs()).parse(args, (key, value) -> {
            given.put(key, value == null ? "" : value);
            return true;
        });
        return new ToolCommandLine(given, r.operands(), r.error());
    }

    /** Whether option {@code key} was given. */
    boolean has(String key) {
        return given.containsKey(key);
    }
}
