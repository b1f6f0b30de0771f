package dev.dockwire.app.sh;

import dev.dockwire.app.Signal;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What the shell finds on its place's PATH, which the caller supplies: the image catalogue's
 * programs and their packages (docker.engine's lookup), the modelled programs started as processes
 * of the container's PID namespace, and the seam tools the host registers ({@code ip}, {@code tc}).
 */
public interface Commands {
    /** Where a started program writes. */
    interface Output {
        void out(String line);

        void err(String line);

        /** Text without its newline at the end of what a program wrote ({@code echo -n x}): the next writer's text follows it on the line. */
        default void outPartial(String text) {
            out(text);
        }

        /**
         * Whole lines written at once, each ending in a newline, as one write(2): a file opened for a
         * job or {@code exec > FILE} takes them in one append, not one per line.
         */
        default void outLines(String text) {
            text.lines().forEach(this::out);
        }

        /** isatty(1): whether the program writes to the session's terminal (not a pipe, a file or {@code $( )}). */
        default boolean terminal() {
            return false;
        }

        /** isatty(2). */
        default boolean errTerminal() {
            return false;
        }

        /** The words of the command reading the pipe the program writes into ({@code head -1}), or null (no pipe, or unknown). */
        default List<String> reader() {
            return null;
        }
    }

    /** A program under way. */
    interface Running {
        /** Its pid in the container's namespace ({@code $!}). */
        int pid();

        /** kill(2) to it. */
        void signal(Signal signal);
    }

    /** getrlimit(2) of the place's process {@code pid}, the shell's own ({@code ulimit}): by default a container's under Docker 28. */
    default dev.dockwire.libc.Rlimits rlimits(int pid) {
        return dev.dockwire.libc.Rlimits.CONTAINER;
    }

    /**
     * setrlimit(2) of {@code r} to {@code soft}:{@code hard} by the place's process {@code pid} (0: a
     * subshell, which keeps its own), whose limits are {@code now}: null when done (the process keeps
     * them, so what it starts inherits them), else strerror's words. By default checked as a process
     * without CAP_SYS_RESOURCE (Docker's default capability set) and kept by the shell alone.
     */
    default String setrlimit(int pid, dev.dockwire.libc.Rlimits now, dev.dockwire.libc.Rlimit r, long soft, long hard) {
        return now.check(r, soft, hard, false);
    }

    /** kill(2) in the place's PID namespace for the shell's own {@code kill}; null where the place has its own (the host's job table). */
    default Kill.Killer killer() {
        return null;
    }

    /**
     * The package that provides {@code name} on the PATH ({@code busybox}, {@code debian},
     * {@code iputils}...), or null when the place has no such program: the shell's not-found, 127.
     */
    String provider(String name);

    /**
     * The file the PATH search finds for {@code name} ({@code command -v}, {@code type}, {@code hash}:
     * {@code /bin/ls} in alpine, {@code /usr/bin/ls} in Debian), or null when the place has no such
     * program; a name with a slash is itself.
     */
    default String path(String name) {
        return provider(name) == null ? null : name.contains("/") ? name : "/usr/bin/" + name;
    }

    /**
     * Every file named {@code name} in the directories {@code dirs} (the PATH's, in order), as
     * bash's {@code type -a} lists them: by default the one {@link #path} finds; a place where one
     * directory is a link to another (Debian's merged /usr: /bin is usr/bin) finds it in both.
     */
    default List<String> paths(String name, List<String> dirs) {
        String p = path(name);
        return p == null ? List.of() : List.of(p);
    }

    /**
     * Starts {@code argv} with {@code env} and {@code stdin} (lines; empty: /dev/null) as a process
     * of the place, a child of {@code ppid} (0: of no process there, as {@code docker exec}) — so
     * in its process group, where the terminal's Ctrl-C reaches it; {@code done} hears its status.
     * Null when the place lists the program but dockwire does not model it.
     */
    Running start(int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done);

    /**
     * execve(2) of {@code argv} in the place's process {@code pid}, the shell's own ({@code exec CMD},
     * the last command of its script): the program runs as that process, its pid, parent and start
     * time kept, and {@code done} hears its status, which is the process's. By default a place keeping
     * no such process starts it as a child of none ({@link #start}, ppid 0).
     */
    default Running exec(int pid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        return start(null, 0, argv, env, stdin, out, done);
    }

    /**
     * The place's process {@code pid} (the shell's own) exec'd {@code argv}, a program dockwire's shell
     * runs itself as its applet: {@code ps} and /proc/PID show it from now on, as after execve(2).
     * By default the place keeps no such process.
     */
    default void becomes(int pid, List<String> argv) {
    }

    /**
     * stat(2) of a file as {@code ls -l} prints it: {@code mode} with its S_IFMT type bits
     * ({@code 0040000} a directory, {@code 0100000} a regular file), link count, owner ids, size in
     * bytes, 512-byte blocks allocated, the modification time in epoch milliseconds and, for a
     * device node, st_rdev ({@link #makedev}: its major and minor).
     */
    record Stat(int mode, int links, int uid, int gid, long size, long blocks, long mtimeMillis, long rdev) {
        /** S_IFDIR. */
        public static final int DIRECTORY = 0040000;
        /** S_IFREG. */
        public static final int REGULAR = 0100000;
        /** S_IFLNK. */
        public static final int SYMLINK = 0120000;
        /** S_IFCHR. */
        public static final int CHAR_DEVICE = 0020000;
        /** S_IFBLK. */
        public static final int BLOCK_DEVICE = 0060000;

        /** Anything but a device node: no st_rdev. */
        public Stat(int mode, int links, int uid, int gid, long size, long blocks, long mtimeMillis) {
            this(mode, links, uid, gid, size, blocks, mtimeMillis, 0);
        }

        /** st_rdev of device {@code major}:{@code minor}, each kept whole (glibc's makedev splits them the same way back). */
        public static long makedev(int major, int minor) {
            return (long) major << 32 | minor & 0xffffffffL;
        }

        /** major(st_rdev). */
        public int major() {
            return (int) (rdev >>> 32);
        }

        /** minor(st_rdev). */
        public int minor() {
            return (int) rdev;
        }

        /** S_ISCHR or S_ISBLK: ls prints its major and minor where a size would be. */
        public boolean device() {
            int type = mode & 0170000;
            return type == CHAR_DEVICE || type == BLOCK_DEVICE;
        }

        public boolean directory() {
            return (mode & 0170000) == DIRECTORY;
        }

        public boolean symlink() {
            return (mode & 0170000) == SYMLINK;
        }

        /**
         * lstat(2) of {@code path} through {@code lstat}, or with {@code follow} ({@code ls -L}, {@code find -L})
         * stat(2) where a link leads somewhere: the trailing slash follows it; a dangling link stays the link.
         */
        public static Stat of(java.util.function.Function<String, Stat> lstat, String path, boolean follow) {
            Stat s = lstat.apply(path);
            if (follow && s != null && s.symlink()) {
                Stat target = lstat.apply(path + "/");
                return target != null ? target : s;
            }
            return s;
        }
    }

    /**
     * Whether the shell runs its own applets (the text tools, {@code cat}, {@code ls}, {@code env},
     * ...) for the names the PATH has; a place whose own programs print as it needs (the host's
     * prompt: its files, its GNU tools) starts them all as programs instead.
     */
    default boolean shellApplets() {
        return true;
    }

    /** The inode number of {@code path} (stat's st_ino, what {@code ls -i} prints), or 0 when the place keeps none. */
    default long inode(String path) {
        return 0;
    }

    /** The target of the symbolic link {@code path} (readlink(2)), or null when it is none or the place keeps no links. */
    default String readlink(String path) {
        return null;
    }

    /**
     * The stat of {@code path} among the place's files (lstat(2): a link is the link; a trailing slash follows it),
     * or null when there is none (or the place keeps no stats).
     */
    default Stat stat(String path) {
        return null;
    }

    /**
     * The names in directory {@code dir} of the place's files ({@code ls}), or null when there is no such
     * directory. By default the place keeps no files: the root file system's directories, empty.
     */
    default List<String> list(String dir) {
        return ROOTFS.contains(dir) ? List.of() : null;
    }

    /** The directories of a root file system that a place keeping no files has ({@link #list}). */
    java.util.Set<String> ROOTFS = java.util.Set.of("/", "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt",
            "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib",
            "/usr/local", "/usr/local/bin", "/var", "/var/log", "/var/run", "/var/tmp");

    /**
     * Whether the place's terminal keeps the jobs (the host's prompt, its {@code proc.JobControl}):
     * then {@code COMMAND &} starts a job of it ({@link #start(String, int, List, Map, List, Output, IntConsumer)})
     * and {@code wait} is its own.
     */
    default boolean jobControl() {
        return false;
    }

    /**
     * As {@link #start(int, List, Map, List, Output, IntConsumer)}; {@code job} non-null for a command
     * the shell runs in the background ({@code &}), which a place with {@link #jobControl} makes a job
     * of its terminal named {@code job} (its words and redirections, as bash's {@code jobs} shows them).
     */
    default Running start(String job, int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out,
            IntConsumer done) {
        return start(ppid, argv, env, stdin, out, done);
    }

    /**
     * {@code COMMAND &} that started no program (a builtin, {@code ( exit 3 )}) at a place with
     * {@link #jobControl}: a job of the terminal that ended with {@code status}, named {@code text};
     * its pid ({@code $!}), or 0 when the terminal keeps no such job.
     */
    default int ended(String text, int status) {
        return 0;
    }

    /**
     * {@code a | b &} of programs at a place with {@link #jobControl}: the pipeline as ONE job of
     * the terminal (bash's job of several processes, jobs.c), each stage's words given, what it
     * printed before it went to the background written to {@code out}; its pid ({@code $!}), or 0
     * when the place starts none.
     */
    default int pipeline(List<List<String>> stages, Map<String, String> env, Output out) {
        return 0;
    }

    /**
     * bash's {@code time [-p]} keyword before a pipeline of several commands, where the place's
     * shell reads it so (the host's prompt): the report, on stderr, of one that took {@code nanos}
     * ({@code format}: {@code TIMEFORMAT}, or null); null where {@code time} is only a program.
     */
    default List<String> timeReport(long nanos, boolean posix, String format) {
        return null;
    }

    /**
     * Why chdir(2) to {@code dir} (absolute) fails here as strerror words it ({@code No such file or
     * directory}), or null when it may go there. By default null: a container's directories are not
     * all known, so {@code cd} takes any path that is no file for one.
     */
    default String chdirError(String dir) {
        return null;
    }
}
