package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The redis image's {@code docker logs}: its entrypoint's line, redis-server's start as PID 1 in
 * serverLogRaw's format on the manual clock, the modules, {@code Ready to accept connections tcp};
 * {@code docker stop}'s shutdown saving the final snapshot, which the restart loads.
 */
class RedisLogEndToEndTest {
    private static final String T0 = "01 Jan 2025 00:00:00.000";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theServerStartsAsPidOneWithItsModulesAndIsReady() {
        h.ok("docker run -d --name cache redis");
        h.ok("sleep 1");
        List<String> logs = h.ok("docker logs cache");
        assertEquals(List.of("Starting Redis Server",
                "1:C " + T0 + " # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under"
                        + " low memory condition. Being disabled, it can also cause failures without low memory condition, see"
                        + " https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to"
                        + " /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
                "1:C " + T0 + " * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
                "1:C " + T0 + " * Redis version=8.10.1, bits=64, commit=00000000, modified=1, pid=1, just started",
                "1:C " + T0 + " * Configuration loaded",
                "1:M " + T0 + " * monotonic clock: POSIX clock_gettime",
                "1:M " + T0 + " * Running mode=standalone, port=6379.",
                "1:M " + T0 + " * <bf> RedisBloom version 8.10.1 (Git=unknown)"), logs.subList(0, 8));
        assertEquals(List.of("1:M " + T0 + " * <timeseries> RedisTimeSeries version 81001, git_sha=3520a1568ad69076d60885c70711fbdc9b448749"),
                logs.stream().filter(l -> l.contains("RedisTimeSeries version")).toList());
        assertEquals(List.of("1:M " + T0 + " * <search> Acquired RedisJSON_V6 API", "1:M " + T0 + " * Server initialized",
                "1:M " + T0 + " * Ready to accept connections tcp"), logs.subList(logs.size() - 3, logs.size()));
        assertEquals(List.of("PONG"), h.ok("docker exec cache redis-cli ping"));
    }

    @Test
    void stopSavesTheFinalSnapshotAndTheRestartLoadsIt() {
        h.ok("docker run -d --name cache redis");
        assertEquals(List.of("OK"), h.ok("docker exec cache redis-cli set greeting hello"));
        h.ok("sleep 5");
        h.ok("docker stop cache");
        String t = "01 Jan 2025 00:00:05.000";
        assertEquals(List.of("1:signal-handler (1735689605) Received SIGTERM scheduling shutdown...",
                "1:M " + t + " * User requested shutdown...",
                "1:M " + t + " * Saving the final RDB snapshot before exiting.",
                "1:M " + t + " * DB saved on disk",
                "1:M " + t + " # Redis is now ready to exit, bye bye..."), h.ok("docker logs --tail 5 cache"));
        assertEquals(List.of("0"), h.ok("docker wait cache"));
        h.ok("sleep 10");
        h.ok("docker start cache");
        String r = "01 Jan 2025 00:00:15.000";
        assertEquals(List.of("1:M " + r + " * Server initialized",
                "1:M " + r + " * Loading RDB produced by version 8.10.1",
                "1:M " + r + " * RDB age 10 seconds",
                "1:M " + r + " * RDB memory usage when created 0.90 Mb",
                "1:M " + r + " * Done loading RDB, keys loaded: 1, keys expired: 0.",
                "1:M " + r + " * DB loaded from disk: 0.000 seconds",
                "1:M " + r + " * Ready to accept connections tcp"), h.ok("docker logs --tail 7 cache"));
        assertEquals(List.of("hello"), h.ok("docker exec cache redis-cli get greeting"));
    }
}
