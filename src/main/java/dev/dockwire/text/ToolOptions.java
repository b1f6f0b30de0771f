package dev.dockwire.text;

import dev.dockwire.libc.GetoptLong;
import java.util.List;
import java.util.Map;

/**
 * A text tool's command line read as its C library's getopt_long reads it ({@link GetoptLong}), with the
 * option letters and long options of the tool's flavour: coreutils'/findutils' on glibc, BusyBox's
 * getopt32 strings on musl. What comes back is the operands, or the tool's exit on a bad option
 * ({@link TextContext#optionError}); an error the handler found in a value is the tool's own to report.
 */
record ToolOptions(List<String> operands, TextResult error) {
    /** One flavour's getopt string and long options (null: getopt(3) alone, as BusyBox's head). */
    record Spec(String shorts, Map<String, String> longs) {
    }

    static ToolOptions parse(TextContext ctx, String tool, int status, Spec gnu, Spec busybox, List<String> args,
            GetoptLong.Handler handler) {
        Spec spec = ctx.flavour() == Flavour.GNU ? gnu : busybox;
        GetoptLong.Result r = new GetoptLong(ctx.libc(), spec.shorts(), spec.longs()).parse(args, handler);
        return new ToolOptions(r.operands(), r.error() == null ? null : ctx.optionError(tool, status, r.error()));
    }
}
