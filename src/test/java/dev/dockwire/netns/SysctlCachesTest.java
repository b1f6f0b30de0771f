package dev.dockwire.netns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sysctl write re-reads the stack's cached sysctls only when it wrote one of them
 * ({@link Namespace#stackCaches}): every key {@code sysctlChanged} reads counts, the ones Docker writes
 * into every container that the stack reads on use do not.
 */
class SysctlCachesTest {
    @Test
    void theKeysSysctlChangedReadsAreCachedOnes() {
        for (String k : List.of("net.ipv4.ip_forward", "net.ipv4.ip_default_ttl", "net.ipv4.ipfrag_time",
                "net.ipv4.ipfrag_high_thresh", "net.ipv4.tcp_syn_retries", "net.ipv4.tcp_synack_retries",
                "net.ipv4.tcp_retries2", "net.ipv4.tcp_timestamps", "net.ipv4.tcp_sack", "net.ipv4.tcp_window_scaling",
                "net.ipv4.ip_local_port_range")) {
            assertTrue(Namespace.stackCaches(k), k);
        }
        for (String k : List.of("net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
                "net.ipv4.conf.all.rp_filter", "net.core.somaxconn")) {
            assertFalse(Namespace.stackCaches(k), k);
        }
    }
}
