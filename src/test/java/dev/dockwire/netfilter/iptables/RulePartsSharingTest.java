package dev.dockwire.netfilter.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Docker writes the embedded resolver's rules into every container's namespace: equal rules in
 * two namespaces share their header, matches and target ({@code RuleParts}) and keep counters of
 * their own; a rule that differs (the resolver's random port) shares only what is equal; the
 * committed chains list their rules as before.
 */
class RulePartsSharingTest {
    private static List<List<String>> resolver(int udpPort) {
        return List.of(
                List.of("-t", "nat", "-N", "DOCKER_OUTPUT"),
                List.of("-t", "nat", "-I", "OUTPUT", "-d", "127.0.0.11", "-j", "DOCKER_OUTPUT"),
                List.of("-t", "nat", "-N", "DOCKER_POSTROUTING"),
                List.of("-t", "nat", "-I", "DOCKER_OUTPUT", "-d", "127.0.0.11", "-p", "udp", "--dport", "53",
                        "-j", "DNAT", "--to-destination", "127.0.0.11:" + udpPort),
                List.of("-t", "nat", "-I", "DOCKER_POSTROUTING", "-s", "127.0.0.11", "-p", "udp", "--sport",
                        Integer.toString(udpPort), "-j", "SNAT", "--to-source", ":53"));
    }

    private static Tables namespace(int udpPort) {
        Tables t = new Tables();
        t.onCommit(() -> { });
        Iptables.runAll(t, resolver(udpPort));
        return t;
    }

    private static Rule only(Tables t, String chain) {
        Chain c = t.table(Table.Kind.NAT).chain(chain);
        assertEquals(1, c.rules().size(), chain);
        return c.rules().get(0);
    }

    @Test
    void equalRulesShareTheirPartsAndCountAlone() {
        Tables a = namespace(41000);
        Tables b = namespace(41000);
        Rule ra = only(a, "OUTPUT");
        Rule rb = only(b, "OUTPUT");
        assertNotSame(ra, rb);
        assertSame(ra.ip(), rb.ip());
        assertSame(ra.matches, rb.matches);
        Rule da = only(a, "DOCKER_OUTPUT");
        Rule db = only(b, "DOCKER_OUTPUT");
        assertSame(da.ip(), db.ip());
        assertSame(da.matches, db.matches);
        assertSame(da.target, db.target);
        ra.packets = 7;
        assertEquals(0, rb.packets);
    }

    @Test
    void aRuleThatDiffersSharesOnlyWhatIsEqual() {
        Tables a = namespace(41001);
        Tables b = namespace(41002);
        Rule da = only(a, "DOCKER_OUTPUT");
        Rule db = only(b, "DOCKER_OUTPUT");
        assertSame(da.ip(), db.ip());
        assertSame(da.matches, db.matches, "--dport 53 in both");
        assertNotSame(da.target, db.target, "DNAT to each resolver's own port");
        Rule sa = only(a, "DOCKER_POSTROUTING");
        Rule sb = only(b, "DOCKER_POSTROUTING");
        assertNotSame(sa.matches, sb.matches, "--sport is each resolver's own port");
        assertSame(sa.target, sb.target, "SNAT --to-source :53 in both");
        assertEquals(" -s 127.0.0.11/32 -p udp -m udp --sport 41001 -j SNAT --to-source :53", sa.spec());
        assertEquals(" -s 127.0.0.11/32 -p udp -m udp --sport 41002 -j SNAT --to-source :53", sb.spec());
    }

    @Test
    void aCommittedChainIsEditedThroughTheNextTransactionsCopy() {
        Tables t = namespace(41003);
        Iptables.run(t, List.of("-t", "nat", "-A", "DOCKER_OUTPUT", "-j", "RETURN"));
        Iptables.run(t, List.of("-t", "nat", "-D", "DOCKER_OUTPUT", "1"));
        Chain c = t.table(Table.Kind.NAT).chain("DOCKER_OUTPUT");
        assertEquals(1, c.rules().size());
        assertEquals(" -j RETURN", c.rules().get(0).spec());
        Tables direct = new Tables();
        direct.onCommit(() -> { });
        Iptables.runAll(direct, List.of(
                List.of("-t", "nat", "-N", "DOCKER_OUTPUT"),
                List.of("-t", "nat", "-I", "OUTPUT", "-d", "127.0.0.11", "-j", "DOCKER_OUTPUT"),
                List.of("-t", "nat", "-N", "DOCKER_POSTROUTING"),
                List.of("-t", "nat", "-A", "DOCKER_OUTPUT", "-j", "RETURN"),
                List.of("-t", "nat", "-I", "DOCKER_POSTROUTING", "-s", "127.0.0.11", "-p", "udp", "--sport", "41003",
                        "-j", "SNAT", "--to-source", ":53")));
        assertEquals(IptablesSave.render(direct, "nat", false, 0), IptablesSave.render(t, "nat", false, 0));
    }

    @Test
    void aNamespacesOwnChangeStaysItsOwn() {
        Tables a = namespace(41004);
        Tables b = namespace(41004);
        String before = IptablesSave.render(b, "nat", false, 0);
        Iptables.runAll(a, List.of(
                List.of("-t", "nat", "-N", "A_FIRST"),
                List.of("-t", "nat", "-A", "DOCKER_OUTPUT", "-j", "A_FIRST"),
                List.of("-t", "nat", "-N", "ZZ_LAST"),
                List.of("-t", "nat", "-E", "ZZ_LAST", "B_RENAMED"),
                List.of("-t", "nat", "-X", "B_RENAMED")));
        assertEquals(before, IptablesSave.render(b, "nat", false, 0));
        String mine = IptablesSave.render(a, "nat", false, 0);
        assertEquals(List.of(":A_FIRST - [0:0]", ":DOCKER_OUTPUT - [0:0]", ":DOCKER_POSTROUTING - [0:0]"),
                mine.lines().filter(l -> l.startsWith(":") && !l.contains("ACCEPT")).toList(), "user chains in strcmp order");
        assertEquals(" -j A_FIRST", a.table(Table.Kind.NAT).chain("DOCKER_OUTPUT").rules().get(1).spec());
        assertEquals(1, a.table(Table.Kind.NAT).chain("A_FIRST").references());
        assertEquals(1, b.table(Table.Kind.NAT).chain("DOCKER_OUTPUT").rules().size());
    }

    @Test
    void unusedBuiltinChainsAreSharedUntilANamespaceUsesOne() {
        Tables a = namespace(41005);
        Tables b = namespace(41006);
        Chain pa = a.table(Table.Kind.NAT).chain("PREROUTING");
        assertSame(pa, b.table(Table.Kind.NAT).chain("PREROUTING"), "nft never made it: one for every table");
        assertSame(a.table(Table.Kind.NAT).chain("INPUT"), b.table(Table.Kind.NAT).chain("INPUT"));
        assertNotSame(a.table(Table.Kind.NAT).chain("OUTPUT"), b.table(Table.Kind.NAT).chain("OUTPUT"));
        String before = IptablesSave.render(b, "nat", false, 0);
        Iptables.run(a, List.of("-t", "nat", "-A", "PREROUTING", "-p", "udp", "-j", "RETURN"));
        Chain used = a.table(Table.Kind.NAT).chain("PREROUTING");
        assertNotSame(pa, used);
        assertEquals(1, used.rules().size());
        assertEquals(0, pa.rules().size());
        assertSame(pa, b.table(Table.Kind.NAT).chain("PREROUTING"));
        assertEquals(before, IptablesSave.render(b, "nat", false, 0));
        assertEquals(List.of("-A PREROUTING -p udp -j RETURN"),
                IptablesSave.render(a, "nat", false, 0).lines().filter(l -> l.startsWith("-A PREROUTING")).toList());
    }

    @Test
    void aLineParsedAgainIsANewRuleOfTheSameParts() {
        // XtablesParser keeps the lines it parsed last: the same words again are the same command with a rule of its own.
        List<String> argv = List.of("-t", "nat", "-I", "OUTPUT", "-d", "127.0.0.11", "-j", "DOCKER_OUTPUT");
        XtCommand first = XtCommand.parse(argv);
        XtCommand again = XtCommand.parse(new java.util.ArrayList<>(argv));
        assertNotSame(first.rule(), again.rule());
        assertSame(first.rule().ip(), again.rule().ip());
        assertEquals(first.rule().jump, again.rule().jump);
        assertEquals(first.rule().isGoto(), again.rule().isGoto());
        assertEquals(first.chain(), again.chain());
        assertEquals(first.rulenum(), again.rulenum());
        // made later, so numbered later at commit (handles are minus the order made until then)
        assertEquals(true, again.rule().handle < first.rule().handle);
        first.rule().packets = 3;
        assertEquals(0, again.rule().packets);
    }
}
