package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The docker/awesome-compose projects whose backend waits on its database with
 * {@code depends_on: condition: service_healthy}, files unchanged: {@code up -d} waits until the
 * database's own check program (pg_isready, mysqladmin ping) answers, reports the database
 * {@code Healthy} before it starts the dependant (pkg/compose/convergence.go waitDependencies), and
 * the database then reads {@code (healthy)} with a passing probe in {@code State.Health}.
 */
class AwesomeComposeHealthTest {
    @ParameterizedTest
    @CsvSource({
        "nginx-aspnet-mysql, backend, mysqld is alive",
        "nginx-flask-mysql, backend, mysqld is alive",
        "nginx-golang-mysql, backend, mysqld is alive",
        "nginx-golang-postgres, backend, /var/run/postgresql:5432 - accepting connections",
        "react-java-mysql, backend, mysqld is alive"})
    void theDatabaseComesUpHealthyBeforeItsDependantStarts(String name, String dependant, String probeSays) {
        Path file = AwesomeComposeTest.composeFile(AwesomeComposeTest.ROOT.resolve(name));
        try (TestHost h = new TestHost(19)) {
            AwesomeComposeBuildTest.omitted(h, name);
            CommandResult up = h.run("docker compose -f " + file + " up -d");
            assertEquals(0, up.status(), String.join("\n", up.output()));
            List<String> lines = up.output().stream().map(String::strip).toList();
            int healthy = lines.stream().filter(l -> l.matches("✔ Container " + name + "-db-1 +Healthy"))
                    .findFirst().map(lines::indexOf).orElse(-1);
            int started = lines.stream().filter(l -> l.matches("✔ Container " + name + "-" + dependant + "-1 +Started"))
                    .findFirst().map(lines::indexOf).orElse(-1);
            assertTrue(healthy >= 0 && started > healthy, "the database is Healthy, then its dependant Started:\n" + String.join("\n", up.output()));
            assertTrue(h.ok("docker ps --format '{{.Names}} {{.Status}}'").stream()
                    .anyMatch(l -> l.matches(name + "-db-1 Up .* \\(healthy\\)")), String.join("\n", h.ok("docker ps")));
            assertEquals(List.of("healthy 0"), h.ok("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' " + name + "-db-1"));
            String log = h.ok("docker inspect -f '{{json .State.Health.Log}}' " + name + "-db-1").get(0);
            assertTrue(log.matches(".*\"ExitCode\":0,\"Output\":\"[^\"]*" + Pattern.quote(probeSays) + "\\\\n\"}]"), log);
        }
    }
}
