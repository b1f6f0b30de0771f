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
}
