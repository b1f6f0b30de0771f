package dev.dockwire.app;

import java.util.List;

/**
 * A process as its /proc/PID directory shows it to ps, ss -p and nsenter -t: plain data the caller
 * (the host, which knows its daemons and the containers' processes; a container, its PID namespace's)
 * hands the tools.
 *
 * @param group      the name of its group
 * @param sid        its session (and process group: no shell here makes groups of its own)
 * @param stat       ps's STAT letters ({@code Ssl}: sleeping, session leader, threaded)
 * @param tty        its controlling terminal ({@code pts/0}) or {@code ?}
 * @param startNanos when it started, in nanoseconds of the host's clock (ps's START and STIME)
 * @param netns      the kernel's name of its network namespace (nsenter -t PID -n)
 * @param sockets    the sockets it holds, each with its fd (ss -p's {@code users:})
 */
public record ProcessEntry(int pid, int ppid, String user, String group, int sid, List<String> argv, String stat, String tty,
                           long startNanos, String netns, List<Socket> sockets) {
    /** A process of root's group leading a session of its own. */
    public ProcessEntry(int pid, int ppid, String user, List<String> argv, String stat, String tty, long startNanos,
                        String netns, List<Socket> sockets) {
        this(pid, ppid, user, "root", pid, argv, stat, tty, startNanos, netns, sockets);
    }

    /** A listening or bound socket a process holds: protocol, local address and port, its fd. */
    public record Socket(String proto, int addr, int port, int fd) {
    }

    /** Its argv as ps's COMMAND and CMD show it (the last column, spaces between the words). */
    public String command() {
        return String.join(" ", argv);
    }

    /** Its name as /proc/PID/comm has it: argv[0]'s last component, at most 15 characters. */
    public String comm() {
        String a0 = argv.isEmpty() ? "" : argv.get(0);
        String base = a0.substring(a0.lastIndexOf('/') + 1).replaceFirst("^-", "");
        return base.length() > 15 ? base.substring(0, 15) : base;
    }
}
