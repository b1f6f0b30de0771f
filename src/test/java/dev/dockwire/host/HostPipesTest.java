package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A writer whose reader stops early ends as SIGPIPE ends it, and makes no more than the pipe holds:
 * the statuses are bash 5.2's ({@code echo ${PIPESTATUS[@]}} run here with coreutils 9.1).
 */
class HostPipesTest {
    private final TestHost host = new TestHost(7);

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void yesIntoHeadDiesOfSigpipe() {
        assertEquals(List.of("y", "y"), host.ok("yes | head -2"));
        assertEquals(List.of("141 0"), host.ok("echo ${PIPESTATUS[@]}"));
        assertEquals(List.of("no", "no", "no"), host.ok("yes no | head -n 3"));
    }

    @Test
    void aWriterThatFitsInThePipeEndsFirst() {
        assertEquals(List.of("1"), host.ok("seq 1 3 | head -1"));
        assertEquals(List.of("0 0"), host.ok("echo \"${PIPESTATUS[@]}\""));
        host.ok("seq 1 10000 | head -1"); // 48,894 bytes: within the pipe's 64 KiB
        assertEquals(List.of("0 0"), host.ok("echo ${PIPESTATUS[@]}"));
        host.ok("seq 1 20000 | head -1");
        assertEquals(List.of("141 0"), host.ok("echo ${PIPESTATUS[@]}"));
        host.run("true | false");
        assertEquals(List.of("0 1"), host.ok("echo $PIPESTATUS ${PIPESTATUS[1]}"));
    }

    @Test
    void aHugeSequenceIntoHeadIsBoundedInTimeAndMemory() {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        assertEquals(List.of("1", "2"), host.ok("seq 1 50000000 | head -2"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long grown = rt.totalMemory() - rt.freeMemory() - before;
        assertEquals(List.of("141 0 0"), host.ok("echo ${PIPESTATUS[@]} ${PIPESTATUS[1]}"));
        assertTrue(millis < 5_000, "seq into head took " + millis + " ms");
        assertTrue(grown < 64L << 20, "the heap grew by " + grown + " bytes"); // 50 million lines would be gigabytes
    }

    @Test
    void aWriterIntoAReaderOfEverythingIsKilledPastWhatDockwireHolds() {
        // seq 1 100000000 is 889 MB of text: dockwire passes a pipe whole, so past 64 MiB the writer is
        // killed (as the OOM killer would) and the pipeline goes on with what it wrote.
        List<String> count = host.ok("seq 1 100000000 | wc -l");
        assertTrue(Long.parseLong(count.get(0)) > 1_000_000 && Long.parseLong(count.get(0)) < 100_000_000, count.get(0));
        assertEquals(List.of("137 0"), host.ok("echo ${PIPESTATUS[@]}"));
        assertEquals(List.of("100000"), host.ok("seq 1 100000 | wc -l"));
    }

    @Test
    void catOfABigFileIntoHead() {
        host.ok("mkdir -p /tmp/bx");
        host.ok("seq 1 100000 > /tmp/bx/big");
        assertEquals(List.of("1", "2", "3"), host.ok("cat /tmp/bx/big | head -3"));
        assertEquals(List.of("141 0"), host.ok("echo ${PIPESTATUS[*]}"));
        assertEquals(List.of("08", "09", "10", "11"), host.ok("seq -w 8 11"));
    }

    @Test
    void theDockerClientIntoHeadDiesOfSigpipeSilently() {
        // The 28.2 client against the reference engine (bash 5.2, a container that wrote 100,000 lines):
        // docker logs X | head -2 -> two lines, PIPESTATUS "141 0", nothing on stderr; -t alike; | wc -l reads
        // them all; docker ps | head -1 fits in the pipe -> "0 0".
        host.ok("docker run -d --name pipes-logs alpine sh -c 'seq 1 100000; sleep 3600'");
        host.ok("sleep 2");
        assertEquals(List.of("1", "2"), host.ok("docker logs pipes-logs | head -2"));
        assertEquals(List.of("141 0"), host.ok("echo ${PIPESTATUS[@]}"));
        List<String> stamped = host.ok("docker logs -t pipes-logs | head -2");
        assertEquals(2, stamped.size());
        assertTrue(stamped.get(1).endsWith("Z 2"), stamped.get(1));
        assertEquals(List.of("141 0"), host.ok("echo ${PIPESTATUS[@]}"));
        assertEquals(List.of("100000"), host.ok("docker logs pipes-logs | wc -l"));
        assertEquals(List.of("0 0"), host.ok("echo ${PIPESTATUS[@]}"));
        assertEquals(1, host.ok("docker ps | head -1").size());
        assertEquals(List.of("0 0"), host.ok("echo ${PIPESTATUS[@]}"));
    }

    @Test
    void yesAtTheTerminalOfAScriptIsCutAndEndedByTheStepLimit() {
        dev.dockwire.tools.CommandResult r = host.run("yes");
        assertEquals(137, r.status());
        List<String> out = r.output();
        assertEquals("dockwire: output cut at 1 MiB (the step's output limit): 1 more line not shown", out.get(out.size() - 2));
        assertEquals("dockwire: 'yes' was still running after 60 s of virtual time (the step timeout; '# dockwire: step-timeout N'"
                + " changes it); ended it", out.get(out.size() - 1));
    }
}
