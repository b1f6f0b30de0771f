package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Route exceptions for the path MTU (__ip_rt_update_pmtu) against explicit times: lowered only, floor 552, 600 s life. */
class PmtuCacheTest {
    private static final int DST = 0x0A010002;
    private static final long S = 1_000_000_000L;

    @Test
    void aLearnedMtuOnlyGoesDownHasAFloorAndExpires() {
        PmtuCache c = new PmtuCache();
        assertEquals(1500, c.mtu(DST, 1500, 0));
        c.update(DST, 1400, 1500, 0);
        assertEquals(1400, c.mtu(DST, 1500, 1));
        assertEquals(1300, c.mtu(DST, 1300, 1), "never above the device's own MTU");
        c.update(DST, 1450, 1500, 10 * S);
        assertEquals(1400, c.mtu(DST, 1500, 10 * S), "a larger value does not raise it");
        c.update(DST, 300, 1500, 20 * S);
        assertEquals(552, c.mtu(DST, 1500, 20 * S), "net.ipv4.route.min_pmtu");
        assertEquals(1500, c.mtu(0x0A010003, 1500, 20 * S), "per destination");
        assertEquals(552, c.mtu(DST, 1500, 620 * S - 1));
        assertEquals(1500, c.mtu(DST, 1500, 620 * S), "net.ipv4.route.mtu_expires after the last lowering");
        c.update(DST, 1600, 1500, 700 * S);
        assertEquals(1500, c.mtu(DST, 1500, 700 * S), "an MTU at or above the device's is not an exception");
    }
}
