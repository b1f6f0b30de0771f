package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/** BusyBox {@code cat FILE...} (coreutils/cat.c): each file's lines; a missing one is reported and makes the status 1. */
public final class Cat implements Program {
    @Override
    public void start(ProcessContext ctx, List<String> args) {
        int status = 0;
        for (String path : args) {
            String content = ctx.readFile(path);
            if (content == null) {
                ctx.err("cat: can't open '" + path + "': No such file or directory");
                status = 1;
            } else {
                content.lines().forEach(ctx::out);
            }
        }
        ctx.exit(status);
    }
}
