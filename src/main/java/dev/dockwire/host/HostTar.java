package dev.dockwire.host;

import dev.dockwire.docker.TarFormat;
import dev.dockwire.text.Lines;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's GNU tar (1.35; Debian 12's) over the host's files, reading an archive from a file
 * ({@code -f FILE}) or standard input ({@code -f -}, Debian's default): {@code tar t} lists the
 * members (a directory's with its {@code /}), {@code tar tv} as list.c's simple_print_header prints
 * them ({@code -rw-r--r-- root/root        13 2026-12-06 20:36 hostname}: the owner's name, or its id
 * where the archive has none, and the size right-aligned in a column at least 19 wide), {@code tar x}
 * extracts them (under {@code -C DIR}); members named after the options select entries. The files are
 * kept as the host keeps files (no modes or owners); an archive is held a byte a character
 * ({@link TarFormat#asText}). Errors and statuses are GNU tar's: 2 for a fatal one.
 */
final class HostTar {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final HostFileSystem fs;
    private final List<String> out = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** list.c's ugswidth: the user/group/size column's width, grown by a wider entry for those after it. */
    private int ugswidth = 19;

    private HostTar(HostFileSystem fs) {
        this.fs = fs;
    }

    /** {@code tar ARGS}, {@code stdin} what was piped to it (null: none). */
    static CommandResult run(List<String> args, List<String> stdin, HostFileSystem fs, boolean terminal) {
        return new HostTar(fs).run(args, stdin, terminal);
    }

    private CommandResult run(List<String> args, List<String> stdin, boolean terminal) {
        char mode = 0;
        boolean verbose = false;
        String file = "-";
        String dir = null;
        List<String> members = new ArrayList<>();
        List<String> words = new ArrayList<>(args);
        if (!words.isEmpty() && !words.get(0).startsWith("-")) {
            words.set(0, "-" + words.get(0)); // the old style: tvf FILE
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--file=")) {
                file = w.substring(7);
            } else if (w.startsWith("--directory=")) {
                dir = w.substring(12);
            } else if (w.startsWith("-") && !w.startsWith("--") && w.length() > 1) {
                for (int k = 1; k < w.length(); k++) {
                    char c = w.charAt(k);
                    switch (c) {
                        case 't', 'x', 'c' -> mode = c;
                        case 'v' -> verbose = true;
                        case 'f', 'C' -> {
                            String value = k + 1 < w.length() ? w.substring(k + 1) : i + 1 < words.size() ? words.get(++i) : null;
                            if (value == null) {
                                return fatal(List.of("tar: option requires an argument -- '" + c + "'",
                                        "Try 'tar --help' or 'tar --usage' for more information."));
                            }
                            if (c == 'f') {
                                file = value;
                            } else {
                                dir = value;
                            }
                            k = w.length();
                        }
                        default -> {
                            return fatal(List.of("tar: invalid option -- '" + c + "'",
                                    "Try 'tar --help' or 'tar --usage' for more information."));
                        }
                    }
                }
            } else {
                members.add(w);
            }
        }
        if (mode == 0) {
            return fatal(List.of("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options",
                    "Try 'tar --help' or 'tar --usage' for more information."));
        }
        if (mode == 'c') {
            return create(file, dir, members, verbose, terminal);
        }
        String text = file.equals("-") ? (stdin == null ? "" : String.join("\n", stdin)) : fs.read(file);
        if (text == null) {
            return fatal(List.of("tar: " + file + ": Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"));
        }
        if (dir != null && !fs.isDirectory(dir)) {
            return fatal(List.of("tar: " + dir + ": Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"));
        }
        List<TarFormat.Entry> entries = new ArrayList<>();
        byte[] bytes = TarFormat.fromText(text);
        String broken = null;
        try {
            TarFormat.read(bytes, entries);
        } catch (TarFormat.Invalid e) { // the entries before a truncated one are still listed or extracted
            if (entries.isEmpty() && (bytes.length < 512 || !e.getMessage().equals("unexpected EOF"))) {
                return fatal(List.of("tar: This does not look like a tar archive", "tar: Exiting with failure status due to previous errors"));
            }
            broken = "tar: Unexpected EOF in archive";
        }
        Set<String> unmatched = new LinkedHashSet<>(members);
        for (TarFormat.Entry e : entries) {
            String name = e.directory() ? e.name() + "/" : e.name();
            if (!members.isEmpty() && members.stream().noneMatch(m -> selects(m, e.name()))) {
                continue;
            }
            unmatched.removeIf(m -> selects(m, e.name()));
            if (mode == 'x') {
                extract(dir, e);
            }
            if (mode == 't' && verbose) {
                out.add(longLine(e, name));
            } else if (mode == 't' || verbose) {
                out.add(name);
            }
        }
        if (broken != null) {
            error(broken);
            error("tar: Error is not recoverable: exiting now");
            return new CommandResult(2, out, errors);
        }
        for (String m : unmatched) {
            error("tar: " + m + ": Not found in archive");
        }
        if (!errors.isEmpty()) {
            error("tar: Exiting with failure status due to previous errors");
        }
        return new CommandResult(errors.isEmpty() ? 0 : 2, out, errors);
    }

    /**
     * {@code tar c}: the paths (under {@code -C DIR}) and all they hold, written in GNU tar's format
     * ({@link TarFormat#writeGnu}) to the file or to stdout (then {@code -v} lists on stderr). A
     * directory's entries come in name order (GNU tar takes readdir's; {@code --sort=name} gives this).
     */
    private CommandResult create(String file, String dir, List<String> paths, boolean verbose, boolean terminal) {
        if (paths.isEmpty()) {
            return fatal(List.of("tar: Cowardly refusing to create an empty archive", "Try 'tar --help' or 'tar --usage' for more information."));
        }
        if (file.equals("-") && terminal) {
            return fatal(List.of("tar: Refusing to write archive contents to terminal (missing -f option?)",
                    "tar: Error is not recoverable: exiting now"));
        }
        if (dir != null && !fs.isDirectory(dir)) {
            return fatal(List.of("tar: " + dir + ": Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"));
        }
        List<TarFormat.Entry> entries = new ArrayList<>();
        boolean stripped = false;
        for (String path : paths) {
            String member = path.replaceFirst("^/+", "");
            if (!member.equals(path) && !stripped) {
                stripped = true;
                error("tar: Removing leading `/' from member names");
            }
            String abs = fs.resolveLink(path.startsWith("/") || dir == null ? path : dir + "/" + path);
            if (fs.lstat(abs) == null) {
                error("tar: " + path + ": Cannot stat: No such file or directory");
                continue;
            }
            add(entries, member.isEmpty() ? "." : member.replaceFirst("/+$", ""), abs);
        }
        List<String> listed = entries.stream().map(e -> e.directory() ? e.name() + "/" : e.name()).toList();
        byte[] bytes = TarFormat.writeGnu(entries);
        List<String> shown = new ArrayList<>();
        if (verbose) {
            shown.addAll(listed);
        }
        shown.addAll(out);
        List<String> shownErrors = new ArrayList<>(errors);
        if (file.equals("-")) {
            shownErrors.addAll(0, verbose ? listed : List.of()); // the archive is stdout: the listing goes to stderr
            shown.add(TarFormat.asText(bytes));
        } else if (fs.write(file, TarFormat.asText(bytes), false) != null) {
            return fatal(List.of("tar: " + file + ": Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"));
        }
        int status = errors.isEmpty() ? 0 : 2;
        if (status != 0) {
            shown.add("tar: Exiting with failure status due to previous errors");
            shownErrors.add("tar: Exiting with failure status due to previous errors");
        }
        // The archive's last byte is its own: no newline follows it (a Lines that ends unterminated).
        return new CommandResult(status, new Lines(shown, file.equals("-") && status == 0), shownErrors);
    }

    /** {@code abs} as {@code member} and, for a directory, what it holds under it, root's, with the host's modes and mtimes. */
    private void add(List<TarFormat.Entry> entries, String member, String abs) {
        HostFileSystem.Stat st = fs.lstat(abs);
        if (st.symlink()) { // GNU tar archives a link as the link (no -h)
            entries.add(TarFormat.Entry.symlink(member, st.link(), Math.floorDiv(st.mtimeMillis(), 1000), 0, 0, "root", "root"));
            return;
        }
        long mtime = Math.floorDiv(st.mtimeMillis(), 1000);
        String content = st.directory() ? null : fs.read(abs);
        entries.add(new TarFormat.Entry(member, content == null ? null : content.getBytes(StandardCharsets.UTF_8), mtime,
                st.mode(), 0, 0, "root", "root"));
        if (st.directory()) {
            for (String name : fs.list(abs)) {
                add(entries, member.equals(".") ? "./" + name : member + "/" + name, (abs.equals("/") ? "" : abs) + "/" + name);
            }
        }
    }

    /** Whether member operand {@code m} names {@code name} or a directory above it. */
    private static boolean selects(String m, String name) {
        String s = m.endsWith("/") ? m.substring(0, m.length() - 1) : m;
        return name.equals(s) || name.startsWith(s + "/");
    }

    /** Writes an entry under {@code dir} (null: the working directory), its directories made as needed. */
    private void extract(String dir, TarFormat.Entry e) {
        String path = (dir == null ? "" : dir + "/") + e.name();
        String abs = e.symlink() ? fs.resolveLink(path) : fs.resolve(path);
        StringBuilder at = new StringBuilder();
        String[] parts = abs.substring(1).split("/");
        for (int i = 0; i < parts.length - (e.directory() ? 0 : 1); i++) {
            at.append('/').append(parts[i]);
            if (!fs.isDirectory(at.toString())) {
                fs.mkdir(at.toString());
            }
        }
        if (e.symlink()) { // extract_link: what was there unlinked, then symlink(2)
            fs.remove(abs, false);
            HostFileSystem.Errno err = fs.symlink(e.linkname(), abs);
            if (err != null) {
                error("tar: " + e.name() + ": Cannot create symlink to '" + e.linkname() + "': " + err.text);
            }
        } else if (!e.directory()) {
            HostFileSystem.Errno err = fs.write(abs, new String(e.content(), StandardCharsets.UTF_8), false);
            if (err != null) {
                error("tar: " + e.name() + ": Cannot open: " + err.text);
            }
        }
    }

    /** list.c simple_print_header: mode, owner/group and size, date, name. */
    private String longLine(TarFormat.Entry e, String name) {
        String user = e.uname().isEmpty() ? Integer.toString(e.uid()) : e.uname();
        String group = e.gname().isEmpty() ? Integer.toString(e.gid()) : e.gname();
        String size = Long.toString(e.directory() ? 0 : e.content().length);
        int pad = user.length() + 1 + group.length() + 1 + size.length();
        ugswidth = Math.max(ugswidth, pad);
        String column = String.format("%" + (ugswidth - pad + size.length()) + "s", size);
        return modeString(e) + " " + user + "/" + group + " " + column + " "
                + TIME.format(Instant.ofEpochSecond(e.mtimeSeconds())) + " " + name
                + (e.symlink() ? " -> " + e.linkname() : e.hardLink() ? " link to " + e.linkname() : "");
    }

    /** {@code drwxr-xr-x}: the type and the permission bits, with set-id and sticky bits as ls shows them. */
    private static String modeString(TarFormat.Entry e) {
        int m = e.mode();
        StringBuilder sb = new StringBuilder(e.directory() ? "d" : e.symlink() ? "l" : e.hardLink() ? "h" : "-");
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((m & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        if ((m & 04000) != 0) {
            sb.setCharAt(3, (m & 0100) != 0 ? 's' : 'S');
        }
        if ((m & 02000) != 0) {
            sb.setCharAt(6, (m & 010) != 0 ? 's' : 'S');
        }
        if ((m & 01000) != 0) {
            sb.setCharAt(9, (m & 01) != 0 ? 't' : 'T');
        }
        return sb.toString();
    }

    private void error(String line) {
        out.add(line);
        errors.add(line);
    }

    private static CommandResult fatal(List<String> lines) {
        return new CommandResult(2, lines, lines);
    }
}
