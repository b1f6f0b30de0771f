package dev.dockwire.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar archive's bytes as Go's archive/tar writes and reads them (the format {@code docker save},
 * {@code docker export} and {@code docker load}/{@code import} move): a 512-byte USTAR header per
 * entry (name, mode, uid/gid, size and mtime in octal, checksum, type {@code 0}, {@code 5}, or a link's
 * {@code 2} (symbolic) or {@code 1} (hard) with its linkname and size 0,
 * {@code ustar\0} {@code 00}), a longer name split into USTAR's prefix or, when that cannot hold it,
 * a PAX {@code path} record before it (Header.allowedFormats), each file's content padded to the
 * block, two zero blocks at the end (Writer.Close). Reading takes the same and stops at the first
 * zero block; it refuses what is no tar as archive/tar does ({@code archive/tar: invalid tar header}).
 */
public final class TarFormat {
    private static final int BLOCK = 512;

    private TarFormat() {
    }

    /**
     * An entry: {@code name} as the archive holds it ({@code blobs/sha256/}), a directory when
     * {@code content} is null; {@code mode} as the header's field holds it (tar.FileInfoHeader keeps
     * the type bits: {@code 0100644}, {@code 040755}), its owner's ids and names.
     */
    public record Entry(String name, byte[] content, long mtimeSeconds, int mode, int uid, int gid, String uname, String gname,
            char type, String linkname) {
        /** An entry as {@code docker save} writes one: 0644 or 0755, owned by 0:0 without names. */
        public Entry(String name, byte[] content, long mtimeSeconds) {
            this(name, content, mtimeSeconds, content == null ? 0755 : 0644, 0, 0, "", "");
        }

        /** A directory ({@code content} null, type {@code 5}) or a regular file (type {@code 0}). */
        public Entry(String name, byte[] content, long mtimeSeconds, int mode, int uid, int gid, String uname, String gname) {
            this(name, content, mtimeSeconds, mode, uid, gid, uname, gname, content == null ? '5' : '0', "");
        }

        /**
         * A symbolic link to {@code target} (type {@code 2}, size 0) as tar.FileInfoHeader makes one of an
         * lstat: mode 0777 with S_IFLNK's type bits ({@code 0120777}), which go-archive keeps.
         */
        public static Entry symlink(String name, String target, long mtimeSeconds, int uid, int gid, String uname, String gname) {
            return new Entry(name, new byte[0], mtimeSeconds, 0120777, uid, gid, uname, gname, '2', target);
        }

        public boolean directory() {
            return type == '5';
        }

        /** A symbolic link (type {@code 2}): {@link #linkname} is its target. */
        public boolean symlink() {
            return type == '2';
        }

        /** A hard link (type {@code 1}): {@link #linkname} is the archive's earlier member it is another name of. */
        public boolean hardLink() {
            return type == '1';
        }
    }

    /** Not a tar archive (or a truncated one): archive/tar's error text. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The archive of {@code entries}, in their order. */
    public static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            String name = e.directory() && !e.name().endsWith("/") ? e.name() + "/" : e.name();
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            String prefix = "";
            String rest = name;
            if (nameBytes.length > 100) {
                int split = splitPoint(name);
                if (split > 0) {
                    prefix = name.substring(0, split);
                    rest = name.substring(split + 1);
                } else {
                    pax(out, name, e.mtimeSeconds());
                    rest = name.substring(0, 99);
                }
            }
            long size = e.directory() ? 0 : e.content().length;
            out.writeBytes(header(rest, prefix, e, size, e.type()));
            if (!e.directory()) {
                out.writeBytes(e.content());
                out.writeBytes(new byte[padding(size)]);
            }
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** GNU tar's record: 20 blocks (its default blocking factor); an archive it writes is padded to a whole record. */
    private static final int GNU_RECORD = 20 * BLOCK;

