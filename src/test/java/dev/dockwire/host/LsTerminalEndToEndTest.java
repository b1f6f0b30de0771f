package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ls} on a container's terminal: {@code docker run -t}, {@code docker exec -t} and the
 * interactive shells of {@code docker run -it}/{@code docker exec -it} give the process a pty
 * (80 columns when the client sends no size), where BusyBox's and GNU's ls lay names out in
 * columns (their layouts held to the real tools by app.sh's LsColumnsBesideRealTest); into a pipe,
 * a file or the log of a container without {@code -t}, one name a line.
 */
class LsTerminalEndToEndTest {
    /** alpine's / in BusyBox's columns at 80 (79 used): 7 wide, 11 fit, 2 rows. */
    private static final List<String> ALPINE_ROOT = List.of(
            "bin    etc    lib    mnt    proc   run    srv    tmp    var",
            "dev    home   media  opt    root   sbin   sys    usr");
    private static final List<String> ALPINE_ROOT_LINES = List.of("bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc",
            "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var");

    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void dockerRunWithATerminalListsInColumns() {
        assertEquals(ALPINE_ROOT, h.ok("docker run -t alpine ls /"));
        assertEquals(ALPINE_ROOT_LINES, h.ok("docker run alpine ls /"), "no -t: stdout is the log's pipe");
        assertEquals(ALPINE_ROOT_LINES, h.ok("docker run -t alpine sh -c 'ls / | cat'"), "a pipe is no terminal");
        assertEquals(List.of("bin", "etc", "lib", "mnt", "proc", "run", "srv", "tmp", "var"),
                h.ok("docker run -t alpine sh -c 'ls -1 / | head -3; ls -C -w 70 / | head -1 | tr -s \" \" \"\\n\"' | tail -9"));
        // GNU coreutils 9.1 in Debian: its own layout, tabs to the tab stops
        assertEquals(List.of("bin   dev  home  lib64\tmnt  proc  run\t srv  tmp  var",
                "boot  etc  lib\t media\topt  root  sbin  sys  usr"), h.ok("docker run -t debian ls /"));
        assertEquals("boot", h.ok("docker run debian ls /").get(1));
    }

    @Test
    void dockerExecWithATerminalListsInColumns() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        assertEquals(ALPINE_ROOT, h.ok("docker exec -t a1 ls /"));
        assertEquals(ALPINE_ROOT_LINES, h.ok("docker exec a1 ls /"));
        assertEquals(ALPINE_ROOT, h.ok("docker exec a1 ls -C /"), "-C without a terminal: 80 columns");
    }

    @Test
    void theInteractiveShellsListInColumns() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals(0, t.run("docker exec -it a1 sh").status());
        assertEquals(ALPINE_ROOT, t.run("ls /").output());
        assertEquals(List.of("bin", "dev"), t.run("ls / | head -2").output());
        assertEquals(List.of(), t.run("ls / > /tmp/l").output());
        assertEquals(List.of("17 /tmp/l"), t.run("wc -l /tmp/l").output());
        assertEquals(List.of("bin    dev    etc    home"), t.run("COLUMNS=30 ls -x / | head -1").output(), "COLUMNS overrides BusyBox's width");
        t.run("exit");
        InteractiveShell r = new InteractiveShell(h.world.host());
        r.run("docker run -it --name a2 alpine sh");
        assertEquals(ALPINE_ROOT, r.run("ls /").output());
    }
}
