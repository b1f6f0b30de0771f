package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container's endpoints keep LinkedHashMap's order: connect order, a network connected again keeps its place. */
class EndpointsTest {
    private static Endpoint endpoint(String id) {
        return new Endpoint(id, null, null, null, null, null, null, List.of());
    }

    @Test
    void ordersAsALinkedHashMap() {
        Endpoints table = new Endpoints();
        Map<String, Endpoint> expected = new LinkedHashMap<>();
        Endpoint a = endpoint("a");
        Endpoint b = endpoint("b");
        Endpoint c = endpoint("c");
        for (Map<String, Endpoint> m : List.of(table, expected)) {
            m.put("front", a);
            m.put("back", b);
            m.put("db", c);
            m.put("front", c); // again: keeps its place
            m.remove("back");
            m.put("back", a); // after removal: at the end
        }
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(table.keySet()));
        assertEquals(List.copyOf(expected.values()), List.copyOf(table.values()));
        assertEquals(expected, table);
        assertSame(c, table.get("front"));
        assertTrue(table.containsKey("db"));
        assertFalse(table.containsKey("x"));
        assertNull(table.remove("x"));
        assertSame(c, table.remove("db"));
        assertSame(c, table.remove("front"));
        assertSame(a, table.remove("back"));
        assertTrue(table.isEmpty());
    }
}
