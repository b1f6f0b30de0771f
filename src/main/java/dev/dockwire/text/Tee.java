package dev.dockwire.text;

import java.util.List;

/** {@code tee [-a] FILE...}: stdin to stdout and to each file (appended with {@code -a}). */
final class Tee implements TextTool {
    /** coreutils' tee.c: "aip" and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("aip", java.util.Map.of("append", "a", "ignore-interrupts", "i",
            "output-error", "p::"));
    /** BusyBox 1.36.1's getopt32 "ia". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("ia", java.util.Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "tee", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        boolean append = o.has("a"); // -i (ignore SIGINT) and GNU's -p change nothing here
        List<String> files = o.operands();
        List<String> in = stdin == null ? List.of() : stdin;
        String content = Lines.text(in);
        Lines out = new Lines();
        int status = 0;
        for (String f : files) {
            if (!ctx.files().write(f, content, append)) {
                out.add("tee: " + f + ": No such file or directory");
                status = 1;
            }
        }
        out.addAll(in);
        out.unterminated(Lines.unterminated(in));
        return new TextResult(status, out);
    }
}
