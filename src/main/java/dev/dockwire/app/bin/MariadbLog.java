package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the mariadb image writes to {@code docker logs} when its docker-entrypoint.sh
 * (MariaDB/mariadb-docker) execs mariadbd as PID 1: the entrypoint's notes on stdout, dated as
 * {@code date --rfc-3339=seconds}; on an empty datadir its initialization (mariadb-install-db, a
 * temporary server on no port as process 92, the database and user the environment asks for, the
 * secured system users, /docker-entrypoint-initdb.d, the temporary server's shutdown, {@code
 * MariaDB init process done}); then mariadbd's own lines on stderr, dated by its
 * {@code %Y-%m-%d %2d:%02d:%02d} (the hour space-padded) with thread 0: the start ({@code Starting
 * MariaDB VERSION ... as process 1}), InnoDB's recovery, the server sockets, {@code mariadbd: ready
 * for connections.} and the {@code Version:} line; on SIGTERM the normal shutdown.
 *
 * <p>The lines are a mariadb:11.7.2 container's (ubu2404) with 12.x's socket lines (their port)
 * and its io_uring warning under Docker's seccomp profile (a 12.3.1 container's); the source
 * revision is 11.7.2's and the log sequence numbers a fresh datadir's (estimates for the
 * catalogue's version), as is the temporary server's pid; mariadb:10 (10.11 on ubu2204) prints in
 * the same shape with its zlib and socket lines without a port (an estimate: its InnoDB lines may differ).
 */
public final class MariadbLog {
    private static final DateTimeFormatter ENTRYPOINT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String REVISION = "80067a69feaeb5df30abb1bfaf7d4e713ccbf027";
    private static final String SCRIPT = "/usr/local/bin/docker-entrypoint.sh";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final ProcessContext ctx;
    /** The image's MARIADB_VERSION ({@code 1:12.3.2+maria~ubu2404}). */
    private final String packageVersion;
    /** What the server calls itself: {@code 12.3.2-MariaDB-ubu2404}. */
    private final String version;
    private final int major;
    private String serverUid;

    public MariadbLog(ProcessContext ctx, String packageVersion) {
        this.ctx = ctx;
        this.packageVersion = packageVersion;
        this.version = packageVersion.replaceFirst("^\\d+:", "").replaceFirst("\\+maria~", "-MariaDB-");
        this.major = Integer.parseInt(version.replaceFirst("\\..*", ""));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000), ZoneOffset.UTC);
    }

    private String date() {
        return ENTRYPOINT.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000));
    }

    private void note(String text) {
        ctx.out(date() + " [Note] [Entrypoint]: " + text);
    }

    /** my_b_vprintf's stamp of mariadbd's log: {@code 2025-01-01  0:00:00}. */
    private String stamp() {
        LocalDateTime t = now();
        return String.format(Locale.ROOT, "%04d-%02d-%02d %2d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond());
    }

    private void server(String level, String text) {
        ctx.err(stamp() + " 0 [" + level + "] " + text);
    }

    /** InnoDB's short stamp in its buffer-pool lines: {@code 250101  0:00:00}. */
    private String shortStamp() {
        LocalDateTime t = now();
        return String.format(Locale.ROOT, "%02d%02d%02d %2d:%02d:%02d", t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /**
     * The entrypoint up to the exec: its start lines, and the initialization of an empty datadir
     * ({@code env}: the container's environment; {@code initFiles}: /docker-entrypoint-initdb.d's
     * names, sorted). The datadir keeps the server's uid ({@code uidFile}, its content when it was made).
     */
    public void entrypoint(Map<String, String> env, List<String> initFiles, String uidFile) {
        note("Entrypoint script for MariaDB Server " + packageVersion + " started.");
        ctx.err(date() + " [Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality"
                + " unavailable to MariaDB");
        note("Switching to dedicated user 'mysql'");
        note("Entrypoint script for MariaDB Server " + packageVersion + " started.");
        if (uidFile != null) {
            serverUid = uidFile.strip();
            return;
        }
        StringBuilder uid = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            uid.append(BASE64.charAt(ctx.random(64)));
        }
        // base64 of a SHA-1: 160 bits, the last character carrying 4 of them, then one '='.
        serverUid = uid.append(BASE64.charAt(4 * ctx.random(16))).append('=').toString();
        note("Initializing database files");
        ioUring();
        note("Database files initialized");
        note("Starting temporary server");
        note("Waiting for server startup");
        start(92, false);
        note("Temporary server started.");
        if (!either(env, "RANDOM_ROOT_PASSWORD").isEmpty()) { // docker_setup_db, after the time zones are loaded
            note("GENERATED ROOT PASSWORD: " + generatedPassword());
        }
        String db = either(env, "DATABASE");
        String user = either(env, "USER");
        if (!db.isEmpty()) {
            note("Creating database " + db);
        }
        if (!user.isEmpty() && !either(env, "PASSWORD").isEmpty()) {
            note("Creating user " + user);
            if (!db.isEmpty()) {
                note("Giving user " + user + " access to schema " + db);
            }
        }
        note("Securing system users (equivalent to running mysql_secure_installation)");
        ctx.out("");
        for (String f : initFiles) {
            note(SCRIPT + ": " + (f.endsWith(".sh") ? "sourcing " : "running ") + f);
            ctx.out("");
        }
        note("Stopping temporary server");
        shutdown();
        note("Temporary server stopped");
        ctx.out("");
        note("MariaDB init process done. Ready for start up.");
        ctx.out("");
        ctx.writeFile(MysqlLog.SYSTEM_SCHEMA, serverUid + "\n");
    }

    /** What pwgen's --symbols draws from, less the quote and backslash the entrypoint's --remove-chars takes out. */
    private static final String PWGEN_SYMBOLS = "!\"#$%&()*+,-./:;<=>?@[]^_`{|}~";

    /**
     * {@code pwgen --numerals --capitalize --symbols --remove-chars="'\\" -1 32}: 32 characters with
     * at least one digit, capital and symbol (pwgen's phonemes are not modelled: any letters serve).
     */
    private String generatedPassword() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String all = letters + letters.toUpperCase(Locale.ROOT) + "0123456789" + PWGEN_SYMBOLS;
        char[] pw = new char[32];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = all.charAt(ctx.random(all.length()));
        }
        pw[ctx.random(10)] = (char) ('0' + ctx.random(10));
        pw[10 + ctx.random(10)] = (char) ('A' + ctx.random(26));
        pw[20 + ctx.random(12)] = PWGEN_SYMBOLS.charAt(ctx.random(PWGEN_SYMBOLS.length()));
        return new String(pw);
    }

    /** MARIADB_NAME, else the MYSQL_NAME the entrypoint carries over. */
    private static String either(Map<String, String> env, String name) {
        String v = env.getOrDefault("MARIADB_" + name, "");
        return v.isEmpty() ? env.getOrDefault("MYSQL_" + name, "") : v;
    }

    /** 12.x under Docker's seccomp profile, which refuses io_uring_setup with EPERM: the warning and liburing's fallback. */
    private void ioUring() {
        if (major >= 12) {
            server("Warning", "mariadbd: io_uring_queue_init() failed with EPERM: sysctl kernel.io_uring_disabled has the value 2,"
                    + " or 1 and the user of the process is not a member of sysctl kernel.io_uring_group. (see man 2 io_uring_setup).");
            ctx.err("create_uring failed: falling back to libaio");
        }
    }

    /** mariadbd as process {@code pid} up to ready; the temporary server ({@code listening} false) binds no port. */
    private void start(int pid, boolean listening) {
        server("Note", "Starting MariaDB " + version + " source revision " + REVISION + " server_uid " + serverUid + " as process " + pid);
        server("Note", "InnoDB: Compressed tables use zlib " + (version.endsWith("ubu2204") ? "1.2.11" : "1.3"));
        server("Note", "InnoDB: Number of transaction pools: 1");
        server("Note", "InnoDB: Using crc32 + pclmulqdq instructions");
        ioUring();
        server("Note", "InnoDB: Initializing buffer pool, total size = 128.000MiB, chunk size = 2.000MiB");
        server("Note", "InnoDB: Completed initialization of buffer pool");
        server("Note", "InnoDB: File system buffers for log disabled (block size=512 bytes)");
        server("Note", "InnoDB: End of log at LSN=47629");
        server("Note", "InnoDB: Opened 3 undo tablespaces");
        server("Note", "InnoDB: 128 rollback segments in 3 undo tablespaces are active.");
        server("Note", "InnoDB: Setting file './ibtmp1' size to 12.000MiB. Physically writing the file full; Please wait ...");
        server("Note", "InnoDB: File './ibtmp1' size is now 12.000MiB.");
        server("Note", "InnoDB: log sequence number 47629; transaction id 14");
        server("Note", "Plugin 'FEEDBACK' is disabled.");
        server("Note", "Plugin 'wsrep-provider' is disabled.");
        if (listening) {
            server("Note", "InnoDB: Loading buffer pool(s) from /var/lib/mysql/ib_buffer_pool");
            server("Note", "InnoDB: Buffer pool(s) load completed at " + shortStamp());
            String port = major >= 12 ? ", port: '3306'" : "";
            server("Note", "Server socket created on IP: '0.0.0.0'" + port + ".");
            server("Note", "Server socket created on IP: '::'" + port + ".");
        }
        server("Note", "mariadbd: Event Scheduler: Loaded 0 events");
        server("Note", "mariadbd: ready for connections.");
        ctx.err("Version: '" + version + "'  socket: '/run/mysqld/mysqld.sock'  port: " + (listening ? 3306 : 0)
                + "  mariadb.org binary distribution");
    }

    /** The server as PID 1, after the entrypoint: up to {@code ready for connections} on 3306. */
    public void serverStarted() {
        start(1, true);
    }

    /** SIGTERM (docker stop), or the entrypoint stopping its temporary server: the normal shutdown. */
    public void shutdown() {
        server("Note", "mariadbd (initiated by: unknown): Normal shutdown");
        server("Note", "InnoDB: FTS optimize thread exiting.");
        server("Note", "InnoDB: Starting shutdown...");
        server("Note", "InnoDB: Dumping buffer pool(s) to /var/lib/mysql/ib_buffer_pool");
        server("Note", "InnoDB: Buffer pool(s) dump completed at " + shortStamp());
        server("Note", "InnoDB: Removed temporary tablespace data file: \"./ibtmp1\"");
        server("Note", "InnoDB: Shutdown completed; log sequence number 47629; transaction id 15");
        server("Note", "mariadbd: Shutdown complete");
    }
}
