package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.socket.Sockets;
import dev.dockwire.testing.VirtualProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code tail -f} on the virtual clock: the last lines, then what is appended, polled every {@code -s} seconds until killed. */
class TailFollowTest {
    private static final long SECOND = 1_000_000_000L;

    /** A process whose files the test writes while tail follows them. */
    private static final class Files extends VirtualProcess {
        final Map<String, String> files = new HashMap<>();

        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String readFile(String path) {
            return files.get(path);
        }

        @Override
        public void writeFile(String path, String content) {
            files.put(path, content);
        }

        @Override
        public String hostname() {
            return "box";
        }

        @Override
        public void daemonize() {
        }
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void followsTheGrowthOfAFileAfterItsLastTenLines() {
        Files p = new Files();
        p.files.put("/var/log/app.log", lines(1, 12));
        TailFollow.of("busybox").start(p, List.of("-f", "/var/log/app.log"));
        assertEquals(List.of(lines(3, 12).split("\n")), p.stdout());
        p.loop.runFor(SECOND / 2);
        p.files.put("/var/log/app.log", lines(1, 13) + "partial");
        p.loop.runFor(SECOND);
        assertEquals("line 13", p.stdout().get(p.stdout().size() - 1), "polled at 1 s; the line without its newline waits");
        p.files.put("/var/log/app.log", lines(1, 13) + "partial end\n");
        p.loop.runFor(SECOND);
        assertEquals("partial end", p.stdout().get(p.stdout().size() - 1));
        p.files.put("/var/log/app.log", "again\n"); // truncated: read from its start (BusyBox's tail_read rewinds)
        p.loop.runFor(SECOND);
        assertEquals("again", p.stdout().get(p.stdout().size() - 1));
        p.loop.runFor(3600 * SECOND);
        assertNull(p.status, "runs until a signal ends it");
    }

    @Test
    void devNullPrintsNothingAndRunsOn() {
        Files p = new Files();
        TailFollow.of("alpine").start(p, List.of("-f", "/dev/null"));
        p.loop.runFor(60 * SECOND);
        assertEquals(List.of(), p.stream);
        assertNull(p.status);
    }

    @Test
    void optionsAsClustersAndThePollPeriod() {
        Files p = new Files();
        p.files.put("/a", lines(1, 5));
        TailFollow.of("busybox").start(p, List.of("-fn2", "-s", "5", "/a"));
        assertEquals(List.of("line 4", "line 5"), p.stdout());
        p.files.put("/a", lines(1, 6));
        p.loop.runFor(4 * SECOND);
        assertEquals(2, p.stdout().size(), "not before 5 s");
        p.loop.runFor(2 * SECOND);
        assertEquals("line 6", p.stdout().get(2));
    }

    @Test
    void severalFilesNameTheOneThatGrew() {
        Files p = new Files();
        p.files.put("/a", "a1\n");
        p.files.put("/b", "b1\n");
        TailFollow.of("busybox").start(p, List.of("-f", "/a", "/b"));
        assertEquals(List.of("==> /a <==", "a1", "", "==> /b <==", "b1"), p.stdout());
        p.files.put("/a", "a1\na2\n");
        p.loop.runFor(SECOND);
        assertEquals(List.of("", "==> /a <==", "a2"), p.stdout().subList(5, 8));
    }

    @Test
    void aMissingFileIsTailsErrorOnStderr() {
        Files p = new Files();
        TailFollow.of("busybox").start(p, List.of("-f", "/nope"));
        assertEquals(List.of("tail: can't open '/nope': No such file or directory", "tail: no files"), p.stderr());
        assertEquals(1, p.status, "as busybox 1.35: nothing to follow");
        Files gnu = new Files();
        TailFollow.of("debian").start(gnu, List.of("-f", "/nope"));
        assertEquals(List.of("tail: cannot open '/nope' for reading: No such file or directory", "tail: no files remaining"), gnu.stderr());
        assertEquals(1, gnu.status, "as coreutils 9");
        Files retry = new Files();
        TailFollow.of("busybox").start(retry, List.of("-F", "/nope"));
        retry.files.put("/nope", "late\n");
        retry.loop.runFor(SECOND);
        assertEquals(List.of("late"), retry.stdout(), "-F waits for the file");
        assertNull(retry.status);
    }

    @Test
    void whatFollows() {
        assertTrue(TailFollow.follows(List.of("tail", "-f", "/dev/null")));
        assertTrue(TailFollow.follows(List.of("/usr/bin/tail", "-F", "x")));
        assertTrue(TailFollow.follows(List.of("tail", "--follow=name", "x")));
        assertTrue(TailFollow.follows(List.of("tail", "-qf", "x")));
        assertFalse(TailFollow.follows(List.of("tail", "-n", "5", "x")));
        assertFalse(TailFollow.follows(List.of("tail", "-n5f", "x")), "f is the count's value there");
        assertFalse(TailFollow.follows(List.of("tail", "--", "-f")));
        assertFalse(TailFollow.follows(List.of("head", "-f")));
    }
}
