package dev.dockwire.app;

import java.util.List;

/** A command that runs in a container ({@code ping}, {@code curl}, a server). Starts on the event loop and later calls {@code ctx.exit}. */
@FunctionalInterface
public interface Program {
    /** {@code args} excludes the program name. */
    void start(ProcessContext ctx, List<String> args);

    /**
     * What dockwire says, on stderr with status {@link #NOT_MODELLED}, for a program the image has
     * on its PATH but dockwire does not run (its package's code is not modelled).
     */
    static String notModelled(String name) {
        return "dockwire: " + name + " is on the image's PATH but not modelled, so it cannot run here";
    }

    /** The status of {@link #notModelled}: the shell's "found but cannot execute". */
    int NOT_MODELLED = 126;
}
