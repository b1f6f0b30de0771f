package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.netfilter.iptables.IptablesError;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live agreement with the installed iptables-restore (it only parses with {@code --test}; it
 * needs root): it accepts and rejects the same corpus files as the emulated parser, and it
 * accepts every iptables-save text the emulated kernel writes.
 */
class RealIptablesAgreementTest {

    @BeforeAll
    static void needsRootAndIptablesRestore() {
        ExternalTools.assumeTool("iptables-restore");
        ExternalTools.assumeRoot("iptables-restore --test");
    }

    private static int realTest(String text, boolean counters) throws Exception {
        return ExternalTools.iptablesRestoreTest(text, counters);
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
