package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A container's files read back as written, /etc/hosts held without the lines every container shares. */
class FileTableTest {
    @Test
    void hostsReadsBackWholeThroughWritesAndAppends() {
        FileTable t = new FileTable();
        String hosts = FileTable.HOSTS_HEAD + "10.0.0.2\tc0\n";
        t.write("/etc/hostname", "c0\n", false);
        t.write("/etc/hosts", hosts, false);
        assertEquals(hosts, t.read("/etc/hosts"));
        assertEquals(hosts, t.read("etc/hosts"));
        t.write("/etc/hosts", "10.0.1.2\tc0\n", true);
        assertEquals(hosts + "10.0.1.2\tc0\n", t.read("/etc/hosts"));
        t.write("/etc/hosts", FileTable.HOSTS_HEAD, false);
        assertEquals(FileTable.HOSTS_HEAD, t.read("/etc/hosts"));
        t.write("/etc/hosts", "edited\n", false);
        assertEquals("edited\n", t.read("/etc/hosts"));
        assertEquals(List.of("/etc/hostname", "/etc/hosts"), List.copyOf(t.paths()));
        assertNull(t.read("/etc/resolv.conf"));
    }

    @Test
    void ownersAndModesWidenTheStampsAndFollowTheirFilesThroughRemovals() {
        FileTable t = new FileTable();
        t.write("/tmp/a", "a", false);
        t.write("/tmp/b", "b", false);
        t.stamp("/tmp/a", 10);
        t.stamp("/tmp/b", 20);
        assertEquals(0, t.owner("/tmp/b"), "root's until told");
        assertEquals(-1, t.mode("/tmp/b"));
        t.own("/tmp/b", 1234, 99);
        t.chmod("/tmp/b", 0600);
        assertEquals(10, t.stamped("/tmp/a"), "the times kept when the slots widen");
        assertEquals(20, t.stamped("/tmp/b"));
        assertEquals(1234L << 32 | 99, t.owner("/tmp/b"));
        assertEquals(0600, t.mode("/tmp/b"));
        t.write("/tmp/c", "c", false);
        t.remove("/tmp/a");
        assertEquals(1234L << 32 | 99, t.owner("/tmp/b"), "b's slots move with it");
        assertEquals(0600, t.mode("/tmp/b"));
        assertEquals(20, t.stamped("/tmp/b"));
        assertEquals(0, t.owner("/tmp/c"));
        assertEquals(-1, t.mode("/tmp/c"));
        t.remove("/tmp/b");
        t.write("/tmp/b", "again", false);
        assertEquals(0, t.owner("/tmp/b"), "a new file is a new inode");
        assertEquals(-1, t.mode("/tmp/b"));
    }

    @Test
    void aMadeDirectoryIsNoFileButADirectoryWithItsOwnInodeUntilRemoved() {
        FileTable t = new FileTable();
        t.write("/etc/hostname", "c1\n", false);
        org.junit.jupiter.api.Assertions.assertTrue(t.mkdir("/tmp/a"));
        org.junit.jupiter.api.Assertions.assertFalse(t.mkdir("/tmp/a"), "EEXIST");
        org.junit.jupiter.api.Assertions.assertFalse(t.mkdir("/etc"), "a directory a file lies under exists");
        org.junit.jupiter.api.Assertions.assertFalse(t.mkdir("/etc/hostname"), "a file is there");
        assertNull(t.read("/tmp/a"));
        org.junit.jupiter.api.Assertions.assertTrue(t.holdsFilesUnder("/tmp/a"));
        org.junit.jupiter.api.Assertions.assertTrue(t.madeDirectory("/tmp/a"));
        assertEquals(List.of("/etc/hostname"), List.copyOf(t.paths()), "the files only");
        assertEquals(List.of("/tmp/a"), List.copyOf(t.directories()));
        org.junit.jupiter.api.Assertions.assertFalse(t.write("/tmp/a", "x", false), "open(2) of a directory for writing");
        t.own("/tmp/a", 65534, 65534);
        t.chmod("/tmp/a", 0700);
        assertEquals(0700, t.mode("/tmp/a"));
        org.junit.jupiter.api.Assertions.assertTrue(t.remove("/tmp/a"));
        org.junit.jupiter.api.Assertions.assertFalse(t.holdsFilesUnder("/tmp/a"));
        assertEquals(List.of(), List.copyOf(t.directories()));
    }

    @Test
    void aRemovedLowerDirectoryIsOneWhiteoutHidingAllBelowItAndOneMadeAgainIsOpaque() {
        FileTable image = new FileTable();
        image.write("/opt/app/conf/a.conf", "a\n", false);
        image.write("/opt/app/data/d", "d\n", false);
        FileTable t = new FileTable();
        t.lower(image);
        org.junit.jupiter.api.Assertions.assertTrue(t.remove("/opt/app/conf/a.conf"));
        assertEquals(List.of("/opt/app/conf/a.conf"), List.copyOf(t.whiteouts()));
        org.junit.jupiter.api.Assertions.assertTrue(t.holdsFilesUnder("/opt/app/conf"), "a lower directory stays when its files go");
        t.removeDirectory("/opt/app/conf", false);
        assertEquals(List.of("/opt/app/conf"), List.copyOf(t.whiteouts()), "the directory's whiteout replaces its files'");
        org.junit.jupiter.api.Assertions.assertFalse(t.holdsFilesUnder("/opt/app/conf"));
        org.junit.jupiter.api.Assertions.assertTrue(t.hidden("/opt/app/conf/a.conf"));
        assertEquals(List.of("/opt/app/data/d"), List.copyOf(t.paths()));
        org.junit.jupiter.api.Assertions.assertTrue(t.mkdir("/opt/app/conf"), "mkdir over a whiteout");
        assertEquals(List.of("/opt/app/conf"), List.copyOf(t.opaqueDirectories()));
        assertEquals(List.of(), List.copyOf(t.whiteouts()));
        assertNull(t.read("/opt/app/conf/a.conf"), "opaque: the lower file stays hidden");
        t.write("/opt/app/conf/new.conf", "n\n", false);
        assertEquals(List.of("/opt/app/conf/new.conf", "/opt/app/data/d"), List.copyOf(t.paths()));
        org.junit.jupiter.api.Assertions.assertTrue(t.remove("/opt/app/conf/new.conf"));
        t.removeDirectory("/opt/app/conf", false);
        assertEquals(List.of("/opt/app/conf"), List.copyOf(t.whiteouts()), "an opaque directory removed is a whiteout again");
        t.removeDirectory("/opt", true);
        assertEquals(List.of("/opt"), List.copyOf(t.whiteouts()));
        assertEquals(List.of(), List.copyOf(t.paths()));
        org.junit.jupiter.api.Assertions.assertFalse(t.isDirectory("/opt/app"));
    }

