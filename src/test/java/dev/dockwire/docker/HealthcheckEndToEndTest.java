package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Healthchecks end to end, on what the commands print: the images' check programs against their
 * servers over the emulated network (and against a server that is not there), docker ps/inspect's
 * health texts as Docker prints them (checked against Docker 20.10's daemon with the 28.2 client).
 */
class HealthcheckEndToEndTest {
    private final World world = new World(1, EngineProfile.DOCKER_28);
    private final DockerHost host = world.host();

    @AfterEach
    void tearDown() {
        world.close();
    }

    private List<String> ok(String line) {
        return run(line, 0);
    }

    private List<String> run(String line, int status) {
        CommandResult r = host.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Test
    void pgIsreadyAsksThePostgresServerAndTellsStartingUpFromUpFromGone() {
        ok("docker network create dbnet");
        ok("docker run -d --name db --network dbnet -e POSTGRES_PASSWORD=secret postgres");
        assertEquals(List.of("/var/run/postgresql:5432 - rejecting connections"), run("docker exec db pg_isready", 1),
                "57P03 while the server starts up");
        ok("sleep 1");
        assertEquals(List.of("/var/run/postgresql:5432 - accepting connections"), ok("docker exec db pg_isready"));
        ok("docker run -d --name client --network dbnet postgres sleep 1000");
        assertEquals(List.of("db:5432 - accepting connections"), ok("docker exec client pg_isready -h db -U postgres"));
        assertEquals(List.of(), ok("docker exec client pg_isready -q -h db"));
        assertEquals(List.of("db:5432 - accepting connections"), ok("docker exec client pg_isready --host=db -p5432 -t 1"));
        assertEquals(List.of("pg_isready: option requires an argument -- 'U'",
                "pg_isready: hint: Try \"pg_isready --help\" for more information."), run("docker exec client pg_isready -U", 3),
                "an empty $POSTGRES_USER in a test vanishes and leaves -U without its argument");
        assertEquals(List.of("/var/run/postgresql:5432 - no response"), run("docker exec client pg_isready", 2),
                "no server in the client's own container");
        ok("docker stop db");
        assertEquals(List.of("db:5432 - no response"), run("docker exec client pg_isready -h db", 2));
        ok("docker run -d --name a1 alpine sleep 1000");
        assertEquals(List.of("OCI runtime exec failed: exec failed: unable to start container process: exec: \"pg_isready\": "
                + "executable file not found in $PATH: unknown"), run("docker exec a1 pg_isready", 126), "alpine has no pg_isready");
    }

    @Test
    void mysqladminPingAndRedisCliPingTheirServers() {
        ok("docker network create dbnet");
        ok("docker run -d --name my --network dbnet -e MYSQL_ROOT_PASSWORD=secret mysql");
        assertEquals(List.of("mysqld is alive"), ok("docker exec my mysqladmin ping"));
        assertEquals(List.of("mysqld is alive"), ok("docker exec my mysqladmin ping -h 127.0.0.1 --password=x --silent"));
        assertEquals(List.of(), ok("docker exec my mysqladmin ping -s -s"));
        ok("docker run -d --name myc --network dbnet mysql sleep 1000");
        assertEquals(List.of("mysqld is alive"), ok("docker exec myc mysqladmin ping -h my -uroot -pexample"));
        assertEquals(List.of("mysqladmin: connect to server at 'localhost' failed",
                "error: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'",
                "Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!"),
                run("docker exec myc mysqladmin ping", 1));
        ok("docker stop my");
        assertEquals(List.of("mysqladmin: connect to server at 'my' failed", "error: 'Unknown MySQL server host 'my' (-2)'",
                "Check that mysqld is running on my and that the port is 3306.",
                "You can check this by doing 'telnet my 3306'"), run("docker exec myc mysqladmin ping -h my", 1));
        assertEquals(List.of(), run("docker exec myc mysqladmin --silent ping -h my", 1));

        ok("docker run -d --name r1 --network dbnet redis");
        assertEquals(List.of("PONG"), ok("docker exec r1 redis-cli ping"));
        assertEquals(List.of("1"), ok("docker exec r1 redis-cli --raw incr ping"));
        assertEquals(List.of("2"), ok("docker exec r1 redis-cli incr ping"));
        ok("docker run -d --name rc --network dbnet redis sleep 1000");
        assertEquals(List.of("PONG"), ok("docker exec rc redis-cli -h r1 ping"));
        assertEquals(List.of("Could not connect to Redis at 127.0.0.1:6379: Connection refused"),
                run("docker exec rc redis-cli ping", 1));
        assertEquals(List.of("ERR unknown command 'nosuch', with args beginning with: "),
                run("docker exec r1 redis-cli nosuch", 1));
    }

    @Test
    void wgetSpiderAndCurlFailOnHttpErrors() {
        ok("docker network create wnet");
        ok("docker run -d --name web --network wnet nginx");
        ok("docker run -d --name a1 --network wnet alpine sleep 1000");
        // The texts of BusyBox 1.35's wget on the reference host.
        assertEquals(List.of("Connecting to web (172.18.0.2:80)", "remote file exists"), ok("docker exec a1 wget --spider http://web/"));
        assertEquals(List.of("Connecting to web (172.18.0.2:80)", "wget: server returned error: HTTP/1.1 404 Not Found"),
                run("docker exec a1 wget --spider http://web/nope", 1));
        assertEquals(List.of("wget: server returned error: HTTP/1.1 404 Not Found"),
                run("docker exec a1 wget -q --spider http://web/nope", 1));
        assertEquals(List.of(), ok("docker exec a1 wget -q --spider http://web/"));
        assertEquals(List.of("Connecting to web:81 (172.18.0.2:81)", "wget: can't connect to remote host (172.18.0.2): Connection refused"),
                run("docker exec a1 wget --spider http://web:81/", 1));
        assertEquals(List.of("wget: bad address 'nosuch'"), run("docker exec a1 wget --spider http://nosuch/", 1));
        assertEquals(List.of("sh: 1: wget: not found"), run("docker exec web sh -c 'wget -q http://web/'", 127),
                "nginx's Debian image has no wget");
        assertEquals(List.of("curl: (22) The requested URL returned error: 404"), run("docker exec web curl -fsS http://web/nope", 22));
        assertEquals(List.of(), run("docker exec web curl -sf http://web/nope", 22));
    }

    @Test
    void psAndInspectShowTheHealthAsDockerPrintsIt() {
        ok("docker run -d --name h1 --health-cmd true --health-interval 1s busybox sleep 100");
        assertEquals(List.of("h1 Up Less than a second (health: starting)"), ok("docker ps --format '{{.Names}} {{.Status}}'"));
        assertEquals(List.of("{\"Status\":\"starting\",\"FailingStreak\":0,\"Log\":[]}"),
                ok("docker inspect --format '{{json .State.Health}}' h1"));
        ok("sleep 3");
        assertEquals(List.of("h1 Up 3 seconds (healthy)"), ok("docker ps --format '{{.Names}} {{.Status}}'"));
        String t0 = "2025-01-01T00:00:0";
        assertEquals(List.of("{\"Status\":\"healthy\",\"FailingStreak\":0,\"Log\":["
                + "{\"Start\":\"" + t0 + "1Z\",\"End\":\"" + t0 + "1Z\",\"ExitCode\":0,\"Output\":\"\"},"
                + "{\"Start\":\"" + t0 + "2Z\",\"End\":\"" + t0 + "2Z\",\"ExitCode\":0,\"Output\":\"\"},"
                + "{\"Start\":\"" + t0 + "3Z\",\"End\":\"" + t0 + "3Z\",\"ExitCode\":0,\"Output\":\"\"}]}"),
                ok("docker inspect --format '{{json .State.Health}}' h1"));
        assertEquals(List.of("healthy"), ok("docker inspect --format '{{.State.Health.Status}}' h1"));
        assertEquals(List.of("{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":1000000000}"),
                ok("docker inspect --format '{{json .Config.Healthcheck}}' h1"));

        ok("docker run -d --name h2 --health-cmd 'echo bad; exit 3' --health-interval 1s --health-retries 2 busybox sleep 100");
        ok("docker run -d --name h7 --no-healthcheck busybox sleep 100");
        ok("sleep 2");
        assertEquals(List.of("h7 Up 2 seconds", "h2 Up 2 seconds (unhealthy)", "h1 Up 5 seconds (healthy)"),
                ok("docker ps --format '{{.Names}} {{.Status}}'"));
        assertEquals(List.of("{\"Test\":[\"CMD-SHELL\",\"echo bad; exit 3\"],\"Interval\":1000000000,\"Retries\":2}"),
                ok("docker inspect --format '{{json .Config.Healthcheck}}' h2"));
        assertEquals(List.of("2"), ok("docker inspect --format '{{.State.Health.FailingStreak}}' h2"));
        assertEquals(List.of("[{\"Start\":\"2025-01-01T00:00:04Z\",\"End\":\"2025-01-01T00:00:04Z\",\"ExitCode\":3,\"Output\":\"bad\\n\"},"
                + "{\"Start\":\"2025-01-01T00:00:05Z\",\"End\":\"2025-01-01T00:00:05Z\",\"ExitCode\":3,\"Output\":\"bad\\n\"}]"),
                ok("docker inspect --format '{{json .State.Health.Log}}' h2"));
        assertEquals(List.of("{\"Test\":[\"NONE\"]}"), ok("docker inspect --format '{{json .Config.Healthcheck}}' h7"));
        assertEquals(List.of("h2"), ok("docker ps --filter health=unhealthy --format '{{.Names}}'"));
        assertEquals(List.of("h7"), ok("docker ps --filter health=none --format '{{.Names}}'"));
        ok("docker stop h1");
        assertEquals(List.of("unhealthy"), ok("docker inspect --format '{{.State.Health.Status}}' h1"),
                "moby marks a stopped container's health unhealthy");
        assertEquals(List.of("h1 Exited (137) Less than a second ago"), ok("docker ps -a --filter name=h1 --format '{{.Names}} {{.Status}}'"));
    }

    @Test
    void runsEnvironmentReachesTheProbeAndConfigEnv() {
        ok("docker run -d --name e1 -e GREETING=hi -e PATH=/bin --health-cmd 'echo $GREETING' --health-interval 1s busybox sleep 100");
        ok("sleep 1");
        String log = String.join("\n", ok("docker inspect --format '{{json .State.Health.Log}}' e1"));
        assertTrue(log.contains("\"ExitCode\":0,\"Output\":\"hi\\n\""), log);
        assertEquals(List.of("[\"GREETING=hi\",\"PATH=/bin\"]"), ok("docker inspect --format '{{json .Config.Env}}' e1"),
                "run's variables first, then the image's it does not set");
    }

    @Test
    void theCliRejectsWhatDockerCliRejects() {
        // The docker 28.2 client's texts (it checks these before it asks the daemon anything).
        assertEquals(List.of("docker: --no-healthcheck conflicts with --health-* options", "",
                "Run 'docker run --help' for more information"),
                lines(run("docker run -d --no-healthcheck --health-cmd x busybox sleep 100", 125)));
        assertEquals(List.of("invalid argument \"5\" for \"--health-interval\" flag: time: missing unit in duration \"5\"", "",
                "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information"),
                lines(run("docker run -d --health-interval 5 busybox sleep 100", 125)));
        assertEquals(List.of("docker: --health-retries cannot be negative", "", "Run 'docker run --help' for more information"),
                lines(run("docker run -d --health-retries -1 busybox", 125)));
    }

    private static List<String> lines(List<String> output) {
        return String.join("\n", output).lines().toList();
    }
}
