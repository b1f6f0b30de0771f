package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/** BusyBox {@code echo [-neE] [ARG...]} (coreutils/echo.c): the arguments joined by spaces; {@code -n} drops the newline. */
public final class Echo implements Program {
    @Override
    public void start(ProcessContext ctx, List<String> args) {
        int i = 0;
        boolean newline = true;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            newline &= !args.get(i).contains("n");
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (newline || !text.isEmpty()) {
            text.lines().forEach(ctx::out);
            if (text.isEmpty()) {
                ctx.out("");
            }
        }
        ctx.exit(0);
    }
}