    @Test
    void aDirectoryMadeHereAndRemovedLeavesNothing() {
        FileTable t = new FileTable();
        t.lower(new FileTable());
        org.junit.jupiter.api.Assertions.assertTrue(t.mkdir("/srv/x"));
        t.write("/srv/x/f", "f", false);
        t.removeDirectory("/srv/x", false);
        assertEquals(List.of(), List.copyOf(t.whiteouts()));
        assertEquals(List.of(), List.copyOf(t.directories()));
        assertEquals(List.of(), List.copyOf(t.paths()));
    }

    @Test
    void symbolicLinksAreFollowedByReadsAndWritesButNotByRemoval() {
        FileTable image = new FileTable();
        image.write("/etc/os-release", "alpine\n", false);
        FileTable t = new FileTable();
        t.lower(image);
        t.write("/tmp/f", "hello\n", false);
        assertEquals(true, t.symlink("/tmp/abs", "/tmp/f"));
        assertEquals(true, t.symlink("/tmp/rel", "f"));
        assertEquals(true, t.symlink("/tmp/os", "../etc/os-release"));
        assertEquals(true, t.symlink("/tmp/dang", "/nowhere"));
        assertEquals(false, t.symlink("/tmp/abs", "/x"), "EEXIST");
        assertEquals("hello\n", t.read("/tmp/abs"));
        assertEquals("hello\n", t.read("/tmp/rel"));
        assertEquals("hello\n", t.read("/tmp/./rel"));
        assertEquals("alpine\n", t.read("/tmp/os"), "a relative target into the image's files");
        assertNull(t.read("/tmp/dang"));
        assertEquals("f", t.symlinkTarget("/tmp/rel"));
        assertNull(t.symlinkTarget("/tmp/f"));
        t.write("/tmp/rel", "more\n", true);
        assertEquals("hello\nmore\n", t.read("/tmp/f"), "a write through the link lands in its target");
        assertEquals(true, t.remove("/tmp/rel"));
        assertNull(t.symlinkTarget("/tmp/rel"));
        assertEquals("hello\nmore\n", t.read("/tmp/f"), "rm of a link leaves its target");
        assertEquals(true, t.symlink("/tmp/loop", "/tmp/loop2"));
        assertEquals(true, t.symlink("/tmp/loop2", "/tmp/loop"));
        assertNull(t.read("/tmp/loop"), "ELOOP");
        t.mkdir("/tmp/d");
        t.write("/tmp/d/g", "g\n", false);
        assertEquals(true, t.symlink("/tmp/dl", "d"));
        assertEquals("g\n", t.read("/tmp/dl/g"), "a directory component's link is followed");
        assertEquals(true, t.isDirectory("/tmp/dl"));
        assertEquals(List.of("/tmp/f", "/tmp/abs", "/tmp/os", "/tmp/dang", "/tmp/loop", "/tmp/loop2", "/tmp/d/g", "/tmp/dl"),
                List.copyOf(t.written()), "links are the layer's own entries: docker diff's A");
    }

    @Test
    void hardLinksShareOneInodeAndCopyUpAnImageFile() {
        FileTable image = new FileTable();
        image.write("/etc/passwd", "root:x:0:0\n", false);
        FileTable t = new FileTable();
        t.lower(image);
        t.write("/tmp/a", "a\n", false);
        assertEquals(true, t.link("/tmp/a", "/tmp/b"));
        assertEquals(false, t.link("/tmp/a", "/tmp/b"), "EEXIST");
        assertEquals(false, t.link("/tmp/missing", "/tmp/c"));
        assertEquals(2, t.nlink("/tmp/a"));
        assertEquals(2, t.nlink("/tmp/b"));
        assertEquals("/tmp/a", t.inodePath("/tmp/b"), "the inode number is drawn from its first name");
        t.write("/tmp/b", "b\n", true);
        assertEquals("a\nb\n", t.read("/tmp/a"), "a write through one name shows in the other");
        assertEquals(true, t.remove("/tmp/a"));
        assertEquals(1, t.nlink("/tmp/b"));
        assertEquals("a\nb\n", t.read("/tmp/b"));
        assertEquals(true, t.link("/etc/passwd", "/tmp/p"));
        assertEquals(List.of("/tmp/b", "/etc/passwd", "/tmp/p"), List.copyOf(t.written()), "the image's file copied up first");
        assertEquals(2, t.nlink("/etc/passwd"));
    }
}
