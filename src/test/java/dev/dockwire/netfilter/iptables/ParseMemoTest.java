package dev.dockwire.netfilter.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netfilter.xt.XtablesException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line that differs from one parsed before only in an extension's values (the embedded
 * resolver's ports, drawn per container) is that extension parsed again, the rest shared
 * ({@link ParseMemo}): what it gives, rule or error, is what a full parse gives.
 */
class ParseMemoTest {
    private static List<String> dnat(String proto, String to) {
        return List.of("-t", "nat", "-I", "DOCKER_OUTPUT", "-d", "127.0.0.11", "-p", proto, "--dport", "53",
                "-j", "DNAT", "--to-destination", to);
    }

    private static List<String> snat(String proto, String port) {
        return List.of("-t", "nat", "-I", "DOCKER_POSTROUTING", "-s", "127.0.0.11", "-p", proto, "--sport", port,
                "-j", "SNAT", "--to-source", ":53");
    }

    /** The rule's spec, chain and table, or the error, as the parse gives them. */
    private static String outcome(boolean memo, List<String> argv) {
        try {
            XtCommand c = memo ? XtablesParser.parse(new ArrayList<>(argv), false, null)
                    : XtablesParser.inFull(argv, false, null);
            return c.command() + " " + c.table() + " " + c.chain() + " " + c.rulenum() + c.rule().spec();
        } catch (XtablesException e) {
            return e.kind() + ": " + e.getMessage();
        }
    }

    @Test
    void theResolversPortLinesAreDerivedAndSayWhatAFullParseSays() {
        XtablesParser.inFull(dnat("tcp", "127.0.0.11:40000"), false, null);
        XtablesParser.inFull(snat("udp", "40001"), false, null);
        long before = ParseMemo.DERIVED.get();
        XtCommand d = XtablesParser.parse(dnat("tcp", "127.0.0.11:45678"), false, null);
        XtCommand s = XtablesParser.parse(snat("udp", "45679"), false, null);
        assertTrue(ParseMemo.DERIVED.get() >= before + 2, "both derived from the lines before");
        assertEquals(" -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:45678", d.rule().spec());
        assertEquals(" -s 127.0.0.11/32 -p udp -m udp --sport 45679 -j SNAT --to-source :53", s.rule().spec());
        XtCommand d2 = XtablesParser.parse(dnat("tcp", "127.0.0.11:45680"), false, null);
        assertSame(d.rule().ip(), d2.rule().ip());
        assertSame(d.rule().matches, d2.rule().matches, "--dport 53 shared");
        assertNotSame(d.rule().target, d2.rule().target);
        assertNotSame(d.rule(), d2.rule());
    }

    @Test
    void valuesAFullParseRefusesAreRefusedInItsWords() {
        List<List<String>> lines = List.of(
                dnat("tcp", "127.0.0.11:70000"), dnat("tcp", "127.0.0.11:"), dnat("tcp", "127.0.0.11:1-2"),
                dnat("tcp", "300.0.0.1:53"), dnat("tcp", "-x"), dnat("tcp", "!"), dnat("tcp", "10.0.0.1-10.0.0.9:80-90"),
                snat("udp", "99999"), snat("udp", "0"), snat("udp", "domain"), snat("udp", "1:2"), snat("udp", "!"),
                snat("udp", "--dport"), snat("udp", "x53"), snat("udp", "65535"));
        for (List<String> line : lines) {
            XtablesParser.inFull(line.get(7).equals("tcp") ? dnat("tcp", "127.0.0.11:40000") : snat("udp", "40001"), false, null);
            String memo = outcome(true, line);
            assertEquals(outcome(false, line), memo, String.join(" ", line));
        }
    }

    @Test
    void aLineThatDiffersOutsideAnExtensionIsParsedInFull() {
        XtablesParser.inFull(snat("udp", "40001"), false, null);
        long before = ParseMemo.DERIVED.get();
        List<String> other = List.of("-t", "nat", "-I", "DOCKER_POSTROUTING", "-s", "127.0.0.12", "-p", "udp", "--sport", "40002",
                "-j", "SNAT", "--to-source", ":53");
        assertEquals(outcome(false, other), outcome(true, other));
        assertEquals(" -s 127.0.0.12/32 -p udp -m udp --sport 40002 -j SNAT --to-source :53",
                XtablesParser.parse(other, false, null).rule().spec());
        assertEquals(before, ParseMemo.DERIVED.get(), "-s is not an extension's value");
    }
}
