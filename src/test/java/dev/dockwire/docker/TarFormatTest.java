package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TarFormat}: golden USTAR header bytes as Go's archive/tar writes them, a round trip, and GNU tar reading what it writes. */
class TarFormatTest {
    private static final byte[] HI = "hi\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aFilesHeaderIsGosUstarHeader() {
        byte[] tar = TarFormat.write(List.of(new TarFormat.Entry("hello.txt", HI, 1_700_000_000L)));
        assertEquals(512 + 512 + 1024, tar.length, "header, one padded block of content, the two end blocks");
        assertEquals("hello.txt", new String(tar, 0, 9, StandardCharsets.US_ASCII));
        assertEquals("0000644\0", new String(tar, 100, 8, StandardCharsets.US_ASCII), "mode");
        assertEquals("00000000003\0", new String(tar, 124, 12, StandardCharsets.US_ASCII), "size in octal");
        assertEquals("14524770400\0", new String(tar, 136, 12, StandardCharsets.US_ASCII), "mtime in octal");
        assertEquals('0', tar[156], "a regular file");
        assertEquals("ustar\u000000", new String(tar, 257, 8, StandardCharsets.US_ASCII), "USTAR's magic and version");
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : tar[i] & 0xff;
        }
        assertEquals(String.format("%06o", sum) + "\0 ", new String(tar, 148, 8, StandardCharsets.US_ASCII), "checksum: six digits, NUL, space");
        assertArrayEquals(HI, Arrays.copyOfRange(tar, 512, 515));
        assertArrayEquals(new byte[1024], Arrays.copyOfRange(tar, 1024, 2048));
    }

    @Test
    void readsBackWhatItWrites() {
        String deep = "a/" + "d".repeat(120) + "/file";
        String deeper = "x".repeat(120) + "/" + "y".repeat(120);
        List<TarFormat.Entry> in = List.of(new TarFormat.Entry("blobs", null, 5), new TarFormat.Entry("blobs/sha256/ab", HI, 5),
                new TarFormat.Entry(deep, HI, 5), new TarFormat.Entry(deeper, HI, 5));
        List<TarFormat.Entry> out = TarFormat.read(TarFormat.write(in));
        assertEquals(List.of("blobs", "blobs/sha256/ab", deep, deeper), out.stream().map(TarFormat.Entry::name).toList(),
                "a long name in USTAR's prefix, one too long for it in a PAX record");
        assertArrayEquals(HI, out.get(3).content());
        assertEquals(true, out.get(0).directory());
    }

    @Test
    void whatIsNoTarIsArchiveTarsError() {
        byte[] junk = "not a tar archive\n".repeat(40).getBytes(StandardCharsets.US_ASCII);
        assertEquals("archive/tar: invalid tar header", assertThrows(TarFormat.Invalid.class, () -> TarFormat.read(junk)).getMessage());
        assertEquals("EOF", assertThrows(TarFormat.Invalid.class, () -> TarFormat.read(new byte[0])).getMessage());
    }

    @Test
    void gnuTarListsWhatItWrites() throws Exception {
        Path gnuTar = Path.of("/usr/bin/tar");
        assumeTrue(Files.isExecutable(gnuTar), "no tar on this machine");
        Path file = Files.createTempFile("dockwire-tar", ".tar");
        try {
            String deeper = "x".repeat(120) + "/" + "y".repeat(120);
            Files.write(file, TarFormat.write(List.of(new TarFormat.Entry("blobs", null, 0), new TarFormat.Entry("blobs/sha256", null, 0),
                    new TarFormat.Entry("blobs/sha256/ab", HI, 0), new TarFormat.Entry(deeper, HI, 0), new TarFormat.Entry("index.json", HI, 0))));
            Process p = new ProcessBuilder(gnuTar.toString(), "-tf", file.toString()).redirectErrorStream(true).start();
            List<String> listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), listed.toString());
            assertEquals(List.of("blobs/", "blobs/sha256/", "blobs/sha256/ab", deeper, "index.json"), listed);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aSymlinksHeaderIsTheDaemonsByteForByte() throws Exception {
        // docker cp C:/d/l - on the reference engine (20.10, go-archive's FileInfoHeader as 28's) of "ln -s f /d/l"
        byte[] real;
        try (var in = TarFormatTest.class.getResourceAsStream("cp-symlink.tar")) {
            real = in.readAllBytes();
        }
        long mtime = Long.parseLong("15305657235", 8);
        TarArchive tar = new TarArchive();
        tar.add(TarArchive.Entry.symlink("l", "f", 0, 0, mtime));
        assertArrayEquals(real, tar.bytes(), "type 2, mode 0120777, size 0, linkname f, root/root");
        TarFormat.Entry back = TarFormat.read(real).get(0);
        assertEquals(true, back.symlink());
        assertEquals("f", back.linkname());
        assertEquals(0120777, back.mode());
        assertEquals("f", TarArchive.read(real).entries().get(0).link());
    }

    @Test
    void aHardLinkIsReadBackWithItsLinkname() {
        List<TarFormat.Entry> in = List.of(new TarFormat.Entry("a", HI, 5),
                new TarFormat.Entry("b", new byte[0], 5, 0100644, 0, 0, "", "", '1', "a"));
        byte[] tar = TarFormat.write(in);
        assertEquals('1', tar[1024 + 156]);
        assertEquals("a", new String(tar, 1024 + 157, 1, StandardCharsets.US_ASCII));
        TarFormat.Entry b = TarFormat.read(tar).get(1);
        assertEquals(true, b.hardLink());
        assertEquals("a", b.linkname());
    }
}
