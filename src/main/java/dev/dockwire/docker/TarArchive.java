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
    /** tar's block: every header and every file's padded content is a multiple of it. */
    private static final int BLOCK = 512;
    /** USTAR's name field (a longer or non-ASCII name takes a PAX {@code path} record, as Go's Header.allowedFormats decides). */
    private static final int NAME_FIELD = 100;

    /** An entry: {@code name} relative to the archive's root ({@code html/index.html}), a directory when {@code content} is null. */
    public record Entry(String name, String content) {
        public boolean directory() {
            return content == null;
        }

        /** The content's length in bytes (0 for a directory). */
        public long size() {
            return content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public void add(String name, String content) {
        entries.add(new Entry(name, content));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * The archive's bytes: each entry's 512-byte header (a directory's name with its {@code /}), a
     * PAX extended header before it when its name needs one, its content padded to the block, and
     * the two zero blocks that end it (tar.Writer.Close); what the client counts as copied.
     */
    public long length() {
        long n = 2L * BLOCK;
        for (Entry e : entries) {
            String name = e.directory() && !e.name().endsWith("/") ? e.name() + "/" : e.name();
            n += BLOCK + padded(e.size()) + pax(name);
        }
        return n;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The PAX header block and its {@code "%d path=%s\n"} record (archive/tar's formatPAXRecord), or 0. */
    private static long pax(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= NAME_FIELD && name.chars().allMatch(c -> c < 0x80)) {
            return 0;
        }
        int record = " path=\n".length() + bytes;
        int digits = Integer.toString(record).length();
        int total = record + digits;
        if (Integer.toString(total).length() > digits) {
            total++;
        }
        return BLOCK + padded(total);
    }
}
