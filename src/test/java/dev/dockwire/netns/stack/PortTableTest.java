package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortTableTest {
    @Test
    void onePortThenASecondThenRemovals() {
        PortTable<String> t = new PortTable<>();
        assertNull(t.get(0), "empty: port 0 finds nothing");
        assertEquals(List.of(), List.copyOf(t.values()));
        t.put(53, "dns");
        assertEquals("dns", t.get(53));
        assertNull(t.get(54));
        assertTrue(t.containsKey(53));
        t.put(53, "dns2");
        assertEquals(List.of("dns2"), List.copyOf(t.values()), "the same port replaces");
        t.put(41000, "other");
        assertEquals("dns2", t.get(53));
        assertEquals("other", t.get(41000));
        assertEquals(Set.of("dns2", "other"), Set.copyOf(t.values()));
        t.remove(53);
        assertNull(t.get(53));
        assertEquals("other", t.get(41000));
        t.clear();
        assertNull(t.get(41000));
        assertFalse(t.containsKey(41000));
    }

    @Test
    void removingTheOnlyPortEmptiesTheTable() {
        PortTable<String> t = new PortTable<>();
        t.put(0, "zero");
        assertEquals("zero", t.get(0));
        t.remove(1);
        assertEquals("zero", t.get(0), "another port's removal keeps it");
        t.remove(0);
        assertNull(t.get(0));
        t.put(7, "seven");
        assertEquals(List.of("seven"), List.copyOf(t.values()));
    }

    @Test
    void theSharedEmptyTableIsReplacedByTheFirstPut() {
        PortTable<String> empty = SparseMaps.noPorts();
        PortTable<String> own = SparseMaps.writable(empty);
        assertNotSame(empty, own);
        assertSame(own, SparseMaps.writable(own));
        own.put(53, "dns");
        assertNull(SparseMaps.<String>noPorts().get(53), "the shared table stays empty");
    }
}
