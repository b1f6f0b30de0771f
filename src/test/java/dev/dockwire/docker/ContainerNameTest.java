package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** moby's validContainerNamePattern as reserveName applies it (daemon/names.go), names as the reference engine took them. */
class ContainerNameTest {

    @Test
    void twoCharactersOrMoreAfterOneLeadingSlash() {
        for (String ok : new String[] {"c1", "n.", "web", "nm-ok", "/nm-slash", "a_b.c-d", "9z"}) {
            assertTrue(ContainerName.valid(ok), ok);
        }
        for (String bad : new String[] {"a", "/z", "_nm", ".ab", "-ab", "//ab", "a b", "a/b", "é1"}) {
            assertFalse(ContainerName.valid(bad), bad);
        }
    }

    @Test
    void theRefusalNamesTheRequestAndTheCharacters() {
        assertEquals("Invalid container name (/z), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", ContainerName.refusal("/z"));
    }
}
