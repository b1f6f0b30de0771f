package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The postgres image's {@code docker logs}: docker-library/postgres's docker-entrypoint.sh
 * initializing an empty $PGDATA (initdb, a temporary server, /docker-entrypoint-initdb.d), then the
 * server's log (postmaster.c, xlog.c) on the manual clock; a restart skipping initialization; the
 * stop signal's shutdown lines.
 */
class PostgresLogEndToEndTest {
    private static final String V = "PostgreSQL 18.6 (Debian 18.6-1.pgdg13+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit";
    private static final String T0 = "2025-01-01 00:00:00.000 UTC ";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theFirstStartInitializesThenTheServerStartsAndIsReadyAfterItsStartup() {
        h.ok("docker run -d --name db -e POSTGRES_PASSWORD=secret postgres");
        List<String> logs = h.ok("docker logs db");
        assertEquals("The files belonging to this database system will be owned by user \"postgres\".", logs.get(0));
        int success = logs.indexOf("Success. You can now start the database server using:");
        assertEquals(List.of("", "    pg_ctl -D /var/lib/postgresql/18/docker -l logfile start", "",
                "initdb: warning: enabling \"trust\" authentication for local connections",
                "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host,"
                        + " the next time you run initdb.",
                "waiting for server to start...." + T0 + "[50] LOG:  starting " + V,
                T0 + "[50] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
                T0 + "[56] LOG:  database system was shut down at 2025-01-01 00:00:00 UTC",
                T0 + "[50] LOG:  database system is ready to accept connections",
                " done", "server started", "",
                "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*", "",
                "waiting for server to shut down..." + T0 + "[50] LOG:  received fast shutdown request",
                "." + T0 + "[50] LOG:  aborting any active transactions"), logs.subList(success + 1, success + 17));
        int complete = logs.indexOf("PostgreSQL init process complete; ready for start up.");
        assertEquals(List.of("server stopped", "", "PostgreSQL init process complete; ready for start up.", "",
                T0 + "[1] LOG:  starting " + V,
                T0 + "[1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
                T0 + "[1] LOG:  listening on IPv6 address \"::\", port 5432",
                T0 + "[1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
                T0 + "[72] LOG:  database system was shut down at 2025-01-01 00:00:00 UTC"), logs.subList(complete - 2, logs.size()));
        h.ok("sleep 2");
        assertEquals(List.of("2025-01-01 00:00:01.000 UTC [1] LOG:  database system is ready to accept connections"),
                h.ok("docker logs --tail 1 db"));
    }

    @Test
    void stopShutsDownFastAndTheRestartSkipsInitialization() {
        h.ok("docker run -d --name db -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=app postgres");
        List<String> first = h.ok("docker logs db");
        int started = first.indexOf("server started");
        assertEquals(List.of("CREATE DATABASE", "", ""), first.subList(started + 1, started + 4));
        h.ok("sleep 5");
        h.ok("docker stop db");
        String t = "2025-01-01 00:00:05.000 UTC ";
        assertEquals(List.of(t + "[1] LOG:  received fast shutdown request", t + "[1] LOG:  aborting any active transactions",
                t + "[1] LOG:  background worker \"logical replication launcher\" (PID 75) exited with exit code 1",
                t + "[70] LOG:  shutting down", t + "[70] LOG:  checkpoint starting: shutdown immediate",
                t + "[70] LOG:  checkpoint complete: wrote 0 buffers (0.0%), wrote 0 SLRU buffers; 0 WAL file(s) added, 0 removed,"
                        + " 0 recycled; write=0.001 s, sync=0.001 s, total=0.004 s; sync files=0, longest=0.000 s, average=0.000 s;"
                        + " distance=0 kB, estimate=0 kB; lsn=0/1B9FC40, redo lsn=0/1B9FC40",
                t + "[1] LOG:  database system is shut down"), h.ok("docker logs --tail 7 db"));
        assertEquals(List.of("0"), h.ok("docker wait db"));
        h.ok("sleep 10");
        h.ok("docker start db");
        h.ok("sleep 1");
        String r = "2025-01-01 00:00:15.000 UTC ";
        assertEquals(List.of("", "PostgreSQL Database directory appears to contain a database; Skipping initialization", "",
                r + "[1] LOG:  starting " + V,
                r + "[1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
                r + "[1] LOG:  listening on IPv6 address \"::\", port 5432",
                r + "[1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
                r + "[30] LOG:  database system was shut down at 2025-01-01 00:00:05 UTC",
                "2025-01-01 00:00:16.000 UTC [1] LOG:  database system is ready to accept connections"), h.ok("docker logs --since 10s db"));
        h.ok("docker kill db");
        h.ok("docker start db");
        List<String> after = h.ok("docker logs --tail 2 db");
        assertTrue(after.get(0).endsWith("[30] LOG:  database system was interrupted; last known up at 2025-01-01 00:00:15 UTC"), after.get(0));
        assertTrue(after.get(1).endsWith("[30] LOG:  database system was not properly shut down; automatic recovery in progress"), after.get(1));
    }

