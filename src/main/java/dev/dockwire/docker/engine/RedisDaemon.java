package dev.dockwire.docker.engine;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.bin.RedisLog;
import dev.dockwire.app.bin.RedisServer;
import dev.dockwire.socket.Sockets;
import java.util.List;

/**
 * The redis image's server as PID 1 ({@code docker-entrypoint.sh redis-server}): the entrypoint's
 * line and the server's log ({@link RedisLog}), its keyspace loaded from {@code /data/dump.rdb} when
 * a previous run saved it, and saved there by the shutdown that SIGTERM or SIGINT schedules
 * (server.c prepareForShutdown with the default {@code save} points), so a restarted container
 * has its keys.
 */
final class RedisDaemon implements ImageDaemons.Daemon {
    /** The image's WORKDIR, where the default {@code dir ./} puts the snapshot. */
    static final String DUMP = "/data/dump.rdb";

    private final RedisServer server;
    private final RedisLog log;
    private final ProcessContext ctx;
    private final String version;

    private RedisDaemon(RedisServer server, RedisLog log, ProcessContext ctx, String version) {
        this.server = server;
        this.log = log;
        this.ctx = ctx;
        this.version = version;
    }

    /** Starts the server on {@code sockets}, logging through {@code ctx}; {@code version} is the image's REDIS_VERSION. */
    static RedisDaemon start(Sockets sockets, ProcessContext ctx, String version) {
        RedisServer server = RedisServer.start(sockets);
        RedisLog log = new RedisLog(ctx, version);
        ctx.out(RedisLog.ENTRYPOINT_LINE);
        String dump = ctx.readFile(DUMP);
        int keys = -1;
        long age = 0;
        String by = version;
        int nl = dump == null ? -1 : dump.indexOf('\n');
        if (nl > 0) {
            // The header this daemon writes: the version that saved it and when (epoch ms).
            String[] header = dump.substring(0, nl).split(" ");
            by = header[0];
            age = Math.max(0, (now(ctx) - Long.parseLong(header[1])) / 1000);
            keys = server.load(dump.substring(nl + 1));
        }
        log.started(keys, age, by);
        return new RedisDaemon(server, log, ctx, version);
    }

    private static long now(ProcessContext ctx) {
        return ctx.epochMillis() + ctx.nanos() / 1_000_000;
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public void shutdown(Signal signal) {
        log.shutdown(signal);
        if (List.of(Signal.SIGTERM, Signal.SIGINT).contains(signal)) {
            ctx.writeFile(DUMP, version + " " + now(ctx) + "\n" + server.dump());
        }
    }
}
