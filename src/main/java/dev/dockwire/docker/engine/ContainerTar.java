package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.TarFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * BusyBox's {@code tar} in an alpine container (archival/tar.c, 1.36): {@code c}, {@code t} and
 * {@code x} on an archive file ({@code -f FILE}) among the container's files, {@code -C DIR},
 * {@code -v}, {@code -z}, {@code -O}, members named after the options. The archive is written as
 * BusyBox writes one ({@link TarFormat#writeBusybox}: GNU tar's headers, no record padding; owners'
 * names from the container's /etc/passwd and /etc/group, modes and times as its {@code ls -l} sees
 * them); {@code tv} lists as header_verbose_list prints ({@code -rw-r--r-- root/root         3
 * 2026-12-06 23:33:34 d/f}); {@code x} makes the directories and writes the files with their modes
 * and, as root, their owners. The archive is kept as the container keeps a file, a character a byte
 * (a file docker cp brought in whose text has characters past U+00FF as its UTF-8). {@code -z}'s
 * deflate is java.util.zip's, not BusyBox's own: the members read back the same, the bytes differ.
 */
public final class ContainerTar {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Container c;
    private final Function<String, Commands.Stat> stat;
    private final String cwd;
    private final boolean root;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean leadingSlash;

    private ContainerTar(Container c, Function<String, Commands.Stat> stat, String cwd, boolean root) {
        this.c = c;
        this.stat = stat;
        this.cwd = cwd;
        this.root = root;
    }

    /** Whether {@code argv} is a tar this class runs in {@code c}: BusyBox's, with an archive file. */
    public static boolean handles(Container c, List<String> argv) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String provider = Images.provider(c, argv.get(0));
        return base.equals("tar") && argv.size() > 1 && (provider == null || provider.equals("busybox") || provider.equals("alpine"));
    }

    /** Runs {@code argv} in {@code c} from {@code env}'s PWD as {@code uid}; {@code stat} is the container's stat(2). */
    public static CommandOutput run(Container c, List<String> argv, Map<String, String> env, int uid, Function<String, Commands.Stat> stat) {
        String wd = Images.workingDir(c);
        String cwd = env.get("PWD") != null ? env.get("PWD") : wd.isEmpty() ? "/" : wd;
        ContainerTar tar = new ContainerTar(c, stat, cwd, uid == 0);
        int status = tar.run(argv.subList(1, argv.size()));
        return new CommandOutput(status, tar.lines, tar.errors);
    }

    private int run(List<String> args) {
        List<String> words = new ArrayList<>(args);
        if (!words.get(0).startsWith("-")) {
            words.set(0, "-" + words.get(0)); // tar.c: "tar cvf F" is "tar -cvf F"
        }
        char mode = 0;
        boolean verbose = false;
        boolean gzip = false;
        boolean toStdout = false;
        String file = null;
        String dir = null;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--directory=")) {
                dir = w.substring(12);
            } else if (w.startsWith("--file=")) {
                file = w.substring(7);
            } else if (w.startsWith("-") && !w.startsWith("--") && w.length() > 1) {
                for (int k = 1; k < w.length(); k++) {
                    char f = w.charAt(k);
                    switch (f) {
                        case 'c', 'x', 't' -> mode = f;
                        case 'v' -> verbose = true;
                        case 'z' -> gzip = true;
                        case 'O' -> toStdout = true;
                        case 'f', 'C' -> {
                            String value = k + 1 < w.length() ? w.substring(k + 1) : i + 1 < words.size() ? words.get(++i) : null;
                            if (value == null) {
                                return error("tar: option requires an argument: " + f);
                            }
                            if (f == 'f') {
                                file = value;
                            } else {
                                dir = value;
                            }
                            k = w.length();
                        }
                        default -> {
                            // -m, -o, -k, -h and the like change nothing dockwire keeps
                        }
                    }
                }
            } else {
                members.add(w);
            }
        }
        if (mode == 0 || file == null || file.equals("-")) {
            return error(dev.dockwire.app.Program.notModelled("tar") + " (only c, t and x with -f FILE)");
        }
        String base = dir == null ? cwd : absolute(cwd, dir);
        if (dir != null && !ImageDirectories.isDirectory(c, base)) {
            return error("tar: can't change directory to '" + dir + "': No such file or directory");
        }
        return mode == 'c' ? create(absolute(cwd, file), base, members, verbose, gzip)
                : read(file, base, members, mode == 'x', verbose, gzip, toStdout);
    }

    /** tar -c: the members, each directory before what it holds (by name), into {@code archive}. */
    private int create(String archive, String base, List<String> members, boolean verbose, boolean gzip) {
        if (members.isEmpty()) {
            return error("tar: empty archive");
        }
        List<TarFormat.Entry> entries = new ArrayList<>();
        boolean failed = false;
        for (String m : members) {
            String path = absolute(base, m);
            if (stat.apply(path) == null) {
                error("tar: " + m + ": No such file or directory");
                failed = true;
                continue;
            }
            String name = m;
            if (name.startsWith("/")) {
                name = name.replaceAll("^/+", "");
                slashRemoved();
            }
            add(entries, name, path, verbose);
        }
        byte[] bytes = TarFormat.writeBusybox(entries);
        if (gzip) {
            bytes = gzip(bytes);
        }
        if (!c.writeFile(archive, TarFormat.asText(bytes), false)) {
            return error("tar: can't open '" + archive + "': Read-only file system");
        }
        if (failed) {
            error("tar: error exit delayed from previous errors");
        }
        return failed ? 1 : 0;
    }

    private void add(List<TarFormat.Entry> entries, String name, String path, boolean verbose) {
        Commands.Stat s = stat.apply(path);
        boolean directory = s.directory();
        String member = directory && !name.endsWith("/") ? name + "/" : name;
        if (verbose) {
            lines.add(member); // to stdout, as the archive is a file
        }
        String text = directory ? null : c.file(path);
        entries.add(new TarFormat.Entry(member, text == null ? null : text.getBytes(StandardCharsets.UTF_8), s.mtimeMillis() / 1000,
                s.mode() & 07777, s.uid(), s.gid(), ExecUser.name(c, s.uid()), StatCommand.groupName(c, s.gid())));
        if (directory) {
            List<String> names = ImageDirectories.names(c, path);
            for (String n : names == null ? List.<String>of() : names) {
                add(entries, member + n, path.equals("/") ? "/" + n : path + "/" + n, verbose);
            }
        }
    }

    /** tar -t or -x of the archive at {@code file}. */
    private int read(String file, String base, List<String> members, boolean extract, boolean verbose, boolean gzip, boolean toStdout) {
        String text = c.file(absolute(cwd, file));
        if (text == null) {
            return error("tar: can't open '" + file + "': No such file or directory");
        }
        byte[] bytes = bytes(text);
        if (gzip) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                return error("tar: invalid magic");
            }
        }
        List<TarFormat.Entry> entries = new ArrayList<>();
        String broken = null;
        try {
            TarFormat.read(bytes, entries);
        } catch (TarFormat.Invalid e) {
            broken = bytes.length < 512 ? "tar: short read" : "tar: invalid tar magic";
        }
        List<String> unmatched = new ArrayList<>(members);
        for (TarFormat.Entry e : entries) {
            String name = e.directory() ? e.name() + "/" : e.name();
            if (!members.isEmpty() && members.stream().noneMatch(m -> selects(m, name))) {
                continue;
            }
            unmatched.removeIf(m -> selects(m, name));
            if (!extract) {
                lines.add(verbose ? verbose(e, name) : name);
                continue;
            }
            if (verbose && toStdout) {
                error(name); // stdout carries the files: the names go to stderr
            } else if (verbose) {
                lines.add(name);
            }
            String stripped = name.replaceAll("^/+", "");
            if (!stripped.equals(name)) {
                slashRemoved();
            }
            if (toStdout) {
                if (!e.directory()) {
                    lines.addAll(new String(e.content(), StandardCharsets.UTF_8).lines().toList());
                }
                continue;
            }
            extract(e, absolute(base, stripped));
        }
        if (broken != null) {
            return error(broken);
        }
        for (String m : unmatched) {
            error("tar: " + m + ": not found in archive");
        }
        return unmatched.isEmpty() ? 0 : 1;
    }

    private void extract(TarFormat.Entry e, String path) {
        String target = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (e.directory()) {
            if (!ImageDirectories.isDirectory(c, target)) {
                c.mkdir(target, root ? e.uid() : 0, root ? e.gid() : 0, e.mode() & 07777, -1);
            }
            return;
        }
        c.writeFile(target, new String(e.content(), StandardCharsets.UTF_8), false);
        c.chmod(target, e.mode() & 07777);
        if (root && (e.uid() != 0 || e.gid() != 0)) {
            c.chown(target, e.uid(), e.gid()); // root restores the archive's owners (-o would not)
        }
    }

    /** header_verbose_list's line: mode, owner/group (names, else ids), size, local time, name. */
    private static String verbose(TarFormat.Entry e, String name) {
        String mode = dev.dockwire.app.sh.LsFormat.mode((e.directory() ? 0040000 : 0100000) | e.mode() & 07777);
        String user = e.uname().isEmpty() ? Integer.toString(e.uid()) : e.uname();
        String group = e.gname().isEmpty() ? Integer.toString(e.gid()) : e.gname();
        long size = e.directory() ? 0 : e.content().length;
        return String.format("%s %s/%s %9d %s %s", mode, user, group, size, TIME.format(Instant.ofEpochSecond(e.mtimeSeconds())), name);
    }

    /** Whether member {@code m} named on the command line selects the archive's {@code name}: it, or a directory above it. */
    private static boolean selects(String m, String name) {
        String bare = m.replaceAll("/+$", "");
        return name.equals(m) || name.replaceAll("/+$", "").equals(bare) || name.startsWith(bare + "/");
    }

    private void slashRemoved() {
        if (!leadingSlash) {
            leadingSlash = true;
            error("tar: removing leading '/' from member names");
        }
    }

    /** A file's text as the bytes it holds: a character a byte, unless a character is past U+00FF (UTF-8 text). */
    private static byte[] bytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String absolute(String cwd, String path) {
        String p = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        String n = java.nio.file.Path.of(p).normalize().toString();
        return n.isEmpty() ? "/" : n;
    }

    private int error(String line) {
        lines.add(line);
        errors.add(line);
        return 1;
    }
}
