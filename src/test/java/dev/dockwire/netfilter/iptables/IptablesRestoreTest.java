package dev.dockwire.netfilter.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.testing.TestNet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iptables-restore's transaction semantics: flush or --noflush, counters, atomic tables. */
class IptablesRestoreTest {
    private final TestNet net = new TestNet(2);

    IptablesRestoreTest() {
        net.kernel.netnsAdd("n");
    }

    private List<String> save(String table) {
        return List.of(net.kernel.iptablesSave("n", table, true).split("\n")).stream()
                .filter(l -> !l.startsWith("#")).toList();
    }

    private static final String BASE = """
            *filter
            :INPUT DROP [3:4]
            :FOO - [0:0]
            [1:2] -A INPUT -j FOO
            -A FOO -j ACCEPT
            COMMIT
            *nat
            :POSTROUTING ACCEPT [0:0]
            -A POSTROUTING -j MASQUERADE
            COMMIT
            """;

    @Test
    void aTableIsReplacedUnlessNoflushAndOtherTablesStay() {
        net.kernel.iptablesRestore("n", BASE, false, true);
        net.kernel.iptablesRestore("n", "*filter\n-A OUTPUT -j ACCEPT\nCOMMIT\n", false);
        assertEquals(List.of("*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                "[0:0] -A OUTPUT -j ACCEPT", "COMMIT"), save("filter"));
        assertEquals(List.of("*nat", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                ":POSTROUTING ACCEPT [0:0]", "[0:0] -A POSTROUTING -j MASQUERADE", "COMMIT"), save("nat"));
    }

    @Test
    void noflushAppendsKeepsCountersAndADeclaredUserChainIsFlushed() {
        net.kernel.iptablesRestore("n", BASE, false, true);
        net.kernel.iptablesRestore("n", "*filter\n:FOO - [0:0]\n-A FOO -j DROP\n-I INPUT -p udp -j ACCEPT\nCOMMIT\n", true);
        assertEquals(List.of("*filter", ":INPUT DROP [3:4]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":FOO - [0:0]",
                "[0:0] -A INPUT -p udp -j ACCEPT", "[1:2] -A INPUT -j FOO", "[0:0] -A FOO -j DROP", "COMMIT"), save("filter"));
    }

    @Test
    void countersAreTakenOnlyWithCounters() {
        net.kernel.iptablesRestore("n", BASE, false, false);
        assertEquals(":INPUT DROP [0:0]", save("filter").get(1));
        assertEquals("[0:0] -A INPUT -j FOO", save("filter").get(5));
    }

    @Test
    void aFailingTableChangesNothingOfItselfButEarlierTablesAreCommitted() {
        net.kernel.iptablesRestore("n", BASE, false, true);
        KernelException e = assertThrows(KernelException.class, () -> net.kernel.iptablesRestore("n",
                "*nat\n-A POSTROUTING -j ACCEPT\nCOMMIT\n*filter\n-A INPUT -j ACCEPT\n-A NOPE -j DROP\nCOMMIT\n", false));
        assertEquals("iptables-restore: line 6 failed: No chain/target/match by that name.", e.getMessage());
        assertEquals(1, e.status());
        assertEquals("[0:0] -A POSTROUTING -j ACCEPT", save("nat").get(5));
        assertEquals("[1:2] -A INPUT -j FOO", save("filter").get(5));
    }

    @Test
    void commentsBlankLinesAndQuotedWordsAreReadLikeTheRealParser() {
        net.kernel.iptablesRestore("n", "# a comment\n\n*filter\n# inside\n"
                + "-A INPUT -m comment --comment \"two  words \\\"quoted\\\"\" -j ACCEPT\nCOMMIT\n", false);
        assertEquals("[0:0] -A INPUT -m comment --comment \"two  words \\\"quoted\\\"\" -j ACCEPT", save("filter").get(4));
        assertEquals(List.of("-m", "comment", "--comment", "a \"b\" c", "-j", "X"),
                IptablesRestore.tokens("-m comment --comment \"a \\\"b\\\" c\" -j X\n"));
    }
}
