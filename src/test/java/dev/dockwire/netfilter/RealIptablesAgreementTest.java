package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestNet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live agreement with the installed iptables-restore (it only parses with {@code --test}; it
 * needs root): it accepts and rejects the same corpus files as the emulated parser, and it
 * accepts every iptables-save text the emulated kernel writes.
 */
class RealIptablesAgreementTest {

    @BeforeAll
    static void needsRootAndIptablesRestore() throws Exception {
        ExternalTools.assumeTool("iptables-restore");
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        if (!uid.equals("0")) {
            System.out.println("SKIPPED: iptables-restore --test needs root (uid " + uid + ")");
        }
        Assumptions.assumeTrue(uid.equals("0"), "iptables-restore --test needs root");
    }

    /** Exit status of {@code iptables-restore --test [-c]} on {@code text}. */
    private static int realTest(String text, boolean counters) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("iptables-restore", "--test"));
        if (counters) {
            cmd.add("--counters");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("iptables-restore --test timed out");
        }
        return p.exitValue();
    }

    private static int ourTest(String text) {
        try {
            Netfilter.testRestore(text);
            return 0;
        } catch (IptablesError e) {
            return e.status();
        }
    }

    @Test
    void acceptsAndRejectsWhatTheRealParserDoes() throws Exception {
        List<Path> files = new ArrayList<>(Golden.files("good", ".rules"));
        files.addAll(Golden.files("bad", ".rules"));
        for (Path f : files) {
            String text = Golden.read(f);
            assertEquals(realTest(text, false), ourTest(text), f.getFileName() + ": exit status of --test");
        }
    }

    @Test
    void theRealParserAcceptsWhatTheEmulatedKernelSaves() throws Exception {
        for (Path f : Golden.files("good", ".rules")) {
            TestNet net = new TestNet(1);
            net.kernel.netnsAdd("g");
            net.kernel.iptablesRestore("g", Golden.read(f), false, true);
            assertEquals(0, realTest(net.kernel.iptablesSave("g", null), false), f.getFileName() + " saved");
            assertEquals(0, realTest(net.kernel.iptablesSave("g", null, true), true), f.getFileName() + " saved with -c");
        }
    }
}
