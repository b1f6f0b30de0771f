package dev.dockwire.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The limits model: Docker 28's container defaults, do_prlimit's refusals, proc_pid_limits' layout. */
class RlimitsTest {
    @Test
    void aDocker28ContainersPid1() {
        Rlimits c = Rlimits.CONTAINER;
        assertEquals(1024, c.soft(Rlimit.NOFILE));
        assertEquals(524_288, c.hard(Rlimit.NOFILE));
        assertEquals(Rlimits.INFINITY, c.soft(Rlimit.CORE)); // containerd.service LimitCORE=infinity
        assertEquals(Rlimits.INFINITY, c.hard(Rlimit.NPROC)); // LimitNPROC=infinity
        assertEquals(8L << 20, c.soft(Rlimit.STACK));
        assertEquals(Rlimits.INFINITY, c.hard(Rlimit.STACK));
        assertEquals(0, Rlimits.HOST.soft(Rlimit.CORE)); // systemd's DefaultLimitCORE=0:infinity
        assertEquals(Rlimits.MACHINE_SIGPENDING, Rlimits.HOST.hard(Rlimit.NPROC));
    }

    @Test
    void setrlimitRefusesAsTheKernel() {
        Rlimits c = Rlimits.CONTAINER;
        assertNull(c.check(Rlimit.NOFILE, 100, 100, false));
        assertNull(c.check(Rlimit.NOFILE, 524_288, 524_288, false));
        assertEquals("Operation not permitted", c.check(Rlimit.NOFILE, 1024, 524_289, false));
        assertNull(c.check(Rlimit.NOFILE, 1024, 600_000, true));
        assertEquals("Operation not permitted", c.check(Rlimit.NOFILE, 1024, Rlimits.NR_OPEN + 1, true));
        assertEquals("Invalid argument", c.check(Rlimit.NOFILE, 2048, 1024, false));
        assertEquals("Invalid argument", c.check(Rlimit.STACK, Rlimits.INFINITY, 1024, false)); // unsigned: infinity is the largest
        assertNull(c.check(Rlimit.CORE, Rlimits.INFINITY, Rlimits.INFINITY, false));
        assertSame(c, c.with(Rlimit.NOFILE, 1024, 524_288));
    }

    @Test
    void procLimitsAsTheKernelLaysItOut() {
        String text = Rlimits.CONTAINER.procText();
        assertEquals("Limit                     Soft Limit           Hard Limit           Units     ", text.lines().findFirst().orElseThrow());
        assertEquals("Max open files            1024                 524288               files     ", text.lines().toList().get(8));
        assertEquals("Max nice priority         0                    0                    ", text.lines().toList().get(14));
        assertEquals(17, text.lines().count());
        assertEquals(Rlimits.CONTAINER, Rlimits.parse(text));
    }

    /** This machine's own /proc/self/limits, read into the model and written back: the same bytes. */
    @Test
    void procLimitsBesideTheRealFile() throws Exception {
        Path real = Path.of("/proc/self/limits");
        Assumptions.assumeTrue(Files.isReadable(real), "no /proc/self/limits here");
        String text = Files.readString(real);
        assertEquals(text, Rlimits.parse(text).procText());
    }
}
