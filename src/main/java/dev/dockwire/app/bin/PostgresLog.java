package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the postgres image writes to {@code docker logs}: docker-library/postgres's
 * docker-entrypoint.sh (18/trixie) running initdb on an empty {@code $PGDATA}, a temporary
 * socket-only server under {@code pg_ctl -w start} (its log on pg_ctl's stdout: pg_ctl.c
 * start_postmaster's {@code 2>&1}), /docker-entrypoint-initdb.d, {@code pg_ctl -m fast -w stop}
 * and {@code PostgreSQL init process complete; ready for start up.}; or, when {@code $PGDATA/PG_VERSION}
 * exists, {@code Skipping initialization}; then the exec'd server's log on stderr. Each server line is
 * the default {@code log_line_prefix '%m [%p] '} ({@code 2026-12-06 07:01:02.345 UTC [1] LOG:  ...}, the
 * image's log_timezone Etc/UTC) followed by postmaster.c's and xlog.c's messages. The texts and the
 * initdb path's pids are a postgres:18.1 container's first start; the restart's pids are the same
 * children (io workers, checkpointer, bgwriter, startup, ...) after fewer entrypoint processes.
 *
 * <p>The data directory keeps {@code PG_VERSION} (its major version, as initdb writes it) and
 * {@code global/pg_control}, which here holds only what the next start reads: whether the cluster
 * was shut down cleanly, the time of its last checkpoint, and its LSN.
 */
public final class PostgresLog {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** $0 of the entrypoint after {@code exec gosu postgres "$BASH_SOURCE"}: the path PATH found. */
    static final String ENTRYPOINT = "/usr/local/bin/docker-entrypoint.sh";
    static final String INITDB_D = "/docker-entrypoint-initdb.d/";
    /** The LSN of the shutdown checkpoint that ends initialization (the 18.1 container's). */
    static final long INITIAL_LSN = 0x1B9FBA0L;
    /** How far each clean server run moves the LSN: its shutdown checkpoint record. */
    static final long CHECKPOINT_RECORD = 0xA0L;

    private final ProcessContext ctx;
    private final String pgdata;
    private final String version;
    private int checkpointer;
    private int launcher;
    private long lsn;

    /**
     * {@code pgVersion} is the image's {@code PG_VERSION} ({@code 18.6-1.pgdg13+2}); {@code compiler}
     * the version line of the gcc that built it ({@code gcc (Debian 14.2.0-19) 14.2.0}).
     */
    public PostgresLog(ProcessContext ctx, String pgdata, String pgVersion, String compiler) {
        this.ctx = ctx;
        this.pgdata = pgdata;
        String release = pgVersion.replaceFirst("-.*", "");
        this.version = "PostgreSQL " + release + " (Debian " + pgVersion + ") on x86_64-pc-linux-gnu, compiled by " + compiler + ", 64-bit";
    }

    private String stamp() {
        return MILLIS.format(now());
    }

    private Instant now() {
        return Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000);
    }

    private String line(int pid, String text) {
        return stamp() + " [" + pid + "] LOG:  " + text;
    }

    /** Whether {@code $PGDATA} holds a cluster (the entrypoint's {@code [ -s "$PGDATA/PG_VERSION" ]}). */
    public boolean initialized() {
        String v = ctx.readFile(pgdata + "/PG_VERSION");
        return v != null && !v.isEmpty();
    }

    /**
     * The entrypoint's part, before it execs the server: initdb and the temporary server when the
     * directory is empty ({@code user}/{@code db}: POSTGRES_USER and POSTGRES_DB; {@code initFiles}:
     * the names under /docker-entrypoint-initdb.d, sorted as the glob sorts them), else the skip notice.
     */
    public void entrypoint(String db, List<String> initFiles) {
        if (initialized()) {
            ctx.out("");
            ctx.out("PostgreSQL Database directory appears to contain a database; Skipping initialization");
            ctx.out("");
            return;
        }
        initdb();
        temporaryServer(db, initFiles);
        ctx.out("");
        ctx.out("PostgreSQL init process complete; ready for start up.");
        ctx.out("");
    }

    /** initdb.c's progress (stdout) and its trust warning (stderr, pg_log_warning), with the image's locale. */
    private void initdb() {
        List.of("The files belonging to this database system will be owned by user \"postgres\".",
                "This user must also own the server process.",
                "",
                "The database cluster will be initialized with locale \"en_US.utf8\".",
                "The default database encoding has accordingly been set to \"UTF8\".",
                "The default text search configuration will be set to \"english\".",
                "",
                "Data page checksums are enabled.",
                "",
                "fixing permissions on existing directory " + pgdata + " ... ok",
                "creating subdirectories ... ok",
                "selecting dynamic shared memory implementation ... posix",
                "selecting default \"max_connections\" ... 100",
                "selecting default \"shared_buffers\" ... 128MB",
                "selecting default time zone ... Etc/UTC",
                "creating configuration files ... ok",
                "running bootstrap script ... ok",
                "performing post-bootstrap initialization ... ok",
                "syncing data to disk ... ok",
                "",
                "",
                "Success. You can now start the database server using:",
                "",
                "    pg_ctl -D " + pgdata + " -l logfile start",
                "").forEach(ctx::out);
        ctx.err("initdb: warning: enabling \"trust\" authentication for local connections");
        ctx.err("initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host,"
                + " the next time you run initdb.");
        ctx.writeFile(pgdata + "/PG_VERSION", version.split("[ .]")[1] + "\n");
        control(true, INITIAL_LSN - CHECKPOINT_RECORD);
    }

    /** {@code pg_ctl -w start}, docker_setup_db, docker_process_init_files and {@code pg_ctl -m fast -w stop}, all on stdout. */
    private void temporaryServer(String db, List<String> initFiles) {
        ctx.out("waiting for server to start...." + line(50, "starting " + version));
        ctx.out(line(50, "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""));
        ctx.out(line(56, "database system was shut down at " + SECONDS.format(now())));
        ctx.out(line(50, "database system is ready to accept connections"));
        ctx.out(" done");
        ctx.out("server started");
        if (!db.equals("postgres")) {
            ctx.out("CREATE DATABASE");
            ctx.out("");
        }
        ctx.out("");
        if (initFiles.isEmpty()) {
            ctx.out(ENTRYPOINT + ": ignoring " + INITDB_D + "*");
            ctx.out("");
        }
        for (String f : initFiles) {
            boolean script = f.endsWith(".sh") || f.endsWith(".sql") || f.endsWith(".sql.gz") || f.endsWith(".sql.xz") || f.endsWith(".sql.zst");
            ctx.out(ENTRYPOINT + ": " + (script ? "running " : "ignoring ") + f);
            if (script && !f.endsWith(".sh")) {
                ctx.out("");
            }
            ctx.out("");
        }
        ctx.out("waiting for server to shut down..." + line(50, "received fast shutdown request"));
        ctx.out("." + line(50, "aborting any active transactions"));
        ctx.out(line(50, "background worker \"logical replication launcher\" (PID 59) exited with exit code 1"));
        ctx.out(line(54, "shutting down"));
        ctx.out(line(54, "checkpoint starting: shutdown immediate"));
        ctx.out(line(54, "checkpoint complete: wrote 943 buffers (5.8%), wrote 3 SLRU buffers; 0 WAL file(s) added, 0 removed, 0 recycled;"
                + " write=0.033 s, sync=0.133 s, total=0.176 s; sync files=303, longest=0.119 s, average=0.001 s; distance=4352 kB,"
                + " estimate=4352 kB; lsn=" + lsn(INITIAL_LSN) + ", redo lsn=" + lsn(INITIAL_LSN)));
        ctx.out(line(50, "database system is shut down"));
        ctx.out(" done");
        ctx.out("server stopped");
        control(true, INITIAL_LSN);
    }

    /**
     * The exec'd server as PID 1 (stderr): its version, the sockets it listens on, the startup
     * process reading pg_control ({@code firstChild}: the pid its first child, an io worker, gets).
     * {@link #ready} follows when recovery ends.
     */
    public void serverStarted(int firstChild) {
        checkpointer = firstChild + 3;
        int startup = firstChild + 5;
        launcher = firstChild + 8;
        String[] control = control();
        lsn = Long.parseLong(control[2], 16);
        ctx.err(line(1, "starting " + version));
        ctx.err(line(1, "listening on IPv4 address \"0.0.0.0\", port 5432"));
        ctx.err(line(1, "listening on IPv6 address \"::\", port 5432"));
        ctx.err(line(1, "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""));
        String at = SECONDS.format(Instant.ofEpochMilli(Long.parseLong(control[1])));
        if (control[0].equals("shut down")) {
            ctx.err(line(startup, "database system was shut down at " + at));
        } else {
            // xlog.c StartupXLOG on DB_IN_PRODUCTION: the last run was killed.
            ctx.err(line(startup, "database system was interrupted; last known up at " + at));
            ctx.err(line(startup, "database system was not properly shut down; automatic recovery in progress"));
        }
        control(false, lsn);
    }

    /** postmaster.c's line when the startup process has finished. */
    public void ready() {
        ctx.err(line(1, "database system is ready to accept connections"));
    }

    /**
     * PID 1 took {@code signal} (pmsignal handling in postmaster.c): SIGTERM a smart, SIGINT a fast
     * shutdown, both ending with the shutdown checkpoint; SIGQUIT an immediate one, without it (the
     * next start recovers).
     */
    public void shutdown(Signal signal) {
        if (signal == Signal.SIGQUIT) {
            ctx.err(line(1, "received immediate shutdown request"));
            ctx.err(line(1, "database system is shut down"));
            return;
        }
        ctx.err(line(1, "received " + (signal == Signal.SIGTERM ? "smart" : "fast") + " shutdown request"));
        if (signal != Signal.SIGTERM) {
            ctx.err(line(1, "aborting any active transactions"));
        }
        ctx.err(line(1, "background worker \"logical replication launcher\" (PID " + launcher + ") exited with exit code 1"));
        ctx.err(line(checkpointer, "shutting down"));
        ctx.err(line(checkpointer, "checkpoint starting: shutdown immediate"));
        long at = lsn + CHECKPOINT_RECORD;
        ctx.err(line(checkpointer, "checkpoint complete: wrote 0 buffers (0.0%), wrote 0 SLRU buffers; 0 WAL file(s) added, 0 removed,"
                + " 0 recycled; write=0.001 s, sync=0.001 s, total=0.004 s; sync files=0, longest=0.000 s, average=0.000 s; distance=0 kB,"
                + " estimate=0 kB; lsn=" + lsn(at) + ", redo lsn=" + lsn(at)));
        ctx.err(line(1, "database system is shut down"));
        control(true, at);
    }

    private static String lsn(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase(Locale.ROOT) + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }

    /** pg_control as read: state, the time it was written (epoch ms) and the checkpoint's LSN in hex. */
    private String[] control() {
        String c = ctx.readFile(pgdata + "/global/pg_control");
        String[] f = c == null ? new String[0] : c.strip().split("\n");
        return f.length == 3 ? f : new String[] {"shut down", Long.toString(now().toEpochMilli()), Long.toHexString(INITIAL_LSN)};
    }

    private void control(boolean shutDown, long lsn) {
        ctx.writeFile(pgdata + "/global/pg_control", (shutDown ? "shut down" : "in production") + "\n" + now().toEpochMilli() + "\n"
                + Long.toHexString(lsn) + "\n");
    }
}
