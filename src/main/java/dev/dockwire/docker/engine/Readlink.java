package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * {@code readlink [-fnv] FILE}, {@code realpath FILE...} in a container, over its files' lstat(2) and
 * readlink(2): a link's target, or with {@code -f} (and realpath) the path with every symbolic link
 * followed and {@code .}/{@code ..} folded, all but the last component existing — coreutils'
 * canonicalize_filename_mode(CAN_ALL_BUT_LAST), BusyBox's xmalloc_realpath_coreutils. readlink fails
 * silently (status 1, GNU's {@code -v} says why); realpath names the file and the error. BusyBox's
 * xmalloc_realpath_coreutils lets the last component be missing only in an operand with a slash.
 */
public final class Readlink {
    /** Linux's MAXSYMLINKS: more links than this in one resolution is ELOOP. */
    private static final int MAX_LINKS = 40;

    private final Function<String, Commands.Stat> lstat;
    private final Function<String, String> readlink;
    private final boolean busybox;

    /** BusyBox's ({@code busybox}) or coreutils', over {@code lstat} (null: no such file) and {@code readlink} (null: not a link). */
    public Readlink(boolean busybox, Function<String, Commands.Stat> lstat, Function<String, String> readlink) {
        this.busybox = busybox;
        this.lstat = lstat;
        this.readlink = readlink;
    }

    /** Whether {@code argv} is a {@code readlink} or {@code realpath}. */
    public static boolean handles(List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return base.equals("readlink") || base.equals("realpath");
    }

    /** Runs {@code argv} from directory {@code cwd}. */
    public CommandOutput run(List<String> argv, String cwd) {
        String tool = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        boolean canonical = tool.equals("realpath");
        boolean newline = true;
        boolean verbose = false;
        List<String> files = new ArrayList<>();
        boolean options = true;
        for (String a : argv.subList(1, argv.size())) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1 && !tool.equals("realpath")) {
                for (char o : a.substring(1).toCharArray()) {
                    switch (o) {
                        case 'f', 'e', 'm' -> canonical = true;
                        case 'n' -> newline = false;
                        case 'v' -> verbose = true;
                        case 's', 'q' -> verbose = false;
                        default -> {
                            return CommandOutput.fail(1, tool + ": unrecognized option: " + o);
                        }
                    }
                }
            } else {
                files.add(a);
            }
        }
        if (busybox && tool.equals("readlink") && files.size() != 1) {
            // readlink.c's getopt32 "=1": exactly one FILE, else bb_show_usage
            List<String> usage = dev.dockwire.libc.BusyboxUsage.withBanner("readlink");
            return new CommandOutput(1, usage, usage);
        }
        if (files.isEmpty()) {
            return CommandOutput.fail(1, tool.equals("realpath") ? "realpath: missing operand" : "readlink: missing operand");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String f : files) {
            String abs = f.startsWith("/") ? f : (cwd.endsWith("/") ? cwd : cwd + "/") + f;
            String r;
            String error = null;
            if (canonical && busybox && !f.contains("/") && lstat.apply(abs) == null) {
                // xmalloc_realpath_coreutils retries a missing name without its last component only after a slash
                r = null;
                error = "No such file or directory";
            } else if (canonical) {
                Resolved res = canonicalize(abs);
                r = res.path;
                error = res.error;
            } else {
                r = readlink.apply(abs);
                error = r == null ? (lstat.apply(abs) == null ? "No such file or directory" : "Invalid argument") : null;
            }
            if (r == null) {
                status = 1;
                if (tool.equals("realpath") || verbose) {
                    String line = tool + ": " + f + ": " + error;
                    out.add(line);
                    errors.add(line);
                }
                continue;
            }
            out.add(r);
        }
        if (!newline && out.size() == 1 && errors.isEmpty()) {
            return new CommandOutput(status, dev.dockwire.text.Lines.of(out.get(0)), List.of());
        }
        return new CommandOutput(status, out, errors);
    }

    /** A canonical path, or null and the errno's text. */
    public record Resolved(String path, String error) {
    }

    /** {@code path} (absolute) with its links followed and dots folded; the last component need not exist. */
    public Resolved canonicalize(String path) {
        Deque<String> todo = new ArrayDeque<>(split(path));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            String here = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + name;
            Commands.Stat st = lstat.apply(here);
            if (st == null) {
                if (!todo.isEmpty()) {
                    return new Resolved(null, "No such file or directory");
                }
                done.add(name);
                break;
            }
            if (st.symlink()) {
                if (++links > MAX_LINKS) {
                    return new Resolved(null, "Too many levels of symbolic links");
                }
                String target = readlink.apply(here);
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                continue;
            }
            if (!st.directory() && !todo.isEmpty() && todo.stream().anyMatch(s -> !s.isEmpty())) {
                return new Resolved(null, "Not a directory");
            }
            done.add(name);
        }
        return new Resolved("/" + String.join("/", done), null);
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }
}
