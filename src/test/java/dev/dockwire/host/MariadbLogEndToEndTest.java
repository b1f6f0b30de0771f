package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mariadb image's {@code docker logs}: the entrypoint initializing an empty datadir (the
 * temporary server on port 0, the database and user asked for, an init script, its shutdown), then
 * mariadbd as PID 1 ready on 3306 with the catalogue's version, its stamps' space-padded hour;
 * {@code docker stop}'s normal shutdown; a restart on the kept datadir going straight to the server
 * with the same server_uid; mariadb:10's Version line and socket lines without a port.
 */
class MariadbLogEndToEndTest {
    private static final String E = "2025-01-01 00:00:00+00:00 [Note] [Entrypoint]: ";
    private static final String S = "2025-01-01  0:00:00 0 [Note] ";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theEntrypointInitializesTheDatadirAndTheServerIsReady() {
        h.ok("docker run -d --name db -e MARIADB_ROOT_PASSWORD=secret -e MARIADB_DATABASE=shop -e MARIADB_USER=app"
                + " -e MARIADB_PASSWORD=pw mariadb");
        List<String> logs = h.ok("docker logs db");
        assertEquals(List.of(E + "Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.",
                "2025-01-01 00:00:00+00:00 [Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable"
                        + " to MariaDB",
                E + "Switching to dedicated user 'mysql'",
                E + "Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.",
                E + "Initializing database files"), logs.subList(0, 5));
        int started = logs.indexOf(E + "Temporary server started.");
        assertEquals("Version: '12.3.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 0  mariadb.org binary distribution",
                logs.get(started - 1));
        assertEquals(List.of(E + "Creating database shop", E + "Creating user app", E + "Giving user app access to schema shop",
                E + "Securing system users (equivalent to running mysql_secure_installation)", "", E + "Stopping temporary server",
                S + "mariadbd (initiated by: unknown): Normal shutdown"), logs.subList(started + 1, started + 8));
        assertEquals(List.of(S + "Server socket created on IP: '0.0.0.0', port: '3306'.",
                S + "Server socket created on IP: '::', port: '3306'.", S + "mariadbd: Event Scheduler: Loaded 0 events",
                S + "mariadbd: ready for connections.",
                "Version: '12.3.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution"),
                logs.subList(logs.size() - 5, logs.size()));
        List<String> starts = logs.stream().filter(l -> l.contains("Starting MariaDB")).toList();
        assertEquals(2, starts.size());
        assertTrue(starts.get(0).endsWith(" as process 92") && starts.get(1).endsWith(" as process 1"), starts.toString());
        assertEquals(starts.get(0).replace(" 92", " 1"), starts.get(1), "one server_uid, kept in the datadir");
        assertEquals(List.of("mysqld is alive"), h.ok("docker exec db mariadb-admin ping"));
    }

    /** MARIADB_RANDOM_ROOT_PASSWORD (or MYSQL_'s): docker_setup_db's note of the password pwgen made, after the temporary server started. */
    @Test
    void aRandomRootPasswordIsSaidOnceInTheLog() {
        h.ok("docker run -d --name db -e MARIADB_RANDOM_ROOT_PASSWORD=1 -e MARIADB_DATABASE=shop mariadb");
        List<String> logs = h.ok("docker logs db");
        int started = logs.indexOf(E + "Temporary server started.");
        String said = logs.get(started + 1);
        assertTrue(said.matches(java.util.regex.Pattern.quote(E + "GENERATED ROOT PASSWORD: ") + "[^'\\\\ ]{32}"), said);
        String pw = said.substring(said.length() - 32);
        assertTrue(pw.matches(".*[0-9].*") && pw.matches(".*[A-Z].*") && pw.matches(".*[^A-Za-z0-9].*"), pw);
        assertEquals(E + "Creating database shop", logs.get(started + 2));
        assertEquals(1, logs.stream().filter(l -> l.contains("GENERATED ROOT PASSWORD")).count());
        h.ok("docker run -d --name db2 -e MYSQL_RANDOM_ROOT_PASSWORD=yes mariadb");
        assertEquals(1, h.ok("docker logs db2").stream().filter(l -> l.contains("GENERATED ROOT PASSWORD: ")).count());
        h.ok("docker run -d --name db3 -e MARIADB_ROOT_PASSWORD=x mariadb");
        assertEquals(0, h.ok("docker logs db3").stream().filter(l -> l.contains("GENERATED")).count());
    }

    @Test
    void stopShutsDownNormallyAndTheRestartKeepsTheDatadir() {
        h.ok("docker run -d --name db -v data:/var/lib/mysql -e MARIADB_ROOT_PASSWORD=secret mariadb");
        String uid = h.ok("docker logs db").stream().filter(l -> l.contains("Starting MariaDB")).findFirst().orElseThrow()
                .replaceFirst(".*server_uid (\\S+) .*", "$1");
        h.ok("sleep 12");
        h.ok("docker stop db");
        String t = "2025-01-01  0:00:12 0 [Note] ";
        assertEquals(List.of(t + "mariadbd (initiated by: unknown): Normal shutdown", t + "InnoDB: FTS optimize thread exiting.",
                t + "InnoDB: Starting shutdown...", t + "InnoDB: Dumping buffer pool(s) to /var/lib/mysql/ib_buffer_pool",
                t + "InnoDB: Buffer pool(s) dump completed at 250101  0:00:12",
                t + "InnoDB: Removed temporary tablespace data file: \"./ibtmp1\"",
                t + "InnoDB: Shutdown completed; log sequence number 47629; transaction id 15", t + "mariadbd: Shutdown complete"),
                h.ok("docker logs --tail 8 db"));
        assertEquals(List.of("0"), h.ok("docker wait db"));
        h.ok("docker rm db");
        h.ok("docker run -d --name again -v data:/var/lib/mysql mariadb");
        List<String> again = h.ok("docker logs again");
        assertEquals("2025-01-01 00:00:12+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.",
                again.get(3));
        assertTrue(again.get(4).startsWith("2025-01-01  0:00:12 0 [Note] Starting MariaDB 12.3.2-MariaDB-ubu2404 ")
                && again.get(4).endsWith("server_uid " + uid + " as process 1"), again.get(4));
    }

    @Test
    void mariadb10NamesItsVersionAndItsSocketsWithoutAPort() {
        h.ok("docker run -d --name old -e MARIADB_ROOT_PASSWORD=secret mariadb:10");
        List<String> logs = h.ok("docker logs old");
        assertEquals(List.of(S + "Server socket created on IP: '0.0.0.0'.", S + "Server socket created on IP: '::'.",
                S + "mariadbd: Event Scheduler: Loaded 0 events", S + "mariadbd: ready for connections.",
                "Version: '10.11.19-MariaDB-ubu2204'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution"),
                logs.subList(logs.size() - 5, logs.size()));
        assertEquals(0, logs.stream().filter(l -> l.contains("io_uring")).count());
    }
}
