package dev.dockwire.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code docker cp} moves between the client and the daemon: a tar archive's entries in the order
 * they are written (a directory before what it holds), each a directory ({@code content} null) or a
 * regular file, and the archive's length as Go's archive/tar writes it (moby/go-archive's tarballer:
 * FormatPAX headers, so a USTAR header per entry and a PAX record only for a name that needs one).
 */
public final class TarArchive {
    /**
     * An entry: {@code name} relative to the archive's root ({@code html/index.html}), a directory
     * when {@code content} is null; its mode with the type bits ({@code 0100644}, {@code 040755}, as
     * tar.FileInfoHeader keeps them), owner and mtime (seconds: go-archive truncates it).
     */
    public record Entry(String name, String content, int mode, int uid, int gid, long mtimeSeconds) {
        /** An entry of root's with the default modes (0644 files, 0755 directories) at the epoch. */
        public Entry(String name, String content) {
            this(name, content, content == null ? DIRECTORY | 0755 : REGULAR | 0644, 0, 0, 0);
        }

        public boolean directory() {
            return content == null;
        }

        /** The content's length in bytes (0 for a directory). */
        public long size() {
            return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
        }

        /** The entry renamed, all else kept. */
        public Entry named(String to) {
            return new Entry(to, content, mode, uid, gid, mtimeSeconds);
        }
    }

    /** S_IFDIR and S_IFREG, the type bits of a header's mode. */
    public static final int DIRECTORY = 0040000;
    public static final int REGULAR = 0100000;

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
            out.add(new TarFormat.Entry(e.name(), e.directory() ? null : e.content().getBytes(StandardCharsets.UTF_8),
                    e.mtimeSeconds(), e.mode(), e.uid(), e.gid(), owner, group));
        }
        return TarFormat.write(out);
    }

    /** The archive {@code bytes} hold (what {@code docker cp - CTR:PATH} reads); {@link TarFormat.Invalid} when it is none. */
    public static TarArchive read(byte[] bytes) {
        TarArchive tar = new TarArchive();
        for (TarFormat.Entry e : TarFormat.read(bytes)) {
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
