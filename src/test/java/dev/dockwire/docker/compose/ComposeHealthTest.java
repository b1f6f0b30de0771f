package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * depends_on: condition: service_healthy on the databases, as docker/awesome-compose writes it
 * (nginx-golang-postgres's {@code ["CMD", "pg_isready"]}, nginx-flask-mysql's
 * {@code mysqladmin ping -h 127.0.0.1 --password="$$(cat /run/secrets/db-password)" --silent},
 * a redis-cli ping): compose up waits on the engine's health monitor.
 */
class ComposeHealthTest {
    private static final long S = 1_000_000_000L;
    private final World world = new World(1, EngineProfile.DOCKER_28);
    private final DockerHost host = world.host();
    private final Engine engine = host.engine();

    @AfterEach
    void tearDown() {
        world.close();
    }

    private static ComposeProject project(String yaml) {
        return ComposeLoader.parse("compose.yml", yaml, Map.of(), "demo", null);
    }

    private static final String DATABASES = """
            services:
              backend:
                image: alpine
                command: sleep 1000
                depends_on:
                  db:
                    condition: service_healthy
                  mysql:
                    condition: service_healthy
                  cache:
                    condition: service_healthy
              db:
                image: postgres
                environment:
                  POSTGRES_PASSWORD: secret
                healthcheck:
                  test: [ "CMD", "pg_isready" ]
                  interval: 10s
                  timeout: 5s
                  retries: 5
              mysql:
                image: mysql
                environment:
                  MYSQL_ROOT_PASSWORD: secret
                healthcheck:
                  test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 --password="$$(cat /run/secrets/db-password)" --silent']
                  interval: 3s
                  retries: 5
                  start_period: 30s
              cache:
                image: redis
                healthcheck:
                  test: ["CMD", "redis-cli", "ping"]
                  interval: 1s
            """;

    @Test
    void theDatabasesComeUpHealthyBeforeTheirDependant() {
        long t0 = host.loop().nanos();
        List<String> out = new Compose(host, project(DATABASES)).up(Map.of());
        assertEquals(List.of("[+] Running 5/5", " ✔ Network demo_default      Created", " ✔ Container demo-db-1       Healthy",
                " ✔ Container demo-mysql-1    Healthy", " ✔ Container demo-cache-1    Healthy",
                " ✔ Container demo-backend-1  Started"), out);
        assertEquals(10 * S, host.loop().nanos() - t0, "postgres's first probe, one 10s interval after its start");
        assertEquals("healthy", engine.container("demo-mysql-1").health().status().id());
        assertEquals(List.of(5 * S, 8 * S), engine.container("demo-mysql-1").health().log().stream()
                .map(r -> r.start() - t0).toList().subList(0, 2), "the 5s start interval within the start period, then 3s");
        assertEquals("cat: /run/secrets/db-password: No such file or directory\nmysqld is alive\n",
                engine.container("demo-mysql-1").health().log().get(0).output(), "no secret here: cat fails, the ping does not");
        assertEquals("PONG\n", engine.container("demo-cache-1").health().log().get(0).output());
        assertEquals("/var/run/postgresql:5432 - accepting connections\n",
                engine.container("demo-db-1").health().log().get(0).output());
        CommandResult ps = host.run("docker ps --format '{{.Names}}: {{.Status}}'");
        assertEquals(List.of("demo-backend-1: Up Less than a second", "demo-cache-1: Up 10 seconds (healthy)",
                "demo-mysql-1: Up 10 seconds (healthy)", "demo-db-1: Up 10 seconds (healthy)"), ps.output());
    }

    @Test
    void composePsShowsHealthInStatus() {
        Compose compose = new Compose(host, project(DATABASES));
        compose.up(Map.of());
        List<String> ps = compose.ps(false, false, false).output();
        assertEquals(true, ps.stream().anyMatch(l -> l.startsWith("demo-db-1") && l.contains("Up 10 seconds (healthy)")),
                String.join("\n", ps));
    }

