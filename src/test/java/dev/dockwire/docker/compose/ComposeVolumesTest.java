package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A compose file's {@code volumes:} as Compose 2.26 makes them, recorded against the reference
 * engine with the real plugin (project s12vol: the bind's index.html served, the volumes made as
 * {@code Volume "s12vol_data"  Created} before the containers, kept by {@code down}, removed by
 * {@code down -v} as {@code Volume s12vol_data  Removed}).
 */
class ComposeVolumesTest {
    private static final String FILE = "services:\\n  web:\\n    image: nginx\\n    ports: [\"8080:80\"]\\n    volumes:\\n"
            + "      - ./html:/usr/share/nginx/html:ro\\n      - data:/data\\n  db:\\n    image: alpine\\n    command: sleep 3600\\n"
            + "    volumes:\\n      - type: volume\\n        source: data\\n        target: /shared\\nvolumes:\\n  data:\\n";
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(7);
        h.run("mkdir -p /s12vol/html");
        h.run("printf '<h1>hi</h1>\\n' > /s12vol/html/index.html");
        h.run("printf '" + FILE + "' > /s12vol/compose.yaml");
        h.run("cd /s12vol");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void theProjectsVolumesAreMadeSharedAndRemovedWithDownV() {
        List<String> up = h.ok("docker compose up -d");
        assertTrue(up.stream().anyMatch(l -> l.matches(" ✔ Volume \"s12vol_data\" +Created")), String.join("\n", up));
        assertEquals(List.of("local     s12vol_data"), h.ok("docker volume ls").subList(1, 2));
        assertEquals(List.of("<h1>hi</h1>"), h.ok("curl -s localhost:8080"), "nginx serves the bind's files");
        h.ok("docker compose exec db sh -c 'echo from-db > /shared/note'");
        assertEquals(List.of("from-db"), h.ok("docker compose exec web cat /data/note"), "one volume, two services");
        var ro = h.run("docker compose exec web sh -c 'echo x > /usr/share/nginx/html/x'");
        assertEquals(2, ro.status(), "dash: a redirection that fails is status 2 " + ro.output());
        assertTrue(ro.output().get(0).endsWith("Read-only file system"), ro.output().toString());
        assertEquals(List.of("s12vol"), h.ok("docker volume inspect -f '{{index .Labels \"com.docker.compose.project\"}}' s12vol_data"));

        h.ok("docker compose down");
        assertEquals(List.of("s12vol_data"), h.ok("docker volume ls -q"), "down keeps the volumes");
        h.ok("docker compose up -d");
        assertEquals(List.of("from-db"), h.ok("docker compose exec web cat /data/note"), "and up finds them again");
        List<String> down = h.ok("docker compose down -v");
        assertTrue(down.stream().anyMatch(l -> l.matches(" ✔ Volume s12vol_data +Removed")), String.join("\n", down));
        assertEquals(List.of(), h.ok("docker volume ls -q"));
    }

    @Test
    void anUndeclaredVolumeIsComposesRefusal() {
        h.run("printf 'services:\\n  a:\\n    image: alpine\\n    volumes: [nope:/x]\\n' > /s12vol/compose.yaml");
        var r = h.run("docker compose up -d");
        assertEquals(15, r.status(), r.output().toString());
        assertTrue(r.output().get(0).endsWith("service \"a\" refers to undefined volume nope: invalid compose project"), r.output().toString());
    }
}
