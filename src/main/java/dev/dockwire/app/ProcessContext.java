package dev.dockwire.app;

import dev.dockwire.socket.Sockets;

/**
 * What a program running inside a container sees: its namespace's sockets, timers on the
 * emulation's clock, name resolution, standard output and error, and exit. Programs never touch
 * emulator objects, so the same program can run on real sockets in a real namespace.
 */
public interface ProcessContext {
    Sockets sockets();

    /** Now, in nanoseconds of the emulation's clock. */
    long nanos();

    /** Wall-clock time of the emulation's start, in epoch milliseconds (virtual time is added to it). */
    long epochMillis();

    Timer schedule(long delayNanos, Runnable task);

    /** A file inside the container ({@code /etc/resolv.conf}, {@code /etc/hosts}), or null. */
    String readFile(String path);

    /** Writes a file inside the container ({@code curl -o}). */
    void writeFile(String path, String content);

    /** Uniform in [0, bound), from the emulation's seeded source (DNS ids, ports). */
    int random(int bound);

    /** The container's hostname. */
    String hostname();

    void out(String line);

    void err(String line);

    /** Ends the program with {@code status}; further output is ignored. */
    void exit(int status);
}
