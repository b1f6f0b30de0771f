package dev.dockwire.app;

import java.util.List;

/** A command that runs in a container ({@code ping}, {@code curl}, a server). Starts on the event loop and later calls {@code ctx.exit}. */
@FunctionalInterface
public interface Program {
    /** {@code args} excludes the program name. */
    void start(ProcessContext ctx, List<String> args);
}
