package dev.dockwire.text;

import dev.dockwire.libc.GetoptLong;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text tool's command line read as its C library's getopt_long reads it ({@link GetoptLong}), with the
 * option letters and long options of the tool's flavour: coreutils'/findutils' on glibc, BusyBox's
 * getopt32 strings on musl. What comes back is the options given (each key's last value), the operands,
 * or the tool's exit on a bad option ({@link TextContext#optionError}); an error a handler finds in a
 * value is the tool's own to report.
 */
record ToolOptions(Map<String, String> given, List<String> operands, TextResult error) {
    /** One flavour's getopt string and long options (null: getopt(3) alone, as BusyBox's head). */
    record Spec(String shorts, Map<String, String> longs) {
    }

    /** The options as {@link #given()} records them. */
    static ToolOptions parse(TextContext ctx, String tool, int status, Spec gnu, Spec busybox, List<String> args) {
        return parse(ctx, tool, status, gnu, busybox, args, (key, value) -> true);
    }

    /** As above, {@code handler} hearing each option in order (false stops the scan). */
    static ToolOptions parse(TextContext ctx, String tool, int status, Spec gnu, Spec busybox, List<String> args,
            GetoptLong.Handler handler) {
        Spec spec = ctx.flavour() == Flavour.GNU ? gnu : busybox;
        Map<String, String> given = new HashMap<>();
        GetoptLong.Result r = new GetoptLong(ctx.libc(), spec.shorts(), spec.longs()).parse(args, (key, value) -> {
            given.put(key, value == null ? "" : value);
            return handler.option(key, value);
        });
        return new ToolOptions(given, r.operands(), r.error() == null ? null : ctx.optionError(tool, status, r.error()));
    }

    /** Whether option {@code key} was given. */
    boolean has(String key) {
        return given.containsKey(key);
    }
}
