package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service with build: and no image: runs the image Compose v2 would build, <project>-<service>, never the stock image of its name. */
class ComposeBuildTest {
    private final TestHost h = new TestHost(5);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aBuildOnlyServiceNamedNginxDoesNotRunNginx() {
        h.run("mkdir -p /app && printf 'services:\\n  nginx:\\n    build: .\\n  client:\\n    image: nicolaka/netshoot\\n    command: [sleep, \"3600\"]\\n' > /app/compose.yaml");
        List<String> up = h.ok("docker compose -f /app/compose.yaml -p shop up -d");
        assertTrue(up.get(0).contains("services.nginx.build: ignored: no image is built; the service runs image shop-nginx"), up.get(0));
        assertEquals(List.of("shop-nginx"), h.ok("docker inspect -f '{{.Config.Image}}' shop-nginx-1"));
        CommandResult curl = h.run("docker exec shop-client-1 curl -s http://nginx");
        assertEquals(7, curl.status(), "nothing listens in a built image dockwire was not told of: " + curl.output());
    }

    @Test
    void aDeclaredBuiltImageAnswers() {
        h.run("mkdir -p /app && printf 'services:\\n  web:\\n    build: .\\n  client:\\n    image: nicolaka/netshoot\\n    command: [sleep, \"3600\"]\\n"
                + "x-dockwire:\\n  images:\\n    app-web: {http: 80, answer: built}\\n' > /app/compose.yaml");
        h.ok("docker compose -f /app/compose.yaml -p app up -d");
        assertEquals(List.of("built"), h.ok("docker exec app-client-1 curl -s http://web"));
    }
}
