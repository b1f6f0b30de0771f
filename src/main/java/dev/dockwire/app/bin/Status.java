package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import java.util.List;

/** BusyBox {@code true} and {@code false}: print nothing and exit 0 or 1. */
public final class Status implements Program {
    private final int status;

    public Status(int status) {
        this.status = status;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        ctx.exit(status);
    }
}
