package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code docker compose up} with file secrets: each service reads its secret at /run/secrets/NAME. */
class ComposeSecretsEndToEndTest {
    private final World world = new World(1, EngineProfile.DOCKER_28);
    private final DockerHost host = world.host();

    @AfterEach
    void tearDown() {
        world.close();
    }

    private List<String> ok(String line) {
        CommandResult r = host.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Test
    void theSecretsFileIsInTheContainer() {
        ok("mkdir -p /srv/app && printf 's3cret\\n' > /srv/app/db_password.txt");
        ComposeProject p = ComposeLoader.parse("/srv/app/compose.yaml", """
                services:
                  web:
                    image: alpine
                    command: sleep 3600
                    secrets:
                      - db_password
                      - source: db_password
                        target: pw
                secrets:
                  db_password:
                    file: ./db_password.txt
                """, Map.of(), "app", null);
        new Compose(host, p).up(Map.of());
        assertEquals(List.of("s3cret"), ok("docker exec app-web-1 cat /run/secrets/db_password"));
        assertEquals(List.of("s3cret"), ok("docker exec app-web-1 cat /run/secrets/pw"));
    }
}