    @Test
    void withoutAPasswordTheEntrypointRefusesAnEmptyDataDirectoryAndExitsOne() {
        h.ok("docker run -d --name db postgres");
        h.ok("sleep 1");
        List<String> block = List.of(
                "Error: Database is uninitialized and superuser password is not specified.",
                "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
                "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
                "",
                "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
                "       connections without a password. This is *not* recommended.",
                "",
                "       See PostgreSQL documentation about \"trust\":",
                "       https://www.postgresql.org/docs/current/auth-trust.html");
        assertEquals(block, h.ok("docker logs db"));
        assertEquals(List.of("1"), h.ok("docker wait db"));
        assertEquals(List.of("Exited (1) 1 second ago"), h.ok("docker ps -a --format '{{.Status}}'"));
        // Nothing listens: the server never started.
        assertEquals(List.of(), h.ok("docker ps -q"));
        // In the foreground the client prints the block and returns the status.
        assertEquals(block, h.fails("docker run --rm postgres", 1));
    }

    @Test
    void aPasswordFileTheEntrypointCannotReadEndsItWithBashsError() {
        h.ok("docker run -d --name db -e POSTGRES_PASSWORD_FILE=/run/secrets/db-password postgres");
        assertEquals(List.of("1"), h.ok("docker wait db"));
        assertEquals(List.of("/usr/local/bin/docker-entrypoint.sh: line 21: /run/secrets/db-password: No such file or directory"),
                h.ok("docker logs db"));
        h.ok("docker run -d --name both -e POSTGRES_PASSWORD=a -e POSTGRES_PASSWORD_FILE=/run/secrets/db-password postgres");
        assertEquals(List.of("1"), h.ok("docker wait both"));
        assertEquals(List.of("error: both POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are set (but are exclusive)"),
                h.ok("docker logs both"));
    }

    @Test
    void trustWarnsBeforeInitdbAndADatabaseAlreadyThereNeedsNoPassword() {
        h.ok("docker run -d --name db -v pgdata:/var/lib/postgresql -e POSTGRES_HOST_AUTH_METHOD=trust postgres");
        List<String> logs = h.ok("docker logs db");
        assertEquals(List.of("********************************************************************************",
                "WARNING: POSTGRES_HOST_AUTH_METHOD has been set to \"trust\". This will allow",
                "         anyone with access to the Postgres port to access your database without",
                "         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL",
                "         documentation about \"trust\":",
                "         https://www.postgresql.org/docs/current/auth-trust.html",
                "         In Docker's default configuration, this is effectively any other",
                "         container on the same system.",
                "",
                "         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace",
                "         it with \"-e POSTGRES_PASSWORD=password\" instead to set a password in",
                "         \"docker run\".",
                "********************************************************************************",
                "The files belonging to this database system will be owned by user \"postgres\"."), logs.subList(0, 14));
        h.ok("docker stop db");
        // docker_verify_minimum_env runs only when $PGDATA is empty: the kept cluster starts without one.
        h.ok("docker run -d --name db2 -v pgdata:/var/lib/postgresql postgres");
        assertEquals(List.of("", "PostgreSQL Database directory appears to contain a database; Skipping initialization", ""),
                h.ok("docker logs db2").subList(0, 3));
        assertEquals(List.of("db2"), h.ok("docker ps --format '{{.Names}}'"));
    }
}
