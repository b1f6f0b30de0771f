package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the redis image writes to {@code docker logs}: its entrypoint's {@code Starting Redis Server},
 * then redis-server as PID 1 logging to stdout in server.c serverLogRaw's format,
 * {@code PID:ROLE DD Mon YYYY HH:MM:SS.mmm LEVEL message} (ROLE {@code C} before the server has taken
 * its pid, {@code M} after; LEVEL {@code *} notice, {@code #} warning), on the virtual clock: the
 * memory warning of a host whose {@code vm.overcommit_memory} is Debian's 0, the start banner
 * lines, the bundled modules' lines (the redis 8 image loads RedisBloom, RediSearch,
 * RedisTimeSeries and RedisJSON), an RDB load when {@code /data/dump.rdb} is there, and
 * {@code Ready to accept connections tcp}; on SIGTERM/SIGINT the signal handler's line and the
 * shutdown that saves the final RDB snapshot.
 *
 * <p>The lines and their order are a redis:8.4.0 container's (docker logs of the official image);
 * for the catalogue's version the module versions that follow redis's own are written with it,
 * and what a newer module prints differently is not known: the RediSearch version and the git
 * hashes are the 8.4.0 image's (an estimate), as is the RDB's memory figure.
 */
public final class RedisLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The redis 8 image's entrypoint, before it execs redis-server (recorded, not read from its script). */
    public static final String ENTRYPOINT_LINE = "Starting Redis Server";
    /** Where the image's modules are (its redis.conf's loadmodule lines name them so). */
    private static final String MODULES = "/usr/local/lib/redis/modules//";
    /** The memory RDB reports for a small keyspace with the modules loaded (an estimate). */
    private static final String RDB_MEMORY = "0.90";

    private final ProcessContext ctx;
    private final String version;

    /** {@code version} is the image's {@code REDIS_VERSION} ({@code 8.10.1}). */
    public RedisLog(ProcessContext ctx, String version) {
        this.ctx = ctx;
        this.version = version;
    }

    private void log(char role, char level, String text) {
        ctx.out("1:" + role + " " + STAMP.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000)) + " " + level + " " + text);
    }

    /** {@code 8.10.1} as the modules' numeric versions write it ({@code 81001}). */
    private String numeric() {
        String[] p = (version + ".0.0").split("\\.");
        return Integer.toString(Integer.parseInt(p[0]) * 10000 + Integer.parseInt(p[1]) * 100 + Integer.parseInt(p[2]));
    }

    /**
     * From exec to ready: {@code rdbKeys} is the number of keys of the {@code dump.rdb} found in the
     * working directory, written {@code rdbAgeSeconds} ago by {@code rdbVersion}, or -1 when there is none.
     */
    public void started(int rdbKeys, long rdbAgeSeconds, String rdbVersion) {
        log('C', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low"
                + " memory condition. Being disabled, it can also cause failures without low memory condition, see"
                + " https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to"
                + " /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
        log('C', '*', "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        log('C', '*', "Redis version=" + version + ", bits=64, commit=00000000, modified=1, pid=1, just started");
        log('C', '*', "Configuration loaded");
        log('M', '*', "monotonic clock: POSIX clock_gettime");
        log('M', '*', "Running mode=standalone, port=6379.");
        modules();
        log('M', '*', "Server initialized");
        if (rdbKeys >= 0) {
            log('M', '*', "Loading RDB produced by version " + rdbVersion);
            log('M', '*', "RDB age " + rdbAgeSeconds + " seconds");
            log('M', '*', "RDB memory usage when created " + RDB_MEMORY + " Mb");
            log('M', '*', "Done loading RDB, keys loaded: " + rdbKeys + ", keys expired: 0.");
            log('M', '*', "DB loaded from disk: 0.000 seconds");
        }
        log('M', '*', "Ready to accept connections tcp");
    }

    private void modules() {
        String n = numeric();
        List.of("<bf> RedisBloom version " + version + " (Git=unknown)",
                "<bf> Registering configuration options: [",
                "<bf>     { bf-error-rate       :      0.01 }",
                "<bf>     { bf-initial-size     :       100 }",
                "<bf>     { bf-expansion-factor :         2 }",
                "<bf>     { cf-bucket-size      :         2 }",
                "<bf>     { cf-initial-size     :      1024 }",
                "<bf>     { cf-max-iterations   :        20 }",
                "<bf>     { cf-expansion-factor :         1 }",
                "<bf>     { cf-max-expansions   :        32 }",
                "<bf> ]",
                "Module 'bf' loaded from " + MODULES + "redisbloom.so",
                "<search> Redis version found by RedisSearch : " + version + " - oss",
                "<search> RediSearch version " + version + " (Git=9e2b676)",
                "<search> Low level api version 1 initialized successfully",
                "<search> gc: ON, prefix min length: 2, min word length to stem: 4, prefix max expansions: 200, query timeout (ms): 500,"
                        + " timeout policy: return, oom policy: return, cursor read size: 1000, cursor max idle (ms): 300000, max doctable"
                        + " size: 1000000, max number of search lt scorer: BM25STD,",
                "<search> Initialized thread pools!",
                "<search> Disabled workers threadpool of size 0",
                "<search> Subscribe to config changes",
                "<search> Subscribe to cluster slot migration events",
                "<search> Enabled role change notification",
                "<search> Cluster configuration: AUTO partitions, type: 0, coordinator timeout: 0ms",
                "<search> Register write commands",
                "Module 'search' loaded from " + MODULES + "redisearch.so",
                "<timeseries> RedisTimeSeries version " + n + ", git_sha=3520a1568ad69076d60885c70711fbdc9b448749",
                "<timeseries> Redis version found by RedisTimeSeries : " + version + " - oss",
                "<timeseries> Registering configuration options: [",
                "<timeseries>     { ts-compaction-policy   :              }",
                "<timeseries>     { ts-num-threads         :            3 }",
                "<timeseries>     { ts-retention-policy    :            0 }",
                "<timeseries>     { ts-duplicate-policy    :        block }",
                "<timeseries>     { ts-chunk-size-bytes    :         4096 }",
                "<timeseries>     { ts-encoding            :   compressed }",
                "<timeseries>     { ts-ignore-max-time-diff:            0 }",
                "<timeseries>     { ts-ignore-max-val-diff :     0.000000 }",
                "<timeseries> ]",
                "<timeseries> Detected redis oss",
                "<timeseries> Subscribe to ASM events",
                "<timeseries> Enabled diskless replication",
                "Module 'timeseries' loaded from " + MODULES + "redistimeseries.so",
                "<ReJSON> Created new data type 'ReJSON-RL'",
                "<ReJSON> version: " + n + " git sha: unknown branch: unknown",
                "<ReJSON> Exported RedisJSON_V1 API",
                "<ReJSON> Exported RedisJSON_V2 API",
                "<ReJSON> Exported RedisJSON_V3 API",
                "<ReJSON> Exported RedisJSON_V4 API",
                "<ReJSON> Exported RedisJSON_V5 API",
                "<ReJSON> Exported RedisJSON_V6 API",
                "<ReJSON> Enabled diskless replication",
                "<ReJSON> Initialized shared string cache, thread safe: true.",
                "Module 'ReJSON' loaded from " + MODULES + "rejson.so",
                "<search> Acquired RedisJSON_V6 API").forEach(l -> log('M', '*', l));
    }

    /**
     * PID 1 took {@code signal}: server.c sigShutdownHandler's line (its own format: the pid,
     * {@code signal-handler} and the epoch second), then prepareForShutdown saving the final RDB
     * snapshot ({@code rdbSave}) and finishShutdown. Other signals end it without a word.
     */
    public void shutdown(Signal signal) {
        if (signal != Signal.SIGTERM && signal != Signal.SIGINT) {
            return;
        }
        long seconds = (ctx.epochMillis() + ctx.nanos() / 1_000_000) / 1000;
        ctx.out("1:signal-handler (" + seconds + ") Received " + signal.name() + " scheduling shutdown...");
        log('M', '*', "User requested shutdown...");
        log('M', '*', "Saving the final RDB snapshot before exiting.");
        log('M', '*', "DB saved on disk");
        log('M', '#', "Redis is now ready to exit, bye bye...");
    }
}