    @Test
    void awesomeComposesNginxGolangPostgresComesUpHealthy() {
        // docker/awesome-compose nginx-golang-postgres/compose.yaml as published (the backend is build-only).
        ComposeProject p = project("""
                services:
                  backend:
                    build:
                      context: backend
                      target: builder
                    secrets:
                      - db-password
                    depends_on:
                      db:
                        condition: service_healthy

                  db:
                    image: postgres
                    restart: always
                    user: postgres
                    secrets:
                      - db-password
                    volumes:
                      - db-data:/var/lib/postgresql
                    environment:
                      - POSTGRES_DB=example
                      - POSTGRES_PASSWORD_FILE=/run/secrets/db-password
                    expose:
                      - 5432
                    healthcheck:
                      test: [ "CMD", "pg_isready" ]
                      interval: 10s
                      timeout: 5s
                      retries: 5

                volumes:
                  db-data:

                secrets:
                  db-password:
                    file: db/password.txt
                """);
        // Its build context, as the project has it (Compose refuses a build: whose context is missing).
        host.run("mkdir -p backend && printf 'FROM golang:1.18-alpine AS builder\\nWORKDIR /code\\nCMD [\"go\", \"run\", \"main.go\"]\\n'"
                + " > backend/Dockerfile");
        // Its secret's file (Compose binds it; a missing one is the daemon's "bind source path does not exist").
        host.run("mkdir -p db && echo secret > db/password.txt");
        List<String> out = new Compose(host, p).up(Map.of());
        assertEquals(List.of("[+] Running 5/5", " ✔ backend                   Built", " ✔ Network demo_default      Created",
                " ✔ Volume \"demo_db-data\"     Created", " ✔ Container demo-db-1       Healthy", " ✔ Container demo-backend-1  Started"),
                out.subList(out.size() - 6, out.size()),
                String.join("\n", out));
        assertEquals(List.of("demo-backend-1 Up Less than a second", "demo-db-1 Up 10 seconds (healthy)"),
                host.run("docker ps --format '{{.Names}} {{.Status}}'").output());
        assertEquals(List.of("{\"Status\":\"healthy\",\"FailingStreak\":0,\"Log\":[{\"Start\":\"2025-01-01T00:00:10Z\","
                + "\"End\":\"2025-01-01T00:00:10Z\",\"ExitCode\":0,\"Output\":\"/var/run/postgresql:5432 - accepting connections\\n\"}]}"),
                host.run("docker inspect --format '{{json .State.Health}}' demo-db-1").output());
    }

    @Test
    void awesomeComposesMariadb10IsHealthyByMysqladminPing() {
        ComposeProject p = project("""
                services:
                  backend:
                    image: alpine
                    command: sleep 1000
                    depends_on:
                      db:
                        condition: service_healthy
                  db:
                    image: mariadb:10-focal
                    command: '--default-authentication-plugin=mysql_native_password'
                    restart: always
                    healthcheck:
                      test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 --password="$$(cat /run/secrets/db-password)" --silent']
                      interval: 3s
                      retries: 5
                      start_period: 30s
                    environment:
                      - MYSQL_DATABASE=example
                      - MYSQL_ROOT_PASSWORD=example
                    expose:
                      - 3306
                      - 33060
                """);
        List<String> out = new Compose(host, p).up(Map.of());
        assertEquals(" ✔ Container demo-db-1       Healthy", out.get(2));
        assertEquals("cat: /run/secrets/db-password: No such file or directory\nmysqld is alive\n",
                engine.container("demo-db-1").health().log().get(0).output());
        assertEquals(List.of("mysqld is alive"), host.run("docker exec demo-db-1 mysqladmin ping").output());
    }

    @Test
    void theServicesEnvironmentReachesTheProbe() {
        ComposeProject p = project("""
                services:
                  web:
                    image: alpine
                    depends_on:
                      db: {condition: service_healthy}
                  db:
                    image: postgres
                    environment:
                      POSTGRES_USER: app
                      POSTGRES_DB: shop
                      POSTGRES_PASSWORD: secret
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB} && echo $$POSTGRES_USER"]
                      interval: 2s
                """);
        new Compose(host, p).up(Map.of());
        assertEquals("/var/run/postgresql:5432 - accepting connections\napp\n",
                engine.container("demo-db-1").health().log().get(0).output());
        assertEquals(List.of("[\"POSTGRES_USER=app\",\"POSTGRES_DB=shop\",\"POSTGRES_PASSWORD=secret\",\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:"
                + "/usr/lib/postgresql/18/bin\",\"GOSU_VERSION=1.19\",\"LANG=en_US.utf8\",\"PG_MAJOR=18\",\"PG_VERSION=18.6-1.pgdg13+2\","
                + "\"PGDATA=/var/lib/postgresql/18/docker\"]"),
                host.run("docker inspect --format '{{json .Config.Env}}' demo-db-1").output());
    }

    @Test
    void aDatabaseThatNeverAnswersFailsUpAsComposeSays() {
        ComposeProject p = project("""
                services:
                  web:
                    image: alpine
                    depends_on:
                      db: {condition: service_healthy}
                  db:
                    image: postgres
                    environment:
                      POSTGRES_PASSWORD: secret
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready -h 127.0.0.1 -p 5433"]
                      interval: 2s
                      retries: 3
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> new Compose(host, p).up(Map.of()));
        assertEquals("dependency failed to start: container demo-db-1 is unhealthy", e.getMessage());
        assertEquals("127.0.0.1:5433 - no response\n", engine.container("demo-db-1").health().log().get(0).output());
        assertEquals(3, engine.container("demo-db-1").health().failingStreak());
    }
}
