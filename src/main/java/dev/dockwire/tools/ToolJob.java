package dev.dockwire.tools;

import java.util.List;
import java.util.function.Consumer;

/**
 * A host tool that runs until it is stopped ({@code tcpdump}, {@code conntrack -E}): what it
 * printed so far, whether it has ended, and the end a signal gives it (SIGINT or SIGTERM: it prints
 * its closing count and exits 0).
 */
public interface ToolJob {
    /** The command line that started it, for {@code jobs}. */
    String command();

    /** Whether it has printed its closing lines and prints nothing more. */
    boolean stopped();

    /** Like SIGINT: stops and prints the closing lines (once). */
    void stop();

    /** The lines printed since the last call. */
    List<String> drain();

    /** From now on every line goes to {@code out} as it is printed (those pending first), not to {@link #drain}. */
    void follow(Consumer<String> out);
}
