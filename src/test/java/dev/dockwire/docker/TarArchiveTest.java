package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker cp CTR:/d -}'s archive byte for byte: cp-dir-28.2.tar is what the docker 28.2
 * client wrote from the reference engine for a directory holding a 0600 file and a file of uid
 * 1000 (go-archive's headers: type bits in the mode, {@code root} names for id 0 and none for
 * 1000, one mtime in seconds, two end blocks and no more).
 */
class TarArchiveTest {
    private static final long MTIME = 1796589419L;

    private static TarArchive sample() {
        TarArchive tar = new TarArchive();
        tar.add(new TarArchive.Entry("d", null, 040755, 0, 0, MTIME));
        tar.add(new TarArchive.Entry("d/a.txt", "hello", 0100600, 0, 0, MTIME));
        tar.add(new TarArchive.Entry("d/sub", null, 040755, 0, 0, MTIME));
        tar.add(new TarArchive.Entry("d/sub/b", "x\ny\n", 0100644, 1000, 1000, MTIME));
        return tar;
    }

    @Test
    void theBytesAreTheRealClientsArchive() throws Exception {
        byte[] real;
        try (InputStream in = TarArchiveTest.class.getResourceAsStream("cp-dir-28.2.tar")) {
            real = in.readAllBytes();
        }
        assertArrayEquals(real, sample().bytes());
        assertEquals(4096, sample().length());
    }

    @Test
    void readingTheArchiveGivesBackItsEntries() {
        List<TarArchive.Entry> back = TarArchive.read(sample().bytes()).entries();
        assertEquals(sample().entries(), back);
    }
}
