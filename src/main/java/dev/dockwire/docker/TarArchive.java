package dev.dockwire.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code docker cp} moves between the client and the daemon: a tar archive's entries in the order
 * they are written (a directory before what it holds), each a directory ({@code content} null), a
 * regular file or a symbolic link (go-archive's addTarFile: a {@code 2} entry holding the link's target), and the archive's length as Go's archive/tar writes it (moby/go-archive's tarballer:
 * FormatPAX headers, so a USTAR header per entry and a PAX record only for a name that needs one).
 */
public final class TarArchive {
    /**
     * An entry: {@code name} relative to the archive's root ({@code html/index.html}), a directory
     * when {@code content} is null; its mode with the type bits ({@code 0100644}, {@code 040755}, as
     * tar.FileInfoHeader keeps them), owner and mtime (seconds: go-archive truncates it); {@code link}
     * the target of a symbolic link ({@code content} then empty), else null.
     */
    public record Entry(String name, String content, int mode, int uid, int gid, long mtimeSeconds, String link) {
        /** An entry of root's with the default modes (0644 files, 0755 directories) at the epoch. */
        public Entry(String name, String content) {
            this(name, content, content == null ? DIRECTORY | 0755 : REGULAR | 0644, 0, 0, 0);
        }

        /** A directory ({@code content} null) or a regular file. */
        public Entry(String name, String content, int mode, int uid, int gid, long mtimeSeconds) {
            this(name, content, mode, uid, gid, mtimeSeconds, null);
        }

        /** A symbolic link to {@code target}: mode 0777 and S_IFLNK, as tar.FileInfoHeader makes it of an lstat. */
        public static Entry symlink(String name, String target, int uid, int gid, long mtimeSeconds) {
            return new Entry(name, "", SYMLINK | 0777, uid, gid, mtimeSeconds, target);
        }

        public boolean directory() {
            return content == null;
        }

        public boolean symlink() {
            return link != null;
        }

        /** The content's length in bytes (0 for a directory or a link: a header's size). */
        public long size() {
            return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
        }

        /** The entry renamed, all else kept. */
        public Entry named(String to) {
            return new Entry(to, content, mode, uid, gid, mtimeSeconds, link);
        }
    }

    /** S_IFDIR and S_IFREG, the type bits of a header's mode. */
    public static final int DIRECTORY = 0040000;
    public static final int REGULAR = 0100000;
    /** S_IFLNK. */
    public static final int SYMLINK = 0120000;

    private final List<Entry> entries = new ArrayList<>();

    public void add(String name, String content) {
        entries.add(new Entry(name, content));
    }

    public void add(Entry e) {
        entries.add(e);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * The archive's bytes as the daemon streams them ({@code GET /containers/ID/archive}, what
     * {@code docker cp CTR:PATH -} writes): go-archive's headers (FormatPAX, uname/gname the daemon's
     * names for the ids: {@code root} for 0), each file's content, the two end blocks.
     */
    public byte[] bytes() {
        List<TarFormat.Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            String owner = e.uid() == 0 ? "root" : "";
            String group = e.gid() == 0 ? "root" : "";
            out.add(e.symlink() ? TarFormat.Entry.symlink(e.name(), e.link(), e.mtimeSeconds(), e.uid(), e.gid(), owner, group)
                    : new TarFormat.Entry(e.name(), e.directory() ? null : e.content().getBytes(StandardCharsets.UTF_8),
                    e.mtimeSeconds(), e.mode(), e.uid(), e.gid(), owner, group));
        }
        return TarFormat.write(out);
    }

    /** The archive {@code bytes} hold (what {@code docker cp - CTR:PATH} reads); {@link TarFormat.Invalid} when it is none. */
    public static TarArchive read(byte[] bytes) {
        TarArchive tar = new TarArchive();
        for (TarFormat.Entry e : TarFormat.read(bytes)) {
            if (e.symlink()) {
                tar.add(Entry.symlink(e.name(), e.linkname(), e.uid(), e.gid(), e.mtimeSeconds()));
                continue;
            }
            String content = e.directory() ? null : new String(e.content(), StandardCharsets.UTF_8);
            tar.add(new Entry(e.name(), content, e.mode(), e.uid(), e.gid(), e.mtimeSeconds()));
        }
        return tar;
    }

    /** The archive's length in bytes ({@link #bytes}): what the client counts as copied. */
    public long length() {
        return bytes().length;
    }
}