    /**
     * The archive of {@code entries} as GNU tar 1.35 writes it by default ({@code --format=gnu}):
     * the old GNU magic {@code "ustar  \0"}, the mode without its type bits, no device numbers, and the
     * end blocks padded to a whole record of 10240 bytes. Names must fit USTAR's 100 bytes.
     */
    public static byte[] writeGnu(List<Entry> entries) {
        return writeOldGnu(entries, true);
    }

    /**
     * The archive of {@code entries} as BusyBox's tar writes it (archival/tar.c writeTarHeader): the
     * same headers as GNU tar's byte for byte (the old GNU magic, the mode's permission bits, the owner's
     * names), the two end blocks and no record padding after them. Names must fit USTAR's 100 bytes.
     */
    public static byte[] writeBusybox(List<Entry> entries) {
        return writeOldGnu(entries, false);
    }

    private static byte[] writeOldGnu(List<Entry> entries, boolean record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            String name = e.directory() && !e.name().endsWith("/") ? e.name() + "/" : e.name();
            long size = e.directory() ? 0 : e.content().length;
            byte[] h = header(name, "", new Entry(name, e.content(), e.mtimeSeconds(), e.mode() & 07777, e.uid(), e.gid(),
                    e.uname(), e.gname(), e.type(), e.linkname()), size, e.type());
            put(h, 257, 8, "ustar  \0".getBytes(StandardCharsets.US_ASCII));
            java.util.Arrays.fill(h, 329, 345, (byte) 0);
            checksum(h);
            out.writeBytes(h);
            if (!e.directory()) {
                out.writeBytes(e.content());
                out.writeBytes(new byte[padding(size)]);
            }
        }
        out.writeBytes(new byte[2 * BLOCK]);
        if (record) {
            out.writeBytes(new byte[(GNU_RECORD - out.size() % GNU_RECORD) % GNU_RECORD]);
        }
        return out.toByteArray();
    }

    /** Where USTAR's 155-byte prefix and 100-byte name can split {@code name} at a slash, or -1. */
    private static int splitPoint(String name) {
        for (int i = Math.min(name.length() - 1, 155); i > 0; i--) {
            if (name.charAt(i) == '/' && name.length() - i - 1 <= 100 && name.length() - i - 1 > 0) {
                return i;
            }
        }
        return -1;
    }

    /** A PAX extended header ({@code x}) holding {@code path}: {@code "%d path=%s\n"} with the record's own length. */
    private static void pax(ByteArrayOutputStream out, String path, long mtime) {
        int body = " path=\n".length() + path.getBytes(StandardCharsets.UTF_8).length;
        int total = body + Integer.toString(body).length();
        if (Integer.toString(total).length() > Integer.toString(body).length()) {
            total++;
        }
        byte[] record = (total + " path=" + path + "\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(header("PaxHeaders.0/" + path.substring(path.lastIndexOf('/', path.length() - 2) + 1)
                .replaceAll("^(.{0,80}).*$", "$1"), "", new Entry(path, new byte[0], mtime), record.length, 'x'));
        out.writeBytes(record);
        out.writeBytes(new byte[padding(record.length)]);
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    private static byte[] header(String name, String prefix, Entry e, long size, char type) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, e.mode());
        octal(h, 108, 8, e.uid());
        octal(h, 116, 8, e.gid());
        octal(h, 124, 12, size);
        octal(h, 136, 12, e.mtimeSeconds());
        h[156] = (byte) type;
        put(h, 157, 100, e.linkname().getBytes(StandardCharsets.UTF_8));
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 265, 32, e.uname().getBytes(StandardCharsets.UTF_8));
        put(h, 297, 32, e.gname().getBytes(StandardCharsets.UTF_8));
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
        checksum(h);
        return h;
    }

    /** The header's checksum field: the sum of its bytes with the field as spaces (archive/tar's and GNU tar's alike). */
    private static void checksum(byte[] h) {
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        // archive/tar's formatter: six octal digits, NUL, space.
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
    }

    private static void put(byte[] h, int at, int width, byte[] value) {
        System.arraycopy(value, 0, h, at, Math.min(width, value.length));
    }

    /** A numeric field: octal digits zero-padded to the field's width less one, then NUL (formatOctal). */
    private static void octal(byte[] h, int at, int width, long value) {
        String digits = String.format("%0" + (width - 1) + "o", value);
        put(h, at, width - 1, digits.getBytes(StandardCharsets.US_ASCII));
        h[at + width - 1] = 0;
    }

    /** The entries of {@code archive}: directories, regular files and links, names as stored (a directory's without its {@code /}). */
    public static List<Entry> read(byte[] archive) {
        List<Entry> out = new ArrayList<>();
        read(archive, out);
        return out;
    }

    /** As {@link #read(byte[])}, adding each entry to {@code out} as it is read: what came before an error is kept there. */
    public static List<Entry> read(byte[] archive, List<Entry> out) {
        String paxPath = null;
        int at = 0;
        while (true) {
            if (at + BLOCK > archive.length) {
                if (at >= archive.length && !out.isEmpty()) {
                    return out; // io.EOF at an entry's boundary: an archive without its end blocks
                }
                throw new Invalid(archive.length == 0 ? "EOF" : "unexpected EOF");
            }
            if (zero(archive, at)) {
                return out;
            }
            if (!checksumOk(archive, at)) {
                throw new Invalid("archive/tar: invalid tar header");
            }
            String name = text(archive, at, 100);
            String prefix = text(archive, at + 345, 155);
            long size = parseOctal(archive, at + 124, 12);
            long mtime = parseOctal(archive, at + 136, 12);
            char type = (char) archive[at + 156];
            int data = at + BLOCK;
            byte[] content = java.util.Arrays.copyOfRange(archive, data, (int) Math.min(data + size, archive.length));
            at = data + (int) size + padding(size);
            // Past the end (the padding is read too, io.CopyN of the block's rest): the entry whose header was read
            // is still given, as GNU tar lists it before it reads on, and then the error.
            boolean truncated = at > archive.length;
            if (type == 'x') {
                if (truncated) {
                    throw new Invalid("unexpected EOF");
                }
                String record = new String(content, StandardCharsets.UTF_8);
                for (String line : record.split("\n")) {
                    int eq = line.indexOf(" path=");
                    if (eq > 0) {
                        paxPath = line.substring(eq + " path=".length());
                    }
                }
                continue;
            }
            String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
            paxPath = null;
            int h = data - BLOCK; // this entry's header
            int mode = (int) parseOctal(archive, h + 100, 8);
            int uid = (int) parseOctal(archive, h + 108, 8);
            int gid = (int) parseOctal(archive, h + 116, 8);
            String uname = text(archive, h + 265, 32);
            String gname = text(archive, h + 297, 32);
            if (type == '5') {
                out.add(new Entry(full.endsWith("/") ? full.substring(0, full.length() - 1) : full, null, mtime, mode, uid, gid, uname, gname));
            } else if (type == '0' || type == 0) {
                out.add(new Entry(full, content, mtime, mode, uid, gid, uname, gname));
            } else if (type == '1' || type == '2') {
                out.add(new Entry(full, new byte[0], mtime, mode, uid, gid, uname, gname, type, text(archive, h + 157, 100)));
            }
            if (truncated) {
                throw new Invalid("unexpected EOF");
            }
        }
    }

    private static boolean zero(byte[] a, int at) {
        for (int i = at; i < at + BLOCK; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumOk(byte[] a, int at) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : a[at + i] & 0xff;
        }
        try {
            return parseOctal(a, at + 148, 8) == sum;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(byte[] a, int at, int width) {
        int end = at;
        while (end < at + width && a[end] != 0) {
            end++;
        }
        return new String(a, at, end - at, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] a, int at, int width) {
        String s = text(a, at, width).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    /** Bytes held as text one char per byte (ISO-8859-1), as the host's files keep an archive. */
    public static String asText(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a file kept by {@link #asText}. */
    public static byte[] fromText(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
