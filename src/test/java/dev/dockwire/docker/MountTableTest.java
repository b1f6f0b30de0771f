package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A container's files with mounts laid over them: the deepest mount wins, what it covers is hidden, read-only refuses writes. */
class MountTableTest {
    private static MountPoint volume(String dest, FileTable files, boolean rw) {
        return new MountPoint(MountSpec.VOLUME, "v", "/var/lib/docker/volumes/v/_data", dest, "local", "z", rw, "", files, null);
    }

    @Test
    void mountsHideWhatTheyCoverAndTheDeepestWins() {
        Container c = new Container("0123456789abcdef0123456789abcdef", "c1", "alpine", List.of(), "h", "bridge", 0, List.of(), List.of());
        c.writeFile("/etc/hostname", "h\n");
        c.writeFile("/data/old", "image's\n");
        FileTable outer = new FileTable();
        FileTable inner = new FileTable();
        inner.write("/x", "inner\n", false);
        c.mount(volume("/data", outer, true));
        c.mount(volume("/data/sub", inner, false));
        assertNull(c.file("/data/old"));
        assertTrue(c.writeFile("/data/new", "n\n", false));
        assertEquals("n\n", outer.read("/new"));
        assertEquals("inner\n", c.file("/data/sub/x"));
        assertFalse(c.writeFile("/data/sub/y", "no", false));
        assertEquals("Read-only file system", c.writeError("/data/sub/y"));
        assertNull(c.writeError("/data/new"));
        assertEquals(Set.of("/etc/hostname", "/data/new", "/data/sub/x"), c.filePaths());
        assertTrue(c.holdsFilesUnder("/data"));
        assertTrue(c.holdsFilesUnder("/"));
        assertFalse(c.holdsFilesUnder("/srv"));
    }

    @Test
    void anEmptyMountpointIsADirectory() {
        Container c = new Container("0123456789abcdef0123456789abcdef", "c1", "alpine", List.of(), "h", "bridge", 0, List.of(), List.of());
        c.mount(volume("/srv/www", new FileTable(), true));
        assertTrue(c.holdsFilesUnder("/srv/www"));
        assertTrue(c.holdsFilesUnder("/srv"));
        assertFalse(c.holdsFilesUnder("/srv/www/x"));
    }
}
