package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounding set as moby's oci/caps/utils.go TweakCapabilities builds it from CapAdd, CapDrop and Privileged. */
class ContainerOptionsTest {
    private static ContainerOptions caps(List<String> add, List<String> drop, boolean privileged) {
        return new ContainerOptions(add, drop, privileged, false, Map.of(), "", false, Map.of(), List.of());
    }

    @Test
    void defaultsHaveNetRawNotNetAdmin() {
        assertTrue(ContainerOptions.NONE.hasCapability("CAP_NET_RAW"));
        assertFalse(ContainerOptions.NONE.hasCapability("CAP_NET_ADMIN"));
    }

    @Test
    void addDropAllAndPrivileged() {
        assertTrue(caps(List.of("CAP_NET_ADMIN"), List.of(), false).hasCapability("CAP_NET_ADMIN"));
        assertTrue(caps(List.of("NET_ADMIN"), List.of(), false).hasCapability("CAP_NET_ADMIN"), "compose's spelling");
        assertFalse(caps(List.of(), List.of("NET_RAW"), false).hasCapability("CAP_NET_RAW"));
        // The default case drops from the defaults, then adds: one capability in both lists is kept.
        assertTrue(caps(List.of("NET_ADMIN"), List.of("NET_ADMIN"), false).hasCapability("CAP_NET_ADMIN"));
        assertFalse(caps(List.of("ALL"), List.of("NET_ADMIN"), false).hasCapability("CAP_NET_ADMIN"));
        assertTrue(caps(List.of("ALL"), List.of("NET_ADMIN"), false).hasCapability("CAP_SYS_ADMIN"));
        assertTrue(caps(List.of("ALL"), List.of("ALL"), false).hasCapability("CAP_NET_ADMIN"), "ALL in CapAdd wins");
        assertFalse(caps(List.of("NET_ADMIN"), List.of("ALL"), false).hasCapability("CAP_NET_RAW"));
        assertTrue(caps(List.of("NET_ADMIN"), List.of("ALL"), false).hasCapability("CAP_NET_ADMIN"));
        assertTrue(caps(List.of(), List.of("ALL"), true).hasCapability("CAP_NET_ADMIN"), "privileged gets everything");
    }

    @Test
    void namesAreNormalisedAsTheDaemonDoes() {
        assertEquals(List.of("CAP_NET_ADMIN", "ALL", "CAP_NET_RAW"), ContainerOptions.normalizeCaps(List.of("net_admin", "all", "CAP_NET_RAW", "NET_ADMIN")));
    }
}
