package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the mysql image writes to {@code docker logs}: docker-library/mysql's docker-entrypoint.sh
 * (innovation) with its {@code mysql_note} lines ({@code date --rfc-3339=seconds} and
 * {@code [Note] [Entrypoint]: ...} on stdout, {@code [Warn]}/{@code [ERROR]} on stderr) and
 * mysqld's error log on stderr ({@code 2025-07-22T09:08:58.044366Z THREAD [System] [MY-NNNNNN]
 * [Server] ...}, UTC with microseconds): on an empty datadir {@code --initialize-insecure}, the
 * temporary socket-only server, mysql_tzinfo_to_sql's warnings, the users and database the
 * environment asks for, /docker-entrypoint-initdb.d, and {@code MySQL init process done}; then
 * mysqld as PID 1 until {@code ready for connections}; on the stop signal its shutdown. Without a
 * root password option the entrypoint refuses an empty datadir ({@link #refusal}).
 *
 * <p>The server's lines, their thread ids and the helper processes' pids (79, 118) are a
 * mysql:9.3.0 container's; the catalogue's version is written into them. Every line here is
 * written at the instant the server starts (the real ones span some seconds): the model's server
 * answers at once.
 */
public final class MysqlLog {
    private static final DateTimeFormatter ENTRYPOINT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SERVER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** {@code $0} once gosu re-ran the script: the path PATH found. */
    static final String SCRIPT = "/usr/local/bin/docker-entrypoint.sh";
    /** The file whose presence is {@code [ -d "$DATADIR/mysql" ]}: the system schema's directory. */
    public static final String SYSTEM_SCHEMA = "/var/lib/mysql/mysql/general_log.CSM";
    /** What mysql_tzinfo_to_sql says of the non-zone files in /usr/share/zoneinfo (stderr). */
    private static final List<String> TZINFO = List.of("iso3166.tab", "leap-seconds.list", "leapseconds", "tzdata.zi", "zone.tab",
            "zone1970.tab");

    private final ProcessContext ctx;
    /** The package version ({@code 26.7.0-1.el9}) and the server's ({@code 26.7.0}). */
    private final String packageVersion;
    private final String version;

    public MysqlLog(ProcessContext ctx, String packageVersion) {
        this.ctx = ctx;
        this.packageVersion = packageVersion;
        this.version = packageVersion.replaceFirst("-.*", "");
    }

    private Instant now() {
        return Instant.ofEpochMilli(ctx.epochMillis()).plusNanos(ctx.nanos());
    }

    private String entrypoint(String type, String text) {
        return ENTRYPOINT.format(now()) + " [" + type + "] [Entrypoint]: " + text;
    }

    private void note(String text) {
        ctx.out(entrypoint("Note", text));
    }

    private void server(int thread, String level, String code, String subsystem, String text) {
        ctx.err(SERVER.format(now()) + " " + thread + " [" + level + "] [" + code + "] [" + subsystem + "] " + text);
    }

    /** The entrypoint's first lines, as root and again as mysql after {@code exec gosu mysql}. */
    private List<String> started() {
        String line = entrypoint("Note", "Entrypoint script for MySQL Server " + packageVersion + " started.");
        return List.of(line, entrypoint("Note", "Switching to dedicated user 'mysql'"), line);
    }

    /**
     * What the entrypoint prints before it exits 1 on an empty datadir without MYSQL_ROOT_PASSWORD,
     * MYSQL_ALLOW_EMPTY_PASSWORD or MYSQL_RANDOM_ROOT_PASSWORD in {@code env} (docker_verify_minimum_env),
     * or with MYSQL_USER=root; null when it goes on. The notes are stdout, the error stderr: a
     * line each, the error's text after its first line as the heredoc gives it.
     */
    public List<List<String>> refusal(Map<String, String> env, boolean initialized) {
        if (!refuses(env, initialized)) {
            return null;
        }
        List<String> error;
        if (noPasswordOption(env)) {
            error = List.of(entrypoint("ERROR", "Database is uninitialized and password option is not specified"),
                    "    You need to specify one of the following as an environment variable:");
        } else if ("root".equals(env.get("MYSQL_USER"))) {
            error = List.of(entrypoint("ERROR", "MYSQL_USER=\"root\", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user"
                            + " and cannot be used for the root user"),
                    "    Remove MYSQL_USER=\"root\" and use one of the following to control the root user password:");
        } else {
            return null;
        }
        List<String> err = new java.util.ArrayList<>(error);
        err.addAll(List.of("    - MYSQL_ROOT_PASSWORD", "    - MYSQL_ALLOW_EMPTY_PASSWORD", "    - MYSQL_RANDOM_ROOT_PASSWORD"));
        return List.of(started(), err);
    }

    private static boolean noPasswordOption(Map<String, String> env) {
        return env.getOrDefault("MYSQL_ROOT_PASSWORD", "").isEmpty() && env.getOrDefault("MYSQL_ALLOW_EMPTY_PASSWORD", "").isEmpty()
                && env.getOrDefault("MYSQL_RANDOM_ROOT_PASSWORD", "").isEmpty();
    }

    /** Whether the entrypoint exits 1 before mysqld ({@link #refusal} has its lines). */
    public static boolean refuses(Map<String, String> env, boolean initialized) {
        return !initialized && (noPasswordOption(env) || "root".equals(env.get("MYSQL_USER")));
    }

    /**
     * The entrypoint's part before it execs mysqld: initialization when the datadir is empty
     * ({@code env}: the container's environment; {@code initFiles}: /docker-entrypoint-initdb.d's
     * names, sorted), else only the socket link; {@code randomPassword} is what
     * {@code openssl rand -base64 24} drew.
     */
    public void entrypoint(Map<String, String> env, List<String> initFiles, boolean initialized, String randomPassword) {
        started().forEach(ctx::out);
        if (initialized) {
            ctx.out("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'");
            return;
        }
        String user = env.getOrDefault("MYSQL_USER", "");
        String password = env.getOrDefault("MYSQL_PASSWORD", "");
        if (!user.isEmpty() && password.isEmpty()) {
            ctx.err(entrypoint("Warn", "MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created"));
        } else if (user.isEmpty() && !password.isEmpty()) {
            ctx.err(entrypoint("Warn", "MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored"));
        }
        note("Initializing database files");
        server(0, "System", "MY-015017", "Server", "MySQL Server Initialization - start.");
        server(0, "System", "MY-013169", "Server", "/usr/sbin/mysqld (mysqld " + version + ") initializing of server in progress as process 79");
        innodb();
        server(6, "Warning", "MY-010453", "Server",
                "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.");
        server(0, "System", "MY-015018", "Server", "MySQL Server Initialization - end.");
        note("Database files initialized");
        note("Starting temporary server");
        serverStart(118, "Socket: /var/run/mysqld/mysqlx.sock", 0);
        note("Temporary server started.");
        ctx.out("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'");
        if (env.getOrDefault("MYSQL_INITDB_SKIP_TZINFO", "").isEmpty()) {
            TZINFO.forEach(f -> ctx.err("Warning: Unable to load '/usr/share/zoneinfo/" + f + "' as time zone. Skipping it."));
        }
        if (!env.getOrDefault("MYSQL_RANDOM_ROOT_PASSWORD", "").isEmpty()) {
            note("GENERATED ROOT PASSWORD: " + randomPassword);
        }
        String db = env.getOrDefault("MYSQL_DATABASE", "");
        if (!db.isEmpty()) {
            note("Creating database " + db);
        }
        if (!user.isEmpty() && !password.isEmpty()) {
            note("Creating user " + user);
            if (!db.isEmpty()) {
                note("Giving user " + user + " access to schema " + db);
            }
        }
        initFiles(initFiles);
        note("Stopping temporary server");
        server(11, "System", "MY-013172", "Server", "Received SHUTDOWN from user root. Shutting down mysqld (Version: " + version + ").");
        serverEnd();
        note("Temporary server stopped");
        ctx.out("");
        note("MySQL init process done. Ready for start up.");
        ctx.out("");
        ctx.writeFile(SYSTEM_SCHEMA, "");
    }

    /** docker_process_init_files: a blank line, then each file's note and the blank lines after it. */
    private void initFiles(List<String> files) {
        ctx.out("");
        for (String f : files) {
            if (f.endsWith(".sh")) {
                note(SCRIPT + ": sourcing " + f); // a script without the execute bit is sourced
            } else if (f.endsWith(".sql") || f.endsWith(".sql.gz") || f.endsWith(".sql.bz2") || f.endsWith(".sql.xz")
                    || f.endsWith(".sql.zst")) {
                note(SCRIPT + ": running " + f);
                ctx.out("");
            } else {
                ctx.err(entrypoint("Warn", SCRIPT + ": ignoring " + f));
            }
            ctx.out("");
        }
    }

    private void innodb() {
        server(1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
        server(1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
    }

    /** A server start to {@code ready for connections}: {@code pid} 1 for the exec'd one, {@code port} 0 for the socket-only one. */
    private void serverStart(int pid, String xplugin, int port) {
        server(0, "System", "MY-015015", "Server", "MySQL Server - start.");
        server(0, "System", "MY-010116", "Server", "/usr/sbin/mysqld (mysqld " + version + ") starting as process " + pid);
        innodb();
        server(0, "Warning", "MY-010068", "Server", "CA certificate ca.pem is self signed.");
        server(0, "System", "MY-013602", "Server", "Channel mysql_main configured to support TLS. Encrypted connections are now supported"
                + " for this channel.");
        server(0, "Warning", "MY-011810", "Server", "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is"
                + " accessible to all OS users. Consider choosing a different directory.");
        server(0, "System", "MY-011323", "Server", "X Plugin ready for connections. " + xplugin);
        server(0, "System", "MY-010931", "Server", "/usr/sbin/mysqld: ready for connections. Version: '" + version
                + "'  socket: '/var/run/mysqld/mysqld.sock'  port: " + port + "  MySQL Community Server - GPL.");
    }

    private void serverEnd() {
        server(0, "System", "MY-010910", "Server", "/usr/sbin/mysqld: Shutdown complete (mysqld " + version + ")  MySQL Community Server - GPL.");
        server(0, "System", "MY-015016", "Server", "MySQL Server - end.");
    }

    /** mysqld as PID 1, listening on 3306 and X Protocol's 33060. */
    public void serverStarted() {
        serverStart(1, "Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock", 3306);
    }

    /** PID 1 took SIGTERM (or SIGINT, SIGQUIT): mysqld's signal handler shuts it down as a user signal's SHUTDOWN. */
    public void shutdown() {
        server(0, "System", "MY-013172", "Server", "Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: "
                + version + ").");
        serverEnd();
    }
}
