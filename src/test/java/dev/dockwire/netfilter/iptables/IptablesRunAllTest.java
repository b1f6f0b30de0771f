package dev.dockwire.netfilter.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Tables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Docker's separate iptables commands run as one transaction per table ({@link Iptables#runAll}) leave the tables as
 * the commands one by one do: the same rules and the same nf_tables handles, which {@code xtables-monitor --trace}
 * prints; a failing command leaves its table as it was.
 */
class IptablesRunAllTest {
    private static final List<List<String>> NETWORK = List.of(
            List.of("-t", "nat", "-N", "DOCKER"),
            List.of("-t", "nat", "-A", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "DOCKER"),
            List.of("-t", "nat", "-A", "OUTPUT", "!", "-d", "127.0.0.0/8", "-m", "addrtype", "--dst-type", "LOCAL", "-j", "DOCKER"),
            List.of("-t", "filter", "-N", "DOCKER-USER"),
            List.of("-t", "filter", "-A", "DOCKER-USER", "-j", "RETURN"),
            List.of("-t", "filter", "-I", "FORWARD", "-j", "DOCKER-USER"),
            List.of("-t", "nat", "-A", "POSTROUTING", "-s", "172.17.0.0/16", "!", "-o", "docker0", "-j", "MASQUERADE"),
            List.of("-t", "nat", "-I", "DOCKER", "-i", "docker0", "-j", "RETURN"));

    private static Tables tables() {
        Tables t = new Tables();
        t.onCommit(() -> { });
        return t;
    }

    /** Every rule's table, chain, handle and text, in save order. */
    private static List<String> handles(Tables tables) {
        List<String> out = new ArrayList<>();
        for (Table t : tables.tables()) {
            for (Chain c : t.chains()) {
                for (Rule r : c.rules()) {
                    out.add(t.name() + " " + c.name + " " + r.handle);
                }
            }
        }
        return out;
    }

    @Test
    void theTablesAndHandlesAreThoseOfTheCommandsOneByOne() {
        Tables oneByOne = tables();
        NETWORK.forEach(argv -> Iptables.run(oneByOne, argv));
        Tables batched = tables();
        Iptables.runAll(batched, NETWORK);
        assertEquals(IptablesSave.render(oneByOne, null, false, 0), IptablesSave.render(batched, null, false, 0));
        assertEquals(handles(oneByOne), handles(batched));
        assertTrue(handles(batched).contains("nat PREROUTING 3"), "DOCKER, then PREROUTING made by its first rule: " + handles(batched));
    }

    @Test
    void aFailingCommandLeavesItsTableAsItWas() {
        Tables tables = tables();
        Iptables.runAll(tables, NETWORK.subList(0, 2));
        String before = IptablesSave.render(tables, null, false, 0);
        assertThrows(IptablesError.class, () -> Iptables.runAll(tables, List.of(
                List.of("-t", "nat", "-A", "DOCKER", "-j", "RETURN"),
                List.of("-t", "nat", "-A", "DOCKER", "-j", "NOSUCHCHAIN"))));
        assertEquals(before, IptablesSave.render(tables, null, false, 0));
    }
}
