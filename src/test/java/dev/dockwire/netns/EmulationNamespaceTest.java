package dev.dockwire.netns;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A host's namespace found by its prefix and name: the one named PREFIX + NAME now, whatever was found before. */
class EmulationNamespaceTest {

    @Test
    void theNamespaceOfThatNameNowAfterDeletesAndOtherHosts() {
        try (Emulation emulation = new Emulation(1)) {
            String h1 = "h1/";
            String h2 = "h2/";
            Namespace a = emulation.createNamespace("h1/sb");
            Namespace b = emulation.createNamespace("h2/sb");
            assertSame(a, emulation.namespace(h1, "sb"));
            assertSame(a, emulation.namespace(h1, "sb"));
            assertSame(b, emulation.namespace(h2, "sb"), "another host's namespace of the same name");
            assertSame(a, emulation.namespace(h1, new String("sb")));
            assertNull(emulation.namespace(h1, "other"));
            emulation.deleteNamespace("h1/sb");
            assertNull(emulation.namespace(h1, "sb"), "deleted");
            Namespace again = emulation.createNamespace("h1/sb");
            assertSame(again, emulation.namespace(h1, "sb"));
            assertNotSame(a, again);
            assertSame(again, emulation.namespace(new String(h1), "sb"), "a prefix of the same text");
        }
    }
}
