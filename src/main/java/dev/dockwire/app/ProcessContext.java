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

    /** Whether {@code path} is a directory inside the container (stat(2)'s S_ISDIR: nginx's 301 and 403). */
    default boolean isDirectory(String path) {
        return false;
    }

    /** Writes a file inside the container ({@code curl -o}). */
    void writeFile(String path, String content);

    /**
     * Why open(2) of {@code path} for writing would fail, as strerror words it ({@code Read-only file
     * system} for a container's /proc/sys), or null when it would not.
     */
    default String writeError(String path) {
        return null;
    }

    /**
     * Why open(2) of {@code path} for reading (or opendir(3) of a directory) would fail for this
     * process, as strerror words it ({@code Permission denied}), or null when it would not.
     */
    default String readError(String path) {
        return null;
    }

    /** What {@link #chmod} and {@link #chown} answer where a file's mode or owner is not kept (a mount's, a directory's). */
    String NOT_KEPT = "not kept";

    /** chmod(2) of file {@code path}: null, or strerror's words ({@code Operation not permitted}), or {@link #NOT_KEPT}. */
    default String chmod(String path, int mode) {
        return NOT_KEPT;
    }

    /** chown(2)/lchown of file {@code path} ({@code uid}/{@code gid} -1: unchanged): null, or strerror's words, or {@link #NOT_KEPT}. */
    default String chown(String path, int uid, int gid) {
        return NOT_KEPT;
    }

    /** Uniform in [0, bound), from the emulation's seeded source (DNS ids, ports). */
    int random(int bound);

    /** The process's pid in its namespace (getpid(2)); 0 where it is no process of one (a test's stand-in). */
    default int pid() {
        return 0;
    }

    /** Who the process runs as ({@code docker exec -u}, {@code docker run --user}, the image's USER). */
    default Cred cred() {
        return Cred.ROOT;
    }

    /** The container's hostname. */
    String hostname();

    /** getenv(3): the value of {@code name} in the process's environment, or null (also where none is kept). */
    default String getenv(String name) {
        return null;
    }

    /**
     * What the process reads on stdin, line by line, all there before it starts ({@code echo hi |
     * nc web 80}, {@code docker exec -i}); empty when stdin is /dev/null. End of file follows the last line.
     */
    default java.util.List<String> stdin() {
        return java.util.List.of();
    }

    /**
     * ioctl(fd, TIOCGWINSZ) for descriptor {@code fd} (0, 1, 2): the terminal's size when the
     * descriptor is one ({@code docker run -t}'s pty on all three), null when it is not (isatty(3)
     * false: a pipe, a file, /dev/null, the container's log).
     */
    default Winsize winsize(int fd) {
        return null;
    }

    /** isatty(3) of descriptor {@code fd}. */
    default boolean isatty(int fd) {
        return winsize(fd) != null;
    }

    void out(String line);

    void err(String line);

    /**
     * A latency the program measured ({@code ping rtt}, {@code curl connect}), in nanoseconds, for
     * the run's report to summarise; the program's own output is unaffected.
     */
    void sample(String metric, long nanos);

    /**
     * Like daemon(3) ({@code iperf3 -s -D}): the command that started the program returns with
     * status 0 while the program keeps running on the event loop; what it prints afterwards goes
     * nowhere, as with stdout on /dev/null.
     */
    void daemonize();

    /**
     * Installs {@code handler} for {@code signal} (sigaction(2)): instead of the default action
     * (termination with status {@code 128 + n}) the handler runs; it may end the program with
     * {@link #exit}. A null handler restores the default action (SIG_DFL). SIGKILL cannot be caught.
     */
    void onSignal(Signal signal, Runnable handler);

    /** Whether the program still runs: not exited, nor ended by a signal (a dead shell's continuations must not run). */
    default boolean alive() {
        return true;
    }

    /** Ends the program with {@code status}; further output is ignored. */
    void exit(int status);
}
