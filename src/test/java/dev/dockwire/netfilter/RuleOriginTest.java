package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rule's -g, batch operation and restore line share one int; a chain's declared bit shares its reference count. */
class RuleOriginTest {
    private static final IpHeaderMatch ANY = new IpHeaderMatch(0, 0, 0, 0, null, null, 0, 0);

    @Test
    void aRuleKeepsItsGotoAndReportsTheLineAndOperationThatAddedIt() {
        Rule r = new Rule(ANY, new Match[0], null, Verdict.CONTINUE, "X", true);
        assertEquals(0, r.line());
        assertEquals("RULE_APPEND", r.op(), "before a restore names it");
        r.origin(123_456, "RULE_INSERT");
        assertTrue(r.isGoto());
        assertEquals(123_456, r.line());
        assertEquals("RULE_INSERT", r.op());
        assertEquals(" -g X", r.spec());
        r.origin(3, "RULE_REPLACE");
        assertEquals(3, r.line());
        assertEquals("RULE_REPLACE", r.op());
        Rule j = new Rule(ANY, new Match[0], null, Verdict.CONTINUE, "X", false);
        j.origin(9, "RULE_APPEND");
        assertFalse(j.isGoto());
        assertEquals(" -j X", j.spec());
        assertThrows(IllegalArgumentException.class, () -> j.origin(1, "RULE_DELETE"));
    }

    @Test
    void aChainCountsItsReferencesBesideItsDeclaredBit() {
        Chain c = new Chain("X", null, Verdict.ACCEPT);
        assertFalse(c.declared());
        c.referenced();
        c.referenced();
        assertEquals(2, c.references());
        c.declare();
        assertTrue(c.declared());
        assertEquals(2, c.references());
        c.clearReferences();
        assertEquals(0, c.references());
        assertTrue(c.declared(), "a recount keeps the declaration");
        Chain copy = c.copy();
        assertTrue(copy.declared());
        assertEquals(0, copy.references());
    }
}
