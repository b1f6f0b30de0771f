package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mysql image's {@code docker logs}: docker-library/mysql's entrypoint refusing an empty datadir
 * without a root password option (exit 1), initializing one with it (mysqld --initialize-insecure,
 * the temporary server, the environment's database and user), mysqld as PID 1 ready for connections,
 * its shutdown on {@code docker stop}, and a restart that skips initialization.
 */
class MysqlLogEndToEndTest {
    private static final String E = "2025-01-01 00:00:00+00:00 ";
    private static final String S = "2025-01-01T00:00:00.000000Z ";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void withoutAPasswordOptionTheEntrypointRefusesAndExitsOne() {
        h.ok("docker run -d --name db mysql");
        assertEquals(List.of("1"), h.ok("docker wait db"));
        assertEquals(List.of(E + "[Note] [Entrypoint]: Entrypoint script for MySQL Server 26.7.0-1.el9 started.",
                E + "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
                E + "[Note] [Entrypoint]: Entrypoint script for MySQL Server 26.7.0-1.el9 started.",
                E + "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
                "    You need to specify one of the following as an environment variable:",
                "    - MYSQL_ROOT_PASSWORD",
                "    - MYSQL_ALLOW_EMPTY_PASSWORD",
                "    - MYSQL_RANDOM_ROOT_PASSWORD"), h.ok("docker logs db"));
        assertEquals(List.of("Exited (1) Less than a second ago"), h.ok("docker ps -a --format '{{.Status}}'"));
    }

    @Test
    void theFirstStartInitializesThenMysqldIsPidOneAndStopShutsItDown() {
        h.ok("docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=shop -e MYSQL_USER=app -e MYSQL_PASSWORD=pw mysql");
        h.ok("sleep 1");
        List<String> logs = h.ok("docker logs db");
        assertEquals(List.of(E + "[Note] [Entrypoint]: Initializing database files",
                S + "0 [System] [MY-015017] [Server] MySQL Server Initialization - start.",
                S + "0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 26.7.0) initializing of server in progress as process 79"),
                logs.subList(3, 6));
        int temp = logs.indexOf(E + "[Note] [Entrypoint]: Temporary server started.");
        assertEquals(List.of(S + "0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '26.7.0'"
                        + "  socket: '/var/run/mysqld/mysqld.sock'  port: 0  MySQL Community Server - GPL.",
                E + "[Note] [Entrypoint]: Temporary server started.",
                "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'",
                "Warning: Unable to load '/usr/share/zoneinfo/iso3166.tab' as time zone. Skipping it."), logs.subList(temp - 1, temp + 3));
        int db = logs.indexOf(E + "[Note] [Entrypoint]: Creating database shop");
        assertEquals(List.of(E + "[Note] [Entrypoint]: Creating database shop", E + "[Note] [Entrypoint]: Creating user app",
                E + "[Note] [Entrypoint]: Giving user app access to schema shop", "",
                E + "[Note] [Entrypoint]: Stopping temporary server",
                S + "11 [System] [MY-013172] [Server] Received SHUTDOWN from user root. Shutting down mysqld (Version: 26.7.0)."),
                logs.subList(db, db + 6));
        int done = logs.indexOf(E + "[Note] [Entrypoint]: MySQL init process done. Ready for start up.");
        assertEquals(List.of(E + "[Note] [Entrypoint]: MySQL init process done. Ready for start up.", "",
                S + "0 [System] [MY-015015] [Server] MySQL Server - start.",
                S + "0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 26.7.0) starting as process 1"),
                logs.subList(done, done + 4));
        assertEquals(S + "0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '26.7.0'"
                + "  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.", logs.get(logs.size() - 1));
        h.ok("sleep 4");
        h.ok("docker stop db");
        String t = "2025-01-01T00:00:05.000000Z ";
        assertEquals(List.of(t + "0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld"
                        + " (Version: 26.7.0).",
                t + "0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 26.7.0)  MySQL Community Server - GPL.",
                t + "0 [System] [MY-015016] [Server] MySQL Server - end."), h.ok("docker logs --tail 3 db"));
        assertEquals(List.of("0"), h.ok("docker wait db"));
        h.ok("sleep 5");
        h.ok("docker start db");
        String r = "2025-01-01 00:00:10+00:00 ";
        List<String> again = h.ok("docker logs --since 4s db");
        assertEquals(List.of(r + "[Note] [Entrypoint]: Entrypoint script for MySQL Server 26.7.0-1.el9 started.",
                r + "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
                r + "[Note] [Entrypoint]: Entrypoint script for MySQL Server 26.7.0-1.el9 started.",
                "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'",
                "2025-01-01T00:00:10.000000Z 0 [System] [MY-015015] [Server] MySQL Server - start."), again.subList(0, 5));
    }

    @Test
    void mariadbRefusesAnEmptyDatadirWithoutARootPasswordOptionAndTakesMysqlsNames() {
        h.ok("docker run -d --name maria mariadb");
        assertEquals(List.of("1"), h.ok("docker wait maria"));
        assertEquals(List.of(E + "[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.",
                E + "[Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB",
                E + "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
                E + "[Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:12.3.2+maria~ubu2404 started.",
                E + "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
                "\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and"
                        + " MARIADB_RANDOM_ROOT_PASSWORD"), h.ok("docker logs maria"));
        h.ok("docker run -d --name m2 -v data:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret mariadb");
        h.ok("sleep 1");
        h.ok("docker stop m2");
        // A datadir that holds a database needs no password option.
        h.ok("docker run -d --name m3 -v data:/var/lib/mysql mariadb");
        h.ok("sleep 1");
        assertEquals(List.of("m3"), h.ok("docker ps --format '{{.Names}}'"));
    }
}
